package dev.quorum.lincheck;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A map of independent registers, as Jepsen's {@code jepsen.independent} records it: every value is a
 * {@code [key value]} tuple, {@code value} being what a {@link Register} would carry ({@code :read} invoked
 * with {@code [k nil]} completes with {@code [k v]}; {@code :write [k v]}; {@code :cas [k [expected new]]}).
 * A key never written holds {@code nil}. Operations on different keys commute, so the checker splits the
 * history by key and checks each key alone.
 */
public final class KeyValueMap implements Model<KeyValueMap.State> {

    /** The keys that hold a value (never {@code nil}), so that equal maps are equal states. */
    public record State(Map<Object, Object> entries) {
        public State {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        Object get(Object key) {
            return entries.get(key);
        }

        State with(Object key, Object value) {
            Map<Object, Object> next = new LinkedHashMap<>(entries);
            if (value == null) {
                next.remove(key);
            } else {
                next.put(key, value);
            }
            return new State(next);
        }

        @Override
        public String toString() {
            return Values.edn(entries);
        }
    }

    private static final State EMPTY = new State(Map.of());

    @Override
    public String name() {
        return "kv";
    }

    @Override
    public State initial() {
        return EMPTY;
    }

    @Override
    public Optional<State> step(State state, Operation op) {
        Object key = key(op);
        Object current = state.get(key);
        switch (op.f()) {
            case "read":
                return op.outcome() != Outcome.OK || Register.equal(value(op.output()), current) ? Optional.of(state) : Optional.empty();
            case "write":
                return Optional.of(state.with(key, value(op.input())));
            default:
                List<?> cas = (List<?>) value(op.input());
                return Register.equal(cas.get(0), current) ? Optional.of(state.with(key, cas.get(1))) : Optional.empty();
        }
    }

    @Override
    public Optional<String> problem(Operation op) {
        if (!isTuple(op.input()) || key(op) == null) {
            return Optional.of("a kv value is a [key value] tuple with a key that is not nil, got " + Values.edn(op.input()));
        }
        if (op.outcome() == Outcome.OK && op.f().equals("read")) {
            if (!isTuple(op.output()) || !key(op).equals(((List<?>) op.output()).get(0))) {
                return Optional.of("a read of " + Values.edn(key(op)) + " completes with [" + Values.edn(key(op))
                        + " value], got " + Values.edn(op.output()));
            }
        }
        switch (op.f()) {
            case "read":
            case "write":
                return Optional.empty();
            case "cas":
                return value(op.input()) instanceof List<?> l && l.size() == 2 ? Optional.empty()
                        : Optional.of("a kv cas value is [key [expected new]], got " + Values.edn(op.input()));
            default:
                return Optional.of("a kv map does :read, :write and :cas, not :" + op.f());
        }
    }

    @Override
    public boolean readOnly(Operation op) {
        return op.f().equals("read");
    }

    @Override
    public boolean blind(Operation op) {
        return op.f().equals("write");
    }

    @Override
    public Optional<Object> partitionKey(Operation op) {
        return Optional.of(key(op));
    }

    private static boolean isTuple(Object v) {
        return v instanceof List<?> l && l.size() == 2;
    }

    private static Object key(Operation op) {
        return ((List<?>) op.input()).get(0);
    }

    private static Object value(Object tuple) {
        return ((List<?>) tuple).get(1);
    }
}
