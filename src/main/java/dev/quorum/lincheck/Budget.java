package dev.quorum.lincheck;

import java.util.function.BooleanSupplier;

/**
 * How much a check may do before it answers {@link Verdict#UNKNOWN}. Checking linearizability is NP-complete,
 * so a history with enough concurrency defeats any checker; a budget turns that into an answer instead of a
 * hang. A state is one (set of linearized operations, model state) the search entered, summed over
 * partitions.
 *
 * @param maxStates states the search may enter in all
 * @param stop asked every few thousand steps; lets a caller add a deadline without the checker reading a clock
 */
public record Budget(long maxStates, BooleanSupplier stop) {

    public Budget {
        if (maxStates < 1) {
            throw new IllegalArgumentException("a budget allows at least one state, got " + maxStates);
        }
        if (stop == null) {
            throw new IllegalArgumentException("a budget's stop signal is a supplier; use () -> false for none");
        }
    }

    public static Budget states(long maxStates) {
        return new Budget(maxStates, () -> false);
    }
}
