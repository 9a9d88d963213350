package dev.quorum.demo.engine;

/**
 * A reminder a node sets for itself. Like messages, timers are immutable records; the trace shows a firing
 * as a {@code timer} event unless {@link #traced()} says the firing is bookkeeping the reader need not see.
 */
public interface Timer {

    default String type() {
        return getClass().getSimpleName();
    }

    /** Whether a firing appears in the trace as its own {@code timer} event. */
    default boolean traced() {
        return true;
    }
}
