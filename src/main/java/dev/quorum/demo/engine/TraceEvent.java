package dev.quorum.demo.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One step of a run. {@code i} is its position in the trace, {@code t} the simulated time; {@link #past()}
 * is computed from the run's structure alone (program order and send → receive), so checkers can ask
 * what happened before what without trusting any clock a protocol keeps. {@link #values()} are what the
 * protocol chose to show, of the kinds its {@link Display} declares; {@link #text()} its own words, if any.
 */
public final class TraceEvent {

    /** Marks events that belong to no node (partition, cut, heal). */
    public static final int NETWORK = -1;

    private final int i;
    private final long t;
    private final int node;
    private final EventType type;
    private final Envelope msg;
    private final String label;
    private final Object detail;
    private final boolean duplicate;
    private final List<Annotation> declared;
    private Value[] values;
    private String text;
    private int[] past;
    private boolean violation;

    TraceEvent(int i, long t, int node, EventType type, Envelope msg, List<Annotation> declared, String label, Object detail,
            boolean duplicate) {
        this.i = i;
        this.t = t;
        this.node = node;
        this.type = type;
        this.msg = msg;
        this.declared = declared;
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

    /** The values the protocol set on this event, by name, in declaration order. */
    public Map<String, Value> values() {
        if (values == null) {
            return Map.of();
        }
        Map<String, Value> out = new LinkedHashMap<>();
        for (int k = 0; k < values.length; k++) {
            if (values[k] != null) {
                out.put(declared.get(k).name(), values[k]);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    public Optional<Value> value(String name) {
        if (values != null) {
            for (int k = 0; k < values.length; k++) {
                if (values[k] != null && declared.get(k).name().equals(name)) {
                    return Optional.of(values[k]);
                }
            }
        }
        return Optional.empty();
    }

    /** A scalar value by name, if this event carries it. */
    public OptionalLong scalar(String name) {
        Optional<Value> v = value(name);
        return v.isPresent() && v.get() instanceof Value.Scalar s ? OptionalLong.of(s.value()) : OptionalLong.empty();
    }

    /** A per-node value by name, if this event carries it. */
    public Optional<Value.PerNode> vector(String name) {
        Optional<Value> v = value(name);
        return v.isPresent() && v.get() instanceof Value.PerNode p ? Optional.of(p) : Optional.empty();
    }

    /** The protocol's one-line description of this event, if it wrote one; {@link Trace#text} falls back to the engine's. */
    public Optional<String> text() {
        return Optional.ofNullable(text);
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

    public boolean violation() {
        return violation;
    }

    Object detail() {
        return detail;
    }

    int[] pastRaw() {
        return past;
    }

    Value[] valuesRaw() {
        return values;
    }

    List<Annotation> declared() {
        return declared;
    }

    void value(int index, Value v) {
        if (values == null) {
            values = new Value[declared.size()];
        }
        values[index] = v;
    }

    void text(String words) {
        this.text = words;
    }

    void past(int[] p) {
        this.past = p;
    }

    void markViolation() {
        this.violation = true;
    }

    /** What a heal ended besides any partition: the cut links, each as its two nodes. */
    record Healed(boolean partition, List<List<Integer>> links) {
    }

    /** A cut's two nodes, for the trace. */
    @SuppressWarnings("unchecked")
    List<Integer> link() {
        return (List<Integer>) detail;
    }

    /** The links a heal ended, or none. */
    List<List<Integer>> healedLinks() {
        return detail instanceof Healed h ? h.links() : List.of();
    }

    /** Whether a heal that ended cut links also ended a partition. */
    boolean healedPartition() {
        return !(detail instanceof Healed h) || h.partition();
    }

    /** A partition's groups, for the trace. */
    @SuppressWarnings("unchecked")
    List<List<Integer>> groups() {
        return (List<List<Integer>>) detail;
    }
}
