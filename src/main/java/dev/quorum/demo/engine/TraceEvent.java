package dev.quorum.demo.engine;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One step of a run. {@code i} is its position in the trace, {@code t} the simulated time; {@link #past()}
 * is computed from the run's structure alone (program order and send → receive), so checkers can ask
 * what happened before what without trusting any clock a protocol keeps.
 */
public final class TraceEvent {

    /** Marks events that belong to no node (partition, heal). */
    public static final int NETWORK = -1;

    private final int i;
    private final long t;
    private final int node;
    private final EventType type;
    private final Envelope msg;
    private final String label;
    private final Object detail;
    private final boolean duplicate;
    private Stamp clock;
    private int[] past;
    private TreeMap<String, Object> state;
    private boolean violation;

    TraceEvent(int i, long t, int node, EventType type, Envelope msg, Stamp clock, String label, Object detail, boolean duplicate) {
        this.i = i;
        this.t = t;
        this.node = node;
        this.type = type;
        this.msg = msg;
        this.clock = clock;
        this.label = label;
        this.detail = detail;
        this.duplicate = duplicate;
    }

    public int i() {
        return i;
    }

    public long t() {
        return t;
    }

    /** The node's index, or {@link #NETWORK}. */
    public int node() {
        return node;
    }

    public EventType type() {
        return type;
    }

    public Optional<Envelope> msg() {
        return Optional.ofNullable(msg);
    }

    public Stamp clock() {
        return clock;
    }

    /** A local event's label, a timer's type, a drop's reason; empty otherwise. */
    public String label() {
        return label == null ? "" : label;
    }

    /** Whether this receive or drop is of the network's extra copy of a message. */
    public boolean duplicate() {
        return duplicate;
    }

    /**
     * For each node, how many of its events lie in this event's causal past, this event included;
     * empty for events on no timeline (drop, partition, heal). a → b exactly when
     * {@code b.past()[a.node()] >= a.past()[a.node()]} and a ≠ b.
     */
    public Optional<int[]> past() {
        return past == null ? Optional.empty() : Optional.of(past.clone());
    }

    /** This event's position on its node's timeline, from 1. */
    public int position() {
        return past[node];
    }

    /** How many events of {@code other} lie in this event's causal past. */
    public int pastOf(int other) {
        return past[other];
    }

    public boolean onTimeline() {
        return past != null;
    }

    public Map<String, Object> state() {
        return state == null ? Map.of() : Collections.unmodifiableMap(state);
    }

    public boolean violation() {
        return violation;
    }

    Object detail() {
        return detail;
    }

    int[] pastRaw() {
        return past;
    }

    void clock(Stamp c) {
        this.clock = c;
    }

    void past(int[] p) {
        this.past = p;
    }

    void state(String key, Object value) {
        if (state == null) {
            state = new TreeMap<>();
        }
        state.put(key, value);
    }

    void markViolation() {
        this.violation = true;
    }

    /** A partition's groups, for the trace. */
    @SuppressWarnings("unchecked")
    List<List<Integer>> groups() {
        return (List<List<Integer>>) detail;
    }
}
