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
