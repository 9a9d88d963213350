package dev.quorum.demo.clocks;

import dev.quorum.demo.engine.Invariant;
import dev.quorum.demo.engine.RunView;
import dev.quorum.demo.engine.TraceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The converse of the clock condition: if L(a) < L(b), then a happens before b. Lamport clocks do not promise
 * it, and even the correct one fails it as soon as two concurrent events get different times: that is the
 * lesson. Of two events, the one recorded later cannot happen before the other, so for each new event b it
 * is enough to look at the events already recorded that are not in b's past: they are concurrent with b.
 */
final class ConverseClockCondition implements Invariant {

    /** Per node, its Lamport-stamped events in timeline order, with their positions. */
    private final List<List<TraceEvent>> stamped = new ArrayList<>();
    private long pairs;

    @Override
    public String name() {
        return "lamport-order-implies-causality";
    }

    @Override
    public Optional<String> check(TraceEvent b, RunView run) {
        if (!b.onTimeline() || b.scalar(LamportClocks.VALUE).isEmpty()) {
            return Optional.empty();
        }
        while (stamped.size() < run.nodeCount()) {
            stamped.add(new ArrayList<>());
        }
        long lb = b.scalar(LamportClocks.VALUE).getAsLong();
        for (int node = 0; node < run.nodeCount(); node++) {
            if (node == b.node()) {
                continue;
            }
            for (TraceEvent a : stamped.get(node)) {
                if (a.position() <= b.pastOf(node)) {
                    continue;
                }
                pairs++;
                long la = a.scalar(LamportClocks.VALUE).getAsLong();
                if (la != lb) {
                    TraceEvent smaller = la < lb ? a : b;
                    TraceEvent larger = la < lb ? b : a;
                    return Optional.of(describe(smaller, run) + " has a smaller time than " + describe(larger, run)
                            + ", but it does not happen before it: the two are concurrent");
                }
            }
        }
        stamped.get(b.node()).add(b);
        return Optional.empty();
    }

    private static String describe(TraceEvent e, RunView run) {
        return "event " + e.i() + " on " + run.name(e.node()) + " (L=" + e.scalar(LamportClocks.VALUE).getAsLong() + ")";
    }

    @Override
    public String summary() {
        return pairs + " concurrent pairs compared; each had equal times";
    }
}
