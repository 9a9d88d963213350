package dev.quorum.lincheck;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Wing and Gong's search with Lowe's memo (Lowe 2017, as Porcupine implements it) over one partition.
 *
 * <p>The history's events sit in a doubly linked list in real-time order, each invocation linked to its
 * completion. Walking from the front, the search may linearize any operation whose invocation it meets
 * before the first completion: that operation is removed (invocation and completion), the model steps,
 * and the walk starts again from the front. Meeting a completion means its operation should already have
 * taken effect, so the search backtracks: it restores the last operation it linearized and tries the next
 * candidate after it. The memo skips every (linearized set, state) already entered.
 *
 * <p>{@code INFO} operations have their completions at the very end, after every real one, so the walk
 * never has to back out for them; once every {@code OK} operation is linearized the history is, with the
 * info operations not yet placed left out ("never"). Fails are dropped before, and so are info operations
 * the model calls read-only (their output is unknown, and leaving them out is always allowed).
 */
final class Search<S> {

    /** What one partition came to. {@code linearization} is filled for LINEARIZABLE, {@code violation} for NOT_. */
    record Found(Verdict verdict, long states, List<Operation> linearization, Optional<Linearizability.Violation> violation) {
    }

    private static final int HEAD = 0;

    private final Model<S> model;
    private final Meter meter;
    private final Operation[] ops;
    private final int n;
    private final int tail;
    private final int[] next;
    private final int[] prev;
    private final int[] opOf;
    private final boolean[] isCall;
    private final int[] callNode;
    private final int[] returnNode;
    private final long[] zobrist;

    private Search(List<Operation> kept, Model<S> model, Meter meter) {
        this.model = model;
        this.meter = meter;
        this.ops = kept.toArray(new Operation[0]);
        this.n = ops.length;
        this.tail = 2 * n + 1;
        this.next = new int[2 * n + 2];
        this.prev = new int[2 * n + 2];
        this.opOf = new int[2 * n + 2];
        this.isCall = new boolean[2 * n + 2];
        this.callNode = new int[n];
        this.returnNode = new int[n];
        this.zobrist = new long[n];
        SplittableRandom random = new SplittableRandom(0x5eed_11ea_7ab1eL);
        for (int i = 0; i < n; i++) {
            zobrist[i] = random.nextLong();
        }
        link();
    }

    /** Checks one partition's operations (in invocation order), spending from {@code meter}. */
    static <S> Found run(List<Operation> operations, Model<S> model, Meter meter) {
        List<Operation> kept = new ArrayList<>();
        for (Operation op : operations) {
            if (op.outcome() == Outcome.OK || op.outcome() == Outcome.INFO && !model.readOnly(op)) {
                kept.add(op);
            }
        }
        return new Search<>(kept, model, meter).search();
    }

    /** Events in real-time order: completions of info operations last, by id; nodes 1..2n between HEAD and tail. */
    private void link() {
        long[] keys = new long[2 * n];
        for (int i = 0; i < n; i++) {
            keys[2 * i] = ops[i].invokeIndex();
            keys[2 * i + 1] = ops[i].outcome() == Outcome.INFO ? Long.MAX_VALUE : ops[i].completeIndex();
        }
        Integer[] order = new Integer[2 * n];
        for (int e = 0; e < 2 * n; e++) {
            order[e] = e;
        }
        Arrays.sort(order, (a, b) -> keys[a] != keys[b] ? Long.compare(keys[a], keys[b]) : Integer.compare(a, b));
        int previous = HEAD;
        for (int k = 0; k < 2 * n; k++) {
            int node = k + 1;
            int event = order[k];
            opOf[node] = event / 2;
            isCall[node] = event % 2 == 0;
            if (isCall[node]) {
                callNode[event / 2] = node;
            } else {
                returnNode[event / 2] = node;
            }
            next[previous] = node;
            prev[node] = previous;
            previous = node;
        }
        next[previous] = tail;
        prev[tail] = previous;
    }

    @SuppressWarnings("unchecked")
    private Found search() {
        Memo memo = new Memo();
        long[] bits = new long[(n + 63) / 64];
        long bitsHash = 0;
        S state = model.initial();
        int[] stackOp = new int[n];
        Object[] stackState = new Object[n];
        int depth = 0;
        long statesBefore = meter.states();
        int okLeft = 0;
        for (Operation op : ops) {
            okLeft += op.outcome() == Outcome.OK ? 1 : 0;
        }
        Witness best = new Witness();
        int node = next[HEAD];
        while (true) {
            if (meter.stopRequested()) {
                return new Found(Verdict.UNKNOWN, meter.states() - statesBefore, List.of(), Optional.empty());
            }
            if (okLeft == 0) {
                return new Found(Verdict.LINEARIZABLE, meter.states() - statesBefore, operations(stackOp, depth), Optional.empty());
            }
            if (isCall[node]) {
                int i = opOf[node];
                Optional<S> after = model.step(state, ops[i]);
                if (after.isPresent()) {
                    S s = after.get();
                    long hash = bitsHash ^ zobrist[i];
                    bits[i >>> 6] |= 1L << i;
                    if (memo.add(bits, s, hash ^ s.hashCode() * 0x9E3779B97F4A7C15L)) {
                        if (!meter.enter()) {
                            return new Found(Verdict.UNKNOWN, meter.states() - statesBefore, List.of(), Optional.empty());
                        }
                        stackOp[depth] = i;
                        stackState[depth] = state;
                        depth++;
                        okLeft -= ops[i].outcome() == Outcome.OK ? 1 : 0;
                        best.reached(depth);
                        state = s;
                        bitsHash = hash;
                        lift(i);
                        node = next[HEAD];
                        continue;
                    }
                    bits[i >>> 6] &= ~(1L << i);
                }
                node = next[node];
            } else {
                best.record(this, stackOp, depth, state);
                if (depth == 0) {
                    return new Found(Verdict.NOT_LINEARIZABLE, meter.states() - statesBefore, List.of(), Optional.of(best.violation()));
                }
                depth--;
                int i = stackOp[depth];
                okLeft += ops[i].outcome() == Outcome.OK ? 1 : 0;
                state = (S) stackState[depth];
                stackState[depth] = null;
                bits[i >>> 6] &= ~(1L << i);
                bitsHash ^= zobrist[i];
                unlift(i);
                node = next[callNode[i]];
            }
        }
    }

    /** Takes operation i's invocation and completion out of the list (dancing links: their own links stay). */
    private void lift(int i) {
        int c = callNode[i];
        int r = returnNode[i];
        next[prev[c]] = next[c];
        prev[next[c]] = prev[c];
        next[prev[r]] = next[r];
        prev[next[r]] = prev[r];
    }

    /** Undoes {@link #lift}, in the reverse order. */
    private void unlift(int i) {
        int c = callNode[i];
        int r = returnNode[i];
        next[prev[r]] = r;
        prev[next[r]] = r;
        next[prev[c]] = c;
        prev[next[c]] = c;
    }

    private List<Operation> operations(int[] ids, int count) {
        List<Operation> out = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            out.add(ops[ids[k]]);
        }
        return List.copyOf(out);
    }

    /**
     * The deepest linearized prefix seen, the first one found at that depth. It is copied only when the
     * search backs out of it, so a search that never backtracks copies nothing.
     */
    private static final class Witness {
        private int bestDepth;
        private boolean fresh = true;
        private List<Operation> prefix = List.of();
        private List<Operation> blocked = List.of();
        private Object state;

        void reached(int depth) {
            if (depth > bestDepth) {
                bestDepth = depth;
                fresh = true;
            }
        }

        /**
         * At the deepest point, every candidate was refused by the model (a candidate it accepted would have
         * led deeper, or to a state the memo knows, which was entered at a greater depth still): the
         * operations that cannot be placed after the prefix are those candidates, less the info ones, which
         * need not be placed at all.
         */
        <S> void record(Search<S> search, int[] stackOp, int depth, Object current) {
            if (!fresh) {
                return;
            }
            fresh = false;
            prefix = search.operations(stackOp, depth);
            state = current;
            List<Operation> candidates = new ArrayList<>();
            for (int node = search.next[HEAD]; node != search.tail && search.isCall[node]; node = search.next[node]) {
                Operation op = search.ops[search.opOf[node]];
                if (op.outcome() != Outcome.INFO) {
                    candidates.add(op);
                }
            }
            blocked = List.copyOf(candidates);
        }

        Linearizability.Violation violation() {
            return new Linearizability.Violation(prefix, state, blocked);
        }
    }
}
