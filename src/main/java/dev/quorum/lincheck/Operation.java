package dev.quorum.lincheck;

/**
 * One client operation of a history: {@code process} invoked {@code f} with {@code input} and saw it end
 * with {@code outcome} and {@code output}. Values are in the canonical form of EDN values, {@code null}
 * being {@code nil} (a read's input, a pending operation's output).
 *
 * <p>Indices place the invocation and the completion among the history's events: an operation precedes
 * another in real time when it completed before the other was invoked. An {@code INFO} operation keeps the
 * index of its {@code :info} event (when the history has one) for drawing, but it bounds nothing: it may take
 * effect later still. {@link #NONE} marks an absent completion or time; times (Jepsen's {@code :time}, in
 * nanoseconds) are carried for display and never used by the checker.
 *
 * @param id position in the history, in invocation order, from 0
 */
public record Operation(int id, Object process, String f, Object input, Object output, Outcome outcome,
        long invokeIndex, long completeIndex, long invokeTime, long completeTime) {

    /** An absent completion index or time. */
    public static final long NONE = -1;

    private static final Keyword NEMESIS = Keyword.of("nemesis");

    public Operation {
        if (id < 0) {
            throw new IllegalArgumentException("an operation's id is not negative, got " + id);
        }
        process = canonicalProcess(process);
        if (f == null || !Symbol.validName(f)) {
            throw new IllegalArgumentException("an operation's f is a keyword name such as 'write', got " + f);
        }
        input = Values.canonical(input, "the input of " + f);
        output = Values.canonical(output, "the output of " + f);
        if (outcome == null) {
            throw new IllegalArgumentException("an operation has an outcome");
        }
        if (invokeIndex < 0) {
            throw new IllegalArgumentException("an invocation index is not negative, got " + invokeIndex);
        }
        if (completeIndex == NONE ? outcome != Outcome.INFO : completeIndex <= invokeIndex) {
            throw new IllegalArgumentException(completeIndex == NONE ? "only an info operation may lack its completion"
                    : "a completion index (" + completeIndex + ") comes after its invocation's (" + invokeIndex + ")");
        }
        if (invokeTime < NONE || completeTime < NONE || completeIndex == NONE && completeTime != NONE) {
            throw new IllegalArgumentException("times are not negative, and a pending operation has no completion time");
        }
    }

    /**
     * A process is an integer, a string or a keyword, as Jepsen, Maelstrom and the demos name them; not
     * {@code :nemesis}, which Jepsen uses for the faults it injects, not for a client.
     */
    static Object canonicalProcess(Object process) {
        Object p = Values.canonical(process, "a process");
        if (!(p instanceof Long || p instanceof String || p instanceof Keyword) || p.equals(NEMESIS)) {
            throw new IllegalArgumentException("a client process is an integer, a string or a keyword other than :nemesis, got "
                    + Values.edn(p));
        }
        return p;
    }

    /** Whether the history holds this operation's completion event (every one but a pending info). */
    public boolean completed() {
        return completeIndex != NONE;
    }

    /** Real-time order: this one returned before {@code other} was invoked. An info operation precedes nothing. */
    public boolean precedes(Operation other) {
        return outcome != Outcome.INFO && completeIndex < other.invokeIndex;
    }

    /** A short description for messages: {@code write 3 by process 0 (ok)}. */
    public String describe() {
        Object shown = input == null && output != null ? output : input;
        return f + " " + Values.edn(shown) + " by process " + Values.edn(process) + " (" + outcome.keyword()
                + (outcome == Outcome.OK && input != null && output != null && !input.equals(output) ? " " + Values.edn(output) : "") + ")";
    }
}
