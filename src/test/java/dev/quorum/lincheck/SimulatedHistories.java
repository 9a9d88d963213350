package dev.quorum.lincheck;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Histories of a linearizable register (or map of registers) under concurrent clients, for benchmarks:
 * each process invokes, its operation takes effect at a random instant, it completes a random while later,
 * and it invokes again after a short pause, so nearly every process is always in flight. Values are drawn
 * from a few (Jepsen's cas-register uses five), operations are reads, writes and cas in 4:3:3, a cas that
 * finds another value fails, and a small share of operations time out ({@code :info}, taking effect or not),
 * their process then replaced by a fresh one as Jepsen does.
 */
final class SimulatedHistories {

    private SimulatedHistories() {
    }

    private static final class Op {
        int process;
        String f;
        Object key;
        Object input;
        Object output;
        Outcome outcome;
        long invokeAt;
        long effectAt;
        long completeAt;
        boolean takesEffect = true;
    }

    /** {@code keys == 0}: a register; otherwise a map of that many keys, values as {@code [k v]}. */
    static History generate(long seed, int operations, int processes, int keys, int values, double infoShare) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Op> ops = new ArrayList<>(operations);
        long[] free = new long[processes];
        int[] name = new int[processes];
        for (int p = 0; p < processes; p++) {
            name[p] = p;
            free[p] = random.nextInt(100);
        }
        for (int k = 0; k < operations; k++) {
            int slot = 0;
            for (int p = 1; p < processes; p++) {
                slot = free[p] < free[slot] ? p : slot;
            }
            Op op = new Op();
            op.process = name[slot];
            int kind = random.nextInt(10);
            op.f = kind < 4 ? "read" : kind < 7 ? "write" : "cas";
            op.key = keys == 0 ? null : (long) random.nextInt(keys);
            op.input = op.f.equals("read") ? null : op.f.equals("write") ? (Object) (long) random.nextInt(values)
                    : List.of((long) random.nextInt(values), (long) random.nextInt(values));
            op.invokeAt = free[slot];
            op.effectAt = op.invokeAt + latency(random);
            op.completeAt = op.effectAt + latency(random);
            if (random.nextDouble() < infoShare) {
                op.outcome = Outcome.INFO;
                op.takesEffect = random.nextBoolean();
                name[slot] += processes;
            }
            free[slot] = op.completeAt + random.nextInt(20);
            ops.add(op);
        }
        Op[] byEffect = ops.toArray(new Op[0]);
        Arrays.sort(byEffect, Comparator.comparingLong((Op o) -> o.effectAt));
        Map<Object, Object> state = new HashMap<>();
        for (Op op : byEffect) {
            Object current = state.get(op.key);
            boolean ok = true;
            if (op.f.equals("read")) {
                op.output = current;
            } else if (op.f.equals("cas")) {
                ok = Register.equal(((List<?>) op.input).get(0), current);
                op.output = op.input;
            } else {
                op.output = op.input;
            }
            if (op.outcome == null) {
                op.outcome = ok ? Outcome.OK : Outcome.FAIL;
            }
            if (ok && op.takesEffect && !op.f.equals("read")) {
                state.put(op.key, op.f.equals("write") ? op.input : ((List<?>) op.input).get(1));
            }
        }
        return build(ops, keys > 0);
    }

    /** 1 to 40 time units, and one in fifty ten times slower. */
    private static long latency(SplittableRandom random) {
        long l = 1 + random.nextInt(40);
        return random.nextInt(50) == 0 ? l * 10 : l;
    }

    private static History build(List<Op> ops, boolean tuples) {
        List<long[]> events = new ArrayList<>();
        for (int k = 0; k < ops.size(); k++) {
            events.add(new long[] {ops.get(k).invokeAt, 0, k});
            events.add(new long[] {ops.get(k).completeAt, 1, k});
        }
        // at equal times a completion goes first: the two operations did not overlap
        events.sort(Comparator.comparingLong((long[] e) -> e[0]).thenComparing(e -> -e[1]).thenComparingLong(e -> e[2]));
        HistoryBuilder b = History.builder();
        for (long[] e : events) {
            Op op = ops.get((int) e[2]);
            if (e[1] == 0) {
                b.invoke(op.process, op.f, tuples ? Arrays.asList(op.key, op.input) : op.input);
            } else {
                Object out = op.outcome == Outcome.INFO ? op.input : op.output;
                b.complete(op.process, op.f, op.outcome, tuples ? Arrays.asList(op.key, out) : out, b.nextIndex(), Operation.NONE);
            }
        }
        return b.build();
    }

    /**
     * The history with one read changed to return a value it provably cannot have seen: an older value, some
     * write of which completed before a later write that itself completed before the read began, with no
     * operation that could set that value again able to take effect in between. Empty if no read qualifies.
     */
    static Optional<History> withStaleRead(History history) {
        List<Operation> ops = history.operations();
        for (int r = ops.size() / 2; r < ops.size(); r++) {
            Operation read = ops.get(r);
            if (!read.f().equals("read") || read.outcome() != Outcome.OK) {
                continue;
            }
            Operation last = null;
            for (Operation w : ops) {
                if (!w.f().equals("read") && w.outcome() == Outcome.OK && w.completeIndex() < read.invokeIndex()
                        && (last == null || w.completeIndex() > last.completeIndex())) {
                    last = w;
                }
            }
            if (last == null) {
                continue;
            }
            for (Operation older : ops) {
                Object v = sets(older);
                if (older.outcome() != Outcome.OK || v == null || v.equals(sets(last)) || v.equals(read.output())
                        || older.completeIndex() >= last.invokeIndex() || mightSetInBetween(ops, v, last, read)) {
                    continue;
                }
                List<Operation> changed = new ArrayList<>(ops);
                changed.set(r, new Operation(read.id(), read.process(), read.f(), read.input(), v, read.outcome(), read.invokeIndex(),
                        read.completeIndex(), read.invokeTime(), read.completeTime()));
                return Optional.of(new History(changed));
            }
        }
        return Optional.empty();
    }

    private static boolean mightSetInBetween(List<Operation> ops, Object v, Operation after, Operation before) {
        for (Operation op : ops) {
            if (op.outcome() != Outcome.FAIL && v.equals(sets(op)) && op.invokeIndex() < before.completeIndex()
                    && (op.outcome() == Outcome.INFO || op.completeIndex() > after.invokeIndex())) {
                return true;
            }
        }
        return false;
    }

    /** The value a write or a cas leaves behind, null for a read. */
    private static Object sets(Operation op) {
        return op.f().equals("write") ? op.input() : op.f().equals("cas") ? ((List<?>) op.input()).get(1) : null;
    }
}
