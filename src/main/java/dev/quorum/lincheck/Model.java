package dev.quorum.lincheck;

import java.util.Optional;

/**
 * A sequential specification: what an object does when its operations happen one at a time. The checker
 * asks whether some order of a history's operations, consistent with real time, is a run of this
 * specification. States must be immutable values with {@code equals} and {@code hashCode}: the search
 * remembers every (set of linearized operations, state) it has been in and never enters one twice.
 *
 * @param <S> the state
 */
public interface Model<S> {

    /** The name a request or a page uses for it: {@code register}, {@code kv}. */
    String name();

    S initial();

    /**
     * The state after {@code op} takes effect in {@code state}, or empty if it cannot take effect there with
     * the output it saw (a read that saw another value, a compare-and-set whose expected value is not there).
     * Called for {@code OK} operations and for {@code INFO} ones that {@link #readOnly} leaves in, whose
     * output is unknown and must not be consulted.
     */
    Optional<S> step(S state, Operation op);

    /** Why {@code op} is not an operation of this model ({@code :f} unknown, a value of the wrong shape), if it is not. */
    Optional<String> problem(Operation op);

    /**
     * Whether {@code op} never changes the state. An {@code INFO} operation that does not is dropped before
     * the search: it may be left out of any linearization, and leaving it out never makes another operation
     * less legal.
     */
    default boolean readOnly(Operation op) {
        return false;
    }

    /**
     * Whether {@code op} is always accepted and leaves a state that does not depend on the one before, as far
     * as the other operations of its partition can tell (a write). The search then places an {@code INFO}
     * blind operation only right before an operation that is not blind: followed by a blind one, or by
     * nothing, it could as well never have happened.
     */
    default boolean blind(Operation op) {
        return false;
    }

    /**
     * The independent object {@code op} acts on, if the model is made of several (P-compositionality: a
     * history is linearizable exactly when the sub-history of each object is). Empty puts every operation
     * in one partition.
     */
    default Optional<Object> partitionKey(Operation op) {
        return Optional.empty();
    }
}
