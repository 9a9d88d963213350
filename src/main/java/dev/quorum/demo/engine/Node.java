package dev.quorum.demo.engine;

/**
 * A protocol participant, in the spirit of DSLabs: the simulator calls one handler at a time, a handler
 * never blocks, and everything it does to the world goes through the {@link Context} it is given. A node
 * must be deterministic: its only sources of randomness and time are {@link Context#random()} and
 * {@link Context#localTimeMs()}.
 */
public interface Node {

    /** Called once, at simulated time 0. */
    void onStart(Context ctx);

    /** A message has arrived; the trace already holds its {@code receive} event. */
    void onMessage(Context ctx, int from, Message message);

    /** A timer set by this node has fired (and was neither cancelled nor lost in a crash). */
    default void onTimer(Context ctx, Timer timer) {
    }

    /** The node has crashed: its timers are gone and messages to it are dropped until it recovers. */
    default void onCrash() {
    }

    /**
     * The node restarts after a crash. The object itself survives, so fields a protocol keeps here play the
     * part of stable storage; a protocol that loses state on a crash resets those fields in this handler.
     */
    default void onRecover(Context ctx) {
        onStart(ctx);
    }
}
