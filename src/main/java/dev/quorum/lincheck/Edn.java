package dev.quorum.lincheck;

import dev.quorum.lincheck.MalformedHistory.Kind;
import java.util.Map;
import java.util.Optional;

/**
 * Jepsen histories in EDN, read and written. A history is either a sequence of operation maps (one per line,
 * as Jepsen's {@code history.edn}) or one vector or list of them (as Knossos's test data):
 * <pre>{@code
 * {:process 0, :type :invoke, :f :write, :value 3, :time 1200, :index 0}
 * {:process 0, :type :ok, :f :write, :value 3, :time 5100, :index 1}
 * }</pre>
 * {@code :process} is an integer, a string or a keyword, and {@code :nemesis} events are skipped;
 * {@code :type} is {@code :invoke}, {@code :ok}, {@code :fail} or {@code :info}; {@code :f} is a keyword;
 * {@code :value} may be absent (nil). {@code :index}, when present, must increase from event to event, and
 * {@code :time} is kept when it is a non-negative integer; every other key is ignored. A completion must
 * follow its process's invocation, with the same {@code :f}; an invocation still open at the end is
 * {@code :info}.
 */
public final class Edn {

    /**
     * What a caller will read at most; beyond either, a {@link MalformedHistory} of kind {@code TOO_LARGE}.
     *
     * @param maxOperations client invocations
     */
    public record Limits(int maxChars, int maxOperations) {
        public Limits {
            if (maxChars < 0 || maxOperations < 0) {
                throw new IllegalArgumentException("limits are not negative, got " + maxChars + " chars, " + maxOperations + " operations");
            }
        }
    }

    private static final Keyword PROCESS = Keyword.of("process");
    private static final Keyword TYPE = Keyword.of("type");
    private static final Keyword F = Keyword.of("f");
    private static final Keyword VALUE = Keyword.of("value");
    private static final Keyword INDEX = Keyword.of("index");
    private static final Keyword TIME = Keyword.of("time");
    private static final Keyword NEMESIS = Keyword.of("nemesis");
    private static final Map<String, Optional<Outcome>> TYPES = Map.of("invoke", Optional.empty(), "ok", Optional.of(Outcome.OK),
            "fail", Optional.of(Outcome.FAIL), "info", Optional.of(Outcome.INFO));

    private Edn() {
    }

    /** Reads a history; any problem is a {@link MalformedHistory} with its line and column. */
    public static History read(String text, Limits limits) {
        return new Reading(text, limits, null).history();
    }

    /**
     * Reads a history whose operations must also be {@code model}'s (a cas value must be a pair, a kv value a
     * tuple): an operation that is not is reported at the line of the event that made it so.
     */
    public static History read(String text, Limits limits, Model<?> model) {
        return new Reading(text, limits, model).history();
    }

    /** The history as EDN, one event per line in index order; {@code read(write(h))} equals {@code h}. */
    public static String write(History history) {
        return EdnWriter.history(history);
    }

    /** One pass over one text. */
    private static final class Reading {
        private final String text;
        private final Limits limits;
        private final Model<?> model;
        private final EdnReader reader;
        private final HistoryBuilder builder = History.builder();
        private long lastIndex = -1;

        Reading(String text, Limits limits, Model<?> model) {
            this.text = text;
            this.limits = limits;
            this.model = model;
            this.reader = new EdnReader(text);
        }

        History history() {
            if (text.length() > limits.maxChars()) {
                throw MalformedHistory.at(text, limits.maxChars(), Kind.TOO_LARGE,
                        "the history is longer than " + limits.maxChars() + " characters");
            }
            if (!reader.more(0)) {
                return builder.build();
            }
            char open = reader.peek();
            if (open == '[' || open == '(') {
                int at = reader.position();
                char close = open == '[' ? ']' : ')';
                reader.skip();
                while (true) {
                    if (!reader.more(1)) {
                        throw reader.error(at, "the history's '" + open + "' is never closed");
                    }
                    if (reader.peek() == close) {
                        reader.skip();
                        break;
                    }
                    event(reader.entries());
                }
                if (reader.more(0)) {
                    throw MalformedHistory.at(text, reader.position(), Kind.SYNTAX, "text after the history's closing '" + close + "'");
                }
            } else {
                do {
                    event(reader.entries());
                } while (reader.more(0));
            }
            return builder.build();
        }

        private void event(EdnReader.Entries e) {
            Object process = required(e, PROCESS);
            if (NEMESIS.equals(process)) {
                return;
            }
            if (!(process instanceof Long || process instanceof String || process instanceof Keyword)) {
                throw at(e, PROCESS, ":process is an integer, a string or a keyword, got " + Values.edn(process));
            }
            Object type = required(e, TYPE);
            Optional<Outcome> outcome = type instanceof Keyword k ? TYPES.get(k.name()) : null;
            if (outcome == null) {
                throw at(e, TYPE, ":type is :invoke, :ok, :fail or :info, got " + Values.edn(type));
            }
            Object f = required(e, F);
            if (!(f instanceof Keyword fk)) {
                throw at(e, F, ":f is a keyword such as :read or :write, got " + Values.edn(f));
            }
            Object value = e.values().get(VALUE);
            long index = index(e);
            long time = e.values().get(TIME) instanceof Long t && t >= 0 ? t : Operation.NONE;
            try {
                if (outcome.isEmpty()) {
                    if (builder.size() >= limits.maxOperations()) {
                        throw MalformedHistory.at(text, e.start(), Kind.TOO_LARGE, "the history has more than "
                                + limits.maxOperations() + " operations");
                    }
                    builder.invoke(process, fk.name(), value, index, time);
                    check(e, new Operation(0, process, fk.name(), value, null, Outcome.INFO, 0, Operation.NONE, Operation.NONE,
                            Operation.NONE));
                } else {
                    builder.complete(process, fk.name(), outcome.get(), value, index, time);
                    check(e, builder.lastCompleted());
                }
            } catch (IllegalArgumentException ex) {
                throw MalformedHistory.at(text, e.start(), Kind.HISTORY, ex.getMessage());
            }
            lastIndex = index;
        }

        private long index(EdnReader.Entries e) {
            if (!e.values().containsKey(INDEX)) {
                return lastIndex + 1;
            }
            Object index = e.values().get(INDEX);
            if (!(index instanceof Long i) || i < 0 || i == Long.MAX_VALUE) {
                throw at(e, INDEX, ":index is a non-negative integer, got " + Values.edn(index));
            }
            if (i <= lastIndex) {
                throw at(e, INDEX, ":index " + i + " is not after the previous event's " + lastIndex);
            }
            return i;
        }

        private void check(EdnReader.Entries e, Operation op) {
            if (model != null) {
                Optional<String> problem = model.problem(op);
                if (problem.isPresent()) {
                    throw at(e, VALUE, problem.get());
                }
            }
        }

        private Object required(EdnReader.Entries e, Keyword key) {
            if (!e.values().containsKey(key)) {
                String keys = String.join(" ", e.values().keySet().stream().limit(6).map(Values::edn).toList());
                throw MalformedHistory.at(text, e.start(), Kind.HISTORY, "an operation needs " + key + "; this map has "
                        + (keys.isEmpty() ? "no keys" : keys.length() > 80 ? keys.substring(0, 80) + "…" : keys));
            }
            return e.values().get(key);
        }

        private MalformedHistory at(EdnReader.Entries e, Keyword key, String reason) {
            Integer where = e.at().get(key);
            return MalformedHistory.at(text, where == null ? e.start() : where, Kind.HISTORY, reason);
        }
    }
}
