package dev.quorum.demo.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A value a protocol shows on an event, of one of the kinds an {@link Annotation} declares. Immutable. The
 * trace writes each kind in one documented shape (docs/trace-format.md, "Annotations"), and {@link #text}
 * gives the words a table or a description uses, so nothing outside the protocol needs to know what it means.
 */
public sealed interface Value permits Value.Scalar, Value.PerNode, Value.Interval, Value.Register, Value.Role, Value.Log {

    Annotation.Kind kind();

    /** The value as a reader sees it; {@code names} are the run's node names, for per-node values. */
    String text(List<String> names);

    static Scalar scalar(long value) {
        return new Scalar(value);
    }

    static PerNode vector(int[] entries) {
        return new PerNode(entries);
    }

    static Interval interval(long lo, long hi) {
        return new Interval(lo, hi);
    }

    static Register register(Object value) {
        return new Register(value);
    }

    static Role role(String name) {
        return new Role(name);
    }

    static Log log(List<?> entries) {
        return new Log(new java.util.ArrayList<Object>(entries));
    }

    /** A number: a Lamport time, a term, a queue length. */
    record Scalar(long value) implements Value {
        @Override
        public Annotation.Kind kind() {
            return Annotation.Kind.SCALAR;
        }

        @Override
        public String text(List<String> names) {
            return Long.toString(value);
        }
    }

    /** One integer per node, by node index: a vector clock, a version vector. */
    final class PerNode implements Value {
        private final int[] entries;

        private PerNode(int[] entries) {
            this.entries = entries.clone();
        }

        public int size() {
            return entries.length;
        }

        public int entry(int node) {
            return entries[node];
        }

        /** This < other: no entry larger, and the two differ. Both must have the same size. */
        public boolean before(PerNode other) {
            if (other.entries.length != entries.length) {
                throw new IllegalArgumentException("vectors of " + entries.length + " and " + other.entries.length + " entries");
            }
            boolean smaller = false;
            for (int k = 0; k < entries.length; k++) {
                if (entries[k] > other.entries[k]) {
                    return false;
                }
                smaller |= entries[k] < other.entries[k];
            }
            return smaller;
        }

        @Override
        public Annotation.Kind kind() {
            return Annotation.Kind.VECTOR;
        }

        @Override
        public String text(List<String> names) {
            StringBuilder out = new StringBuilder("[");
            for (int k = 0; k < entries.length; k++) {
                out.append(k > 0 ? ", " : "").append(k < names.size() ? names.get(k) : "n" + (k + 1)).append(':').append(entries[k]);
            }
            return out.append(']').toString();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PerNode p && Arrays.equals(p.entries, entries);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(entries);
        }

        @Override
        public String toString() {
            return Arrays.toString(entries);
        }
    }

    /** Bounds, inclusive: what a node knows of the true time, a lease's validity. */
    record Interval(long lo, long hi) implements Value {
        public Interval {
            if (lo > hi) {
                throw new IllegalArgumentException("an interval's low bound " + lo + " is above its high bound " + hi);
            }
        }

        @Override
        public Annotation.Kind kind() {
            return Annotation.Kind.INTERVAL;
        }

        @Override
        public String text(List<String> names) {
            return "[" + lo + ", " + hi + "]";
        }
    }

    /** What a register or a key holds: a number, a string, or nothing ({@code null}). */
    record Register(Object value) implements Value {
        public Register {
            value = scalarOrNull(value, "a register value");
        }

        @Override
        public Annotation.Kind kind() {
            return Annotation.Kind.REGISTER;
        }

        @Override
        public String text(List<String> names) {
            return value == null ? "nil" : value.toString();
        }
    }

    /** A node's part in the protocol: leader, follower, candidate, suspect. */
    record Role(String name) implements Value {
        public Role {
            if (name == null || !name.matches("[a-z][a-z0-9-]{0,31}")) {
                throw new IllegalArgumentException("a role is a short lower-case word, got '" + name + "'");
            }
        }

        @Override
        public Annotation.Kind kind() {
            return Annotation.Kind.ROLE;
        }

        @Override
        public String text(List<String> names) {
            return name;
        }
    }

    /** A sequence of entries, oldest first: a replicated log, a queue. */
    record Log(List<Object> entries) implements Value {
        public Log {
            List<Object> copy = new ArrayList<>(entries.size());
            for (Object e : entries) {
                Object v = scalarOrNull(e, "a log entry");
                if (v == null) {
                    throw new IllegalArgumentException("a log entry is a number or a string, not null");
                }
                copy.add(v);
            }
            entries = List.copyOf(copy);
        }

        @Override
        public Annotation.Kind kind() {
            return Annotation.Kind.LOG;
        }

        @Override
        public String text(List<String> names) {
            return entries.toString();
        }
    }

    private static Object scalarOrNull(Object value, String what) {
        if (value == null || value instanceof String) {
            return value;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        throw new IllegalArgumentException(what + " is a whole number, a string or null, got " + value.getClass().getSimpleName());
    }
}
