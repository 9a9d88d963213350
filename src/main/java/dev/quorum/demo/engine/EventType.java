package dev.quorum.demo.engine;

import java.util.Locale;

/** The kinds of trace event; {@link #json()} is the name docs/trace-format.md documents. */
public enum EventType {
    LOCAL, SEND, RECEIVE, DROP, TIMER, CRASH, RECOVER, PARTITION, HEAL, INVOKE, COMPLETE, CUT;

    private final String json = name().toLowerCase(Locale.ROOT);

    public String json() {
        return json;
    }

    /**
     * Whether the event is a step of its node, and so ordered by program order and counted in the causal past.
     * A drop is the network's doing; a crash happens to a node that runs no code at it, so it ticks no clock
     * and is in nobody's past. A recovery is a step: the node runs its recovery handler there.
     */
    boolean onTimeline() {
        return this != DROP && this != PARTITION && this != HEAL && this != CUT && this != CRASH;
    }
}
