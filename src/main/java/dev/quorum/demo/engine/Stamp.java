package dev.quorum.demo.engine;

import java.util.Arrays;
import java.util.OptionalLong;

/**
 * The logical clock values an event carries: a Lamport time, a vector (one entry per node, by index), both,
 * or neither. Immutable; the vector is copied in and never handed out.
 */
public final class Stamp {

    public static final Stamp NONE = new Stamp(-1, null);

    private final long lamport;
    private final int[] vector;

    private Stamp(long lamport, int[] vector) {
        this.lamport = lamport;
        this.vector = vector;
    }

    public static Stamp lamport(long time) {
        if (time < 0) {
            throw new IllegalArgumentException("a Lamport time is not negative, got " + time);
        }
        return new Stamp(time, null);
    }

    public static Stamp vector(int[] entries) {
        return new Stamp(-1, entries.clone());
    }

    public boolean isNone() {
        return lamport < 0 && vector == null;
    }

    public OptionalLong lamport() {
        return lamport < 0 ? OptionalLong.empty() : OptionalLong.of(lamport);
    }

    public boolean hasVector() {
        return vector != null;
    }

    public int size() {
        return vector == null ? 0 : vector.length;
    }

    public int entry(int node) {
        if (vector == null) {
            throw new IllegalStateException("this stamp has no vector");
        }
        return vector[node];
    }

    /** A copy of the vector, for a clock that continues from this stamp. */
    public int[] vectorCopy() {
        if (vector == null) {
            throw new IllegalStateException("this stamp has no vector");
        }
        return vector.clone();
    }

    /** V(this) < V(other): no entry larger, and the two differ. */
    public boolean vectorBefore(Stamp other) {
        boolean smaller = false;
        for (int k = 0; k < vector.length; k++) {
            if (vector[k] > other.vector[k]) {
                return false;
            }
            smaller |= vector[k] < other.vector[k];
        }
        return smaller;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Stamp s && s.lamport == lamport && Arrays.equals(s.vector, vector);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(lamport) * 31 + Arrays.hashCode(vector);
    }

    @Override
    public String toString() {
        if (isNone()) {
            return "{}";
        }
        String l = lamport < 0 ? "" : "L=" + lamport;
        String v = vector == null ? "" : "V=" + Arrays.toString(vector);
        return l.isEmpty() || v.isEmpty() ? l + v : l + " " + v;
    }
}
