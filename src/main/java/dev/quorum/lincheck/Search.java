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
 * candidate after it. The {@link Memo} skips every configuration already entered, or subsumed by one that
 * was; for subsumption to bite, each configuration tries its ok candidates first and its info ones after
 * (a walk of the candidates in two passes), so that leaving an info operation out is explored before
 * placing it. Three reductions keep the search small without losing a linearization: a read the model accepts
 * now is placed at once, without branching ({@link #legalRead}); a blind info operation (a write) must be
 * followed by one that is not blind ({@link #restricted}); and an info operation that would change
 * nothing is never placed.
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
    private final boolean[] readOnly;
    private final boolean[] blind;
    private final boolean[] blindInfo;

    /**
     * The configuration: the linearized ok and info operations (as bits, each operation's position among its
     * kind in {@code bit}; the ok ones hashed as they change), the state, and how it was reached.
     */
    private final Memo memo = new Memo();
    private final int[] bit;
    private final long[] okBits;
    private final long[] infoBits;
    private long okHash;
    private S state;
    private final int[] stackOp;
    private final Object[] stackState;
    private final boolean[] stackForced;
    private int depth;
    private int okLeft;
    private int okTotal;

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
        this.readOnly = new boolean[n];
        this.blind = new boolean[n];
        this.blindInfo = new boolean[n];
        for (int i = 0; i < n; i++) {
            readOnly[i] = ops[i].outcome() == Outcome.OK && model.readOnly(ops[i]);
            blind[i] = model.blind(ops[i]);
            blindInfo[i] = blind[i] && ops[i].outcome() == Outcome.INFO;
            okLeft += ops[i].outcome() == Outcome.OK ? 1 : 0;
        }
        this.bit = new int[n];
        int oks = 0;
        int infos = 0;
        for (int i = 0; i < n; i++) {
            bit[i] = ops[i].outcome() == Outcome.OK ? oks++ : infos++;
        }
        this.okTotal = oks;
        this.okBits = new long[(oks + 63) / 64];
        this.infoBits = new long[(infos + 63) / 64];
        this.state = model.initial();
        this.stackOp = new int[n];
        this.stackState = new Object[n];
        this.stackForced = new boolean[n];
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

    private Found search() {
        long statesBefore = meter.states();
        Witness best = new Witness();
        boolean fresh = true;
        int node = next[HEAD];
        boolean infoPass = false;
        while (true) {
            if (meter.stopRequested()) {
                return new Found(Verdict.UNKNOWN, meter.states() - statesBefore, List.of(), Optional.empty());
            }
            if (okLeft == 0) {
                return new Found(Verdict.LINEARIZABLE, meter.states() - statesBefore, operations(stackOp, depth), Optional.empty());
            }
            boolean stuck = false;
            if (fresh) {
                fresh = false;
                node = next[HEAD];
                infoPass = false;
                int read = legalRead();
                if (read >= 0) {
                    int entered = enter(opOf[read], true);
                    if (entered < 0) {
                        return new Found(Verdict.UNKNOWN, meter.states() - statesBefore, List.of(), Optional.empty());
                    }
                    fresh = entered > 0;
                    stuck = entered == 0;
                }
            } else if (isCall[node]) {
                int i = opOf[node];
                boolean skip = readOnly[i] || blind[i] && restricted() || infoPass != (ops[i].outcome() == Outcome.INFO);
                int entered = skip ? 0 : enter(i, false);
                if (entered < 0) {
                    return new Found(Verdict.UNKNOWN, meter.states() - statesBefore, List.of(), Optional.empty());
                }
                fresh = entered > 0;
                node = next[node];
            } else if (!infoPass) {
                infoPass = true;
                node = next[HEAD];
            } else {
                stuck = true;
            }
            if (fresh && !restricted()) {
                best.reached(okPlaced());
            } else if (stuck) {
                best.record(this, stackOp, depth, state);
                int undone = backtrack();
                if (undone < 0) {
                    return new Found(Verdict.NOT_LINEARIZABLE, meter.states() - statesBefore, List.of(), Optional.of(best.violation()));
                }
                node = next[callNode[undone]];
                infoPass = ops[undone].outcome() == Outcome.INFO;
            }
        }
    }

    /**
     * The first candidate that changes nothing and that the model accepts now (a read of the current value),
     * or -1. Such an operation can always go next: moving it to the front of any linearization from here
     * keeps that linearization legal (it reads the same state and changes none) and in real-time order (as
     * a candidate, nothing still to be placed must precede it). So the search places it without branching,
     * and if that fails, this configuration fails.
     */
    private int legalRead() {
        for (int node = next[HEAD]; node != tail && isCall[node]; node = next[node]) {
            int i = opOf[node];
            if (readOnly[i] && model.step(state, ops[i]).isPresent()) {
                return node;
            }
        }
        return -1;
    }

    /**
     * Whether the last operation placed is an info one that is blind: then only an operation that is not
     * blind may follow. Any linearization can be put in that form by leaving out each blind info operation
     * that a blind one follows (the state after the second is the same without the first) or that ends it.
     */
    private boolean restricted() {
        return depth > 0 && blindInfo[stackOp[depth - 1]];
    }

    /**
     * Linearizes operation i next if the model accepts it and the memo has not seen the result: 1 if it did,
     * 0 if not (refused, seen, or an info operation that would change nothing and so need never be placed),
     * -1 if the budget allows no more states.
     */
    private int enter(int i, boolean forced) {
        Optional<S> after = model.step(state, ops[i]);
        if (after.isEmpty()) {
            return 0;
        }
        S s = after.get();
        if (ops[i].outcome() == Outcome.INFO && s.equals(state)) {
            return 0;
        }
        boolean ok = ops[i].outcome() == Outcome.OK;
        long hash = ok ? okHash ^ zobrist[i] : okHash;
        flip(i);
        long key = hash ^ s.hashCode() * 0x9E3779B97F4A7C15L ^ (blindInfo[i] ? 0x2545F4914F6CDD1DL : 0);
        if (!memo.add(okBits, infoBits, s, blindInfo[i], key)) {
            flip(i);
            return 0;
        }
        if (!meter.enter()) {
            return -1;
        }
        stackOp[depth] = i;
        stackState[depth] = state;
        stackForced[depth] = forced;
        depth++;
        okLeft -= ops[i].outcome() == Outcome.OK ? 1 : 0;
        state = s;
        okHash = hash;
        lift(i);
        return 1;
    }

    /**
     * Undoes the last linearized operation and returns it: the walk goes on after its invocation, in the
     * same pass. An operation placed without branching takes its configuration down with it, so undo on.
     * -1 when there is nothing left to undo: the history is not linearizable.
     */
    @SuppressWarnings("unchecked")
    private int backtrack() {
        while (depth > 0) {
            depth--;
            int i = stackOp[depth];
            okLeft += ops[i].outcome() == Outcome.OK ? 1 : 0;
            state = (S) stackState[depth];
            stackState[depth] = null;
            flip(i);
            okHash ^= ops[i].outcome() == Outcome.OK ? zobrist[i] : 0;
            unlift(i);
            if (!stackForced[depth]) {
                return i;
            }
        }
        return -1;
    }

    private int okPlaced() {
        return okTotal - okLeft;
    }

    /** Adds operation i to the linearized set, or takes it out. */
    private void flip(int i) {
        long[] set = ops[i].outcome() == Outcome.OK ? okBits : infoBits;
        set[bit[i] >>> 6] ^= 1L << bit[i];
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
     * The linearized prefix with the most ok operations seen, the first one found with that many, in a
     * configuration not restricted to a non-blind next step. It is copied only when the search backs out of
     * it, so a search that never backtracks copies nothing.
     */
    private static final class Witness {
        private int bestOk;
        private boolean fresh = true;
        private List<Operation> prefix = List.of();
        private List<Operation> blocked = List.of();
        private Object state;

        void reached(int okPlaced) {
            if (okPlaced > bestOk) {
                bestOk = okPlaced;
                fresh = true;
            }
        }

        /**
         * There, every ok candidate was refused by the model: one it accepted would have led to a
         * configuration with one more ok operation, new (so deeper) or known to the memo, or subsumed by one
         * known (which had as many ok operations, so was deeper too). The operations that cannot be placed
         * after the prefix are those candidates; info ones need not be placed at all.
         */
        <S> void record(Search<S> search, int[] stackOp, int depth, Object current) {
            if (!fresh || search.okPlaced() != bestOk || search.restricted()) {
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
