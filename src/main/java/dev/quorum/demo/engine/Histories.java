package dev.quorum.demo.engine;

import dev.quorum.lincheck.History;
import dev.quorum.lincheck.HistoryBuilder;
import dev.quorum.lincheck.Outcome;
import java.util.List;
import java.util.Locale;

/**
 * A run's client history in the checker's terms: each invocation paired with its process's next completion,
 * indexed by trace event and timed in nanoseconds of simulated time (Jepsen's {@code :time}), so the
 * checker, the EDN download and a Jepsen tool all read the same history. An operation still in flight
 * when the run ends is indeterminate ({@code :info}).
 */
public final class Histories {

    private static final long NANOS_PER_MS = 1_000_000L;

    private Histories() {
    }

    public static History of(List<HistoryOp> ops) {
        HistoryBuilder b = History.builder();
        for (HistoryOp op : ops) {
            long time = op.t() * NANOS_PER_MS;
            if (op.type().equals("invoke")) {
                b.invoke(op.process(), op.f(), op.value(), op.i(), time);
            } else {
                b.complete(op.process(), op.f(), Outcome.valueOf(op.type().toUpperCase(Locale.ROOT)), op.value(), op.i(), time);
            }
        }
        return b.build();
    }
}
