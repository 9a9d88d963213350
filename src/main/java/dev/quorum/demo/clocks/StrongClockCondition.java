package dev.quorum.demo.clocks;

import dev.quorum.demo.engine.Invariant;
import dev.quorum.demo.engine.RunView;
import dev.quorum.demo.engine.Value;
import dev.quorum.demo.engine.TraceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What vector clocks promise: a happens before b exactly when V(a) < V(b). Every pair of stamped events is
 * compared (quadratic, but a demo run is capped at a few thousand events), against happens-before taken
 * from the run's structure. On success the summary counts the pairs that are concurrent.
 */
final class StrongClockCondition implements Invariant {

    private final List<TraceEvent> stamped = new ArrayList<>();
    private long ordered;
    private long concurrent;

    @Override
    public String name() {
        return "strong-clock-condition";
    }

    @Override
    public Optional<String> check(TraceEvent b, RunView run) {
        if (!b.onTimeline() || b.vector(VectorClocks.VALUE).isEmpty()) {
            return Optional.empty();
        }
        for (TraceEvent a : stamped) {
            boolean before = run.happensBefore(a, b);
            if (before != vec(a).before(vec(b))) {
                return Optional.of(before
                        ? event(a, run) + " happens before " + event(b, run) + ", but " + vector(a, run) + " is not less than " + vector(b, run)
                        : event(a, run) + " and " + event(b, run) + " are concurrent, but " + vector(a, run) + " < " + vector(b, run));
            }
            if (vec(b).before(vec(a))) {
                return Optional.of(event(b, run) + " does not happen before " + event(a, run) + ", but " + vector(b, run)
                        + " < " + vector(a, run));
            }
            if (before) {
                ordered++;
            } else {
                concurrent++;
            }
        }
        stamped.add(b);
        return Optional.empty();
    }

    private static String event(TraceEvent e, RunView run) {
        return "event " + e.i() + " on " + run.name(e.node());
    }

    private static String vector(TraceEvent e, RunView run) {
        Value.PerNode v = vec(e);
        StringBuilder out = new StringBuilder("V(" + e.i() + ")=[");
        for (int k = 0; k < v.size(); k++) {
            out.append(k > 0 ? ", " : "").append(run.name(k)).append(':').append(v.entry(k));
        }
        return out.append(']').toString();
    }

    private static Value.PerNode vec(TraceEvent e) {
        return e.vector(VectorClocks.VALUE).orElseThrow();
    }

    @Override
    public String summary() {
        return (ordered + concurrent) + " pairs compared: " + ordered + " ordered by happens-before, " + concurrent + " concurrent";
    }
}
