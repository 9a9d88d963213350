package dev.quorum.demo.clocks;

import dev.quorum.demo.engine.Invariant;
import dev.quorum.demo.engine.RunView;
import dev.quorum.demo.engine.TraceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lamport's clock condition: if a happens before b, then L(a) < L(b). Happens-before comes from the run's
 * structure, not from the clocks under test. Since the events of one node that precede b form a prefix of
 * its timeline, the check keeps, per node, the largest time over each prefix, and costs O(nodes) an event.
 */
final class ClockCondition implements Invariant {

    /** Per node, indexed by timeline position: the event with the largest Lamport time up to there. */
    private final List<List<TraceEvent>> largestSoFar = new ArrayList<>();
    private int checked;

    @Override
    public String name() {
        return "clock-condition";
    }

    @Override
    public Optional<String> check(TraceEvent e, RunView run) {
        if (!e.onTimeline()) {
            return Optional.empty();
        }
        while (largestSoFar.size() < run.nodeCount()) {
            largestSoFar.add(new ArrayList<>());
        }
        Optional<String> violation = Optional.empty();
        if (e.scalar(LamportClocks.VALUE).isPresent()) {
            long time = e.scalar(LamportClocks.VALUE).getAsLong();
            checked++;
            for (int node = 0; node < run.nodeCount() && violation.isEmpty(); node++) {
                int before = node == e.node() ? e.position() - 1 : e.pastOf(node);
                TraceEvent witness = before == 0 ? null : largestSoFar.get(node).get(before - 1);
                if (witness != null && witness.scalar(LamportClocks.VALUE).getAsLong() >= time) {
                    violation = Optional.of(describe(witness, e, run));
                }
            }
        }
        remember(e);
        return violation;
    }

    private void remember(TraceEvent e) {
        List<TraceEvent> own = largestSoFar.get(e.node());
        TraceEvent previous = own.isEmpty() ? null : own.get(own.size() - 1);
        boolean timed = e.scalar(LamportClocks.VALUE).isPresent();
        boolean larger = previous == null || (timed && e.scalar(LamportClocks.VALUE).getAsLong() > previous.scalar(LamportClocks.VALUE).orElse(-1));
        own.add(larger && timed ? e : previous);
    }

    private static String describe(TraceEvent a, TraceEvent b, RunView run) {
        return "event " + a.i() + " on " + run.name(a.node()) + " (L=" + a.scalar(LamportClocks.VALUE).getAsLong()
                + ") happens before event " + b.i() + " on " + run.name(b.node()) + " (L=" + b.scalar(LamportClocks.VALUE).getAsLong()
                + "), but its time is not smaller";
    }

    @Override
    public String summary() {
        return checked + " events checked against everything that happened before them";
    }
}
