package dev.quorum.lincheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Linearizability by definition, for histories small enough: every subset of the info operations (each may
 * have happened or not), every permutation of the ok ones with that subset, accepted if one permutation
 * respects real time and is a run of the model. No memo, no pruning, nothing dropped: info reads are tried
 * like the rest (the model does not consult their output).
 */
final class BruteForce {

    private BruteForce() {
    }

    static <S> boolean linearizable(History history, Model<S> model) {
        List<Operation> ok = new ArrayList<>();
        List<Operation> info = new ArrayList<>();
        for (Operation op : history.operations()) {
            if (op.outcome() == Outcome.OK) {
                ok.add(op);
            } else if (op.outcome() == Outcome.INFO) {
                info.add(op);
            }
        }
        for (int subset = 0; subset < 1 << info.size(); subset++) {
            List<Operation> chosen = new ArrayList<>(ok);
            for (int k = 0; k < info.size(); k++) {
                if ((subset & 1 << k) != 0) {
                    chosen.add(info.get(k));
                }
            }
            if (somePermutation(chosen, new ArrayList<>(), new boolean[chosen.size()], model)) {
                return true;
            }
        }
        return false;
    }

    private static <S> boolean somePermutation(List<Operation> ops, List<Operation> order, boolean[] used, Model<S> model) {
        if (order.size() == ops.size()) {
            return legal(order, model);
        }
        for (int k = 0; k < ops.size(); k++) {
            if (!used[k]) {
                used[k] = true;
                order.add(ops.get(k));
                boolean found = somePermutation(ops, order, used, model);
                order.remove(order.size() - 1);
                used[k] = false;
                if (found) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The same definition walked depth first, for histories of ten operations or so: any operation may come
     * next once every ok operation that precedes it in real time is placed, an info operation may also never
     * come, and the history is linearizable when every ok one has been placed. Still no memo and no
     * reductions; orders the model refuses are cut where they first go wrong.
     */
    static <S> boolean linearizableDepthFirst(History history, Model<S> model) {
        List<Operation> ops = history.operations().stream().filter(op -> op.outcome() != Outcome.FAIL).toList();
        return extend(ops, new boolean[ops.size()], model.initial(), model);
    }

    private static <S> boolean extend(List<Operation> ops, boolean[] placed, S state, Model<S> model) {
        boolean done = true;
        for (int k = 0; k < ops.size(); k++) {
            done &= placed[k] || ops.get(k).outcome() != Outcome.OK;
        }
        if (done) {
            return true;
        }
        for (int k = 0; k < ops.size(); k++) {
            if (placed[k] || !ready(ops, placed, k)) {
                continue;
            }
            Optional<S> next = model.step(state, ops.get(k));
            if (next.isPresent()) {
                placed[k] = true;
                boolean found = extend(ops, placed, next.get(), model);
                placed[k] = false;
                if (found) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean ready(List<Operation> ops, boolean[] placed, int k) {
        for (int j = 0; j < ops.size(); j++) {
            if (!placed[j] && ops.get(j).precedes(ops.get(k))) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code order} respects real time and the model accepts it from the initial state. */
    static <S> boolean legal(List<Operation> order, Model<S> model) {
        return replay(order, model).isPresent();
    }

    /** The state after {@code order}, if it respects real time and the model accepts every step. */
    static <S> Optional<S> replay(List<Operation> order, Model<S> model) {
        for (int a = 0; a < order.size(); a++) {
            for (int b = a + 1; b < order.size(); b++) {
                if (order.get(b).precedes(order.get(a))) {
                    return Optional.empty();
                }
            }
        }
        S state = model.initial();
        for (Operation op : order) {
            Optional<S> next = model.step(state, op);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            state = next.get();
        }
        return Optional.of(state);
    }
}
