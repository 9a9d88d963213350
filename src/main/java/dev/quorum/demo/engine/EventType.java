package dev.quorum.demo.engine;

import java.util.Locale;

/** The kinds of trace event; {@link #json()} is the name docs/trace-format.md documents. */
public enum EventType {
    LOCAL, SEND, RECEIVE, DROP, TIMER, CRASH, RECOVER, PARTITION, HEAL, INVOKE, COMPLETE;

    private final String json = name().toLowerCase(Locale.ROOT);

    public String json() {
        return json;
    }

    /** Whether the event is a step of its node, and so ordered by program order; a drop is the network's doing. */
    boolean onTimeline() {
        return this != DROP && this != PARTITION && this != HEAL;
    }
}
