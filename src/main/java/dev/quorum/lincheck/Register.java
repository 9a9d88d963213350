package dev.quorum.lincheck;

import java.util.List;
import java.util.Optional;

/**
 * A read/write/compare-and-set register, Knossos's {@code cas-register}: {@code :read} (input {@code nil},
 * output the value seen), {@code :write} (input the value written) and {@code :cas} (input
 * {@code [expected new]}: sets {@code new} when the register holds {@code expected}; a cas that found
 * another value completes as {@code :fail} and is dropped). A write's or a cas's completion value is not
 * consulted. Unlike Knossos, an {@code :ok} read of {@code nil} says the register was empty; it is not a
 * wildcard.
 */
public final class Register implements Model<Register.State> {

    /** What the register holds: a value, or {@code nil}. */
    public record State(Object value) {
        @Override
        public String toString() {
            return Values.edn(value);
        }
    }

    private final State initial;

    private Register(Object initial) {
        this.initial = new State(Values.canonical(initial, "the initial value"));
    }

    /** A register that starts empty ({@code nil}). */
    public static Register empty() {
        return new Register(null);
    }

    public static Register startingAt(Object initial) {
        return new Register(initial);
    }

    @Override
    public String name() {
        return "register";
    }

    @Override
    public State initial() {
        return initial;
    }

    @Override
    public Optional<State> step(State state, Operation op) {
        switch (op.f()) {
            case "read":
                return op.outcome() != Outcome.OK || equal(op.output(), state.value) ? Optional.of(state) : Optional.empty();
            case "write":
                return Optional.of(new State(op.input()));
            default:
                List<?> cas = (List<?>) op.input();
                return equal(cas.get(0), state.value) ? Optional.of(new State(cas.get(1))) : Optional.empty();
        }
    }

    @Override
    public Optional<String> problem(Operation op) {
        switch (op.f()) {
            case "read":
            case "write":
                return Optional.empty();
            case "cas":
                return op.input() instanceof List<?> l && l.size() == 2 ? Optional.empty()
                        : Optional.of("a cas value is [expected new], got " + Values.edn(op.input()));
            default:
                return Optional.of("a register does :read, :write and :cas, not :" + op.f());
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

    static boolean equal(Object a, Object b) {
        return a == null ? b == null : a.equals(b);
    }
}
