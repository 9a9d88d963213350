package dev.quorum.lincheck;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs a history's events, in order, into {@link Operation}s: each completion closes its process's
 * invocation, and whatever is still open at {@link #build} becomes {@code INFO}. Events without an index
 * take the one after the previous event's (the first takes 0), so a history typed by hand needs none.
 * A misplaced event (a second invocation in flight, a completion with nothing to complete) is an
 * {@link IllegalArgumentException} naming the process; {@link Edn} adds the line and column.
 */
public final class HistoryBuilder {

    private record Open(int id, Object process, String f, Object input, long index, long time) {
    }

    private final List<Operation> done = new ArrayList<>();
    private final List<Open> invoked = new ArrayList<>();
    private final Map<Object, Open> inFlight = new HashMap<>();
    private long lastIndex = -1;

    HistoryBuilder() {
    }

    /** The process invokes {@code f} with {@code value}, at the next index. */
    public HistoryBuilder invoke(Object process, String f, Object value) {
        return invoke(process, f, value, nextIndex(), Operation.NONE);
    }

    public HistoryBuilder invoke(Object process, String f, Object value, long index, long time) {
        Object p = Operation.canonicalProcess(process);
        Open open = inFlight.get(p);
        if (open != null) {
            throw new IllegalArgumentException("process " + Values.edn(p) + " invokes " + f + " while its " + open.f
                    + " (invoked at index " + open.index + ") is in flight");
        }
        checkAfterLast(index);
        Open o = new Open(invoked.size(), p, f, Values.canonical(value, "the value of " + f), index, time);
        new Operation(o.id, p, f, o.input, null, Outcome.INFO, index, Operation.NONE, time, Operation.NONE);
        lastIndex = index;
        invoked.add(o);
        inFlight.put(p, o);
        return this;
    }

    public HistoryBuilder ok(Object process, Object value) {
        return complete(process, null, Outcome.OK, value, nextIndex(), Operation.NONE);
    }

    public HistoryBuilder fail(Object process, Object value) {
        return complete(process, null, Outcome.FAIL, value, nextIndex(), Operation.NONE);
    }

    public HistoryBuilder info(Object process, Object value) {
        return complete(process, null, Outcome.INFO, value, nextIndex(), Operation.NONE);
    }

    /**
     * The process's operation in flight ends. {@code f}, when not null, must be the invocation's: a
     * completion names the operation it completes.
     */
    public HistoryBuilder complete(Object process, String f, Outcome outcome, Object value, long index, long time) {
        Object p = Operation.canonicalProcess(process);
        Open open = inFlight.get(p);
        if (open == null) {
            throw new IllegalArgumentException("process " + Values.edn(p) + " completes " + (f == null ? "an operation" : f)
                    + " it never invoked (or already completed)");
        }
        if (f != null && !f.equals(open.f)) {
            throw new IllegalArgumentException("process " + Values.edn(p) + " completes " + f + " but its operation in flight is "
                    + open.f);
        }
        if (outcome == null) {
            throw new IllegalArgumentException("a completion has an outcome");
        }
        checkAfterLast(index);
        done.add(new Operation(open.id, p, open.f, open.input, value, outcome, open.index, index, open.time, time));
        lastIndex = index;
        inFlight.remove(p);
        return this;
    }

    /** The operation the last {@link #complete} closed. */
    Operation lastCompleted() {
        return done.get(done.size() - 1);
    }

    /** The index an event gets when none is given: one past the previous event's. */
    public long nextIndex() {
        return lastIndex + 1;
    }

    /** How many operations have been invoked so far. */
    public int size() {
        return invoked.size();
    }

    /** The history so far; operations still in flight are {@code INFO}, with no completion. */
    public History build() {
        Operation[] ops = new Operation[invoked.size()];
        for (Operation op : done) {
            ops[op.id()] = op;
        }
        for (Open o : inFlight.values()) {
            ops[o.id] = new Operation(o.id, o.process, o.f, o.input, null, Outcome.INFO, o.index, Operation.NONE, o.time,
                    Operation.NONE);
        }
        return new History(List.of(ops));
    }

    private void checkAfterLast(long index) {
        if (index <= lastIndex) {
            throw new IllegalArgumentException("index " + index + " is not after the previous event's index " + lastIndex);
        }
    }
}
