package dev.quorum.demo.engine;

import java.util.List;
import java.util.SplittableRandom;

/**
 * What a node may do while one of its handlers runs. Every call is recorded; nothing blocks. Nodes are
 * addressed by index (0 for {@code n1}); {@link #name(int)} gives the name the trace uses.
 */
public interface Context {

    /** This node's index. */
    int self();

    /** How many nodes the run has. */
    int nodeCount();

    String name(int node);

    /** The node names, in index order. */
    List<String> names();

    /** This node's own stream: it does not shift when other nodes draw, or when nodes are added. */
    SplittableRandom random();

    /** Simulated time as the global (true) clock reads it; protocols should prefer {@link #localTimeMs()}. */
    long nowMs();

    /** This node's local clock: true time plus the node's skew and drift. */
    long localTimeMs();

    /** Sends a message; records a {@code send} event. */
    void send(int to, Message message);

    /** Sends the same message to every other node: one {@code send} event each. */
    void broadcast(Message message);

    /** Sets a timer to fire after {@code delayMs} of simulated time; returns its id for cancelling. */
    long setTimer(Timer timer, long delayMs);

    void cancelTimer(long timerId);

    /** Records a {@code local} event: something the node did that involves no other node. */
    void local(String label);

    /**
     * Sets a value on the latest event this handler recorded (the handled event — receive, timer, recover — if
     * none yet). {@code name} must be declared in the scenario's {@link Display} with the value's kind.
     */
    void annotate(String name, Value value);

    /**
     * Says in one line what the latest event was, in the protocol's words (the engine's plain words otherwise).
     * The supplier is called at once, or not at all in the many runs a counterexample search makes and
     * nobody reads. Line breaks become spaces; past {@value EventText#MAX} characters the text is cut.
     */
    void describe(java.util.function.Supplier<String> text);

    /** Records a client operation's invocation in the history (and as an {@code invoke} event). */
    void invoke(String process, String f, Object value);

    /** Records a client operation's completion: {@code outcome} is {@code ok}, {@code fail} or {@code info}. */
    void complete(String process, String outcome, String f, Object value);
}
