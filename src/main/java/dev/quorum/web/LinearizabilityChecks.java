package dev.quorum.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quorum.lincheck.Budget;
import dev.quorum.lincheck.Edn;
import dev.quorum.lincheck.History;
import dev.quorum.lincheck.KeyValueMap;
import dev.quorum.lincheck.Linearizability;
import dev.quorum.lincheck.MalformedHistory;
import dev.quorum.lincheck.Model;
import dev.quorum.lincheck.Operation;
import dev.quorum.lincheck.Register;
import dev.quorum.lincheck.Verdict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Linearizability checks of histories readers send, for the API and the tool page: parsed within limits, run
 * within a state budget and a deadline, one check per core at a time, so a pasted history can neither hang a
 * request nor crowd out the pages. Bad input is a 400 naming its line; a busy pool is a 503.
 */
@ApplicationScoped
public class LinearizabilityChecks {

    static final int CHARS_MAX = 1_000_000;
    static final int OPERATIONS_MAX = 10_000;
    static final long STATES_MAX = 2_000_000;
    static final long MILLIS_MAX = 2_000;
    static final List<String> MODELS = List.of("register", "kv");

    private final Semaphore slots = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));

    /** One operation as the answer lists it. */
    public record OperationView(int id, String process, String f, String input, String output, String outcome, long invokeIndex,
            Long completeIndex) {
    }

    /** Where one key's search ended; {@code prefix} and {@code blocked} are operation ids. */
    public record PartitionView(String key, String verdict, long statesExplored, List<Integer> linearization,
            List<Integer> prefix, List<Integer> blocked, String stateAfterPrefix) {
    }

    /** The answer: the verdict, the work done, and what a drawing needs. */
    public record Answer(String verdict, String summary, String model, long statesExplored, long elapsedMs, int size,
            List<PartitionView> partitions, List<OperationView> operations) {

        public boolean linearizable() {
            return verdict.equals("linearizable");
        }

        public boolean unknown() {
            return verdict.equals("unknown");
        }
    }

    /** Checks an EDN history against the model named {@code model}. */
    Answer checkEdn(String edn, String model) {
        Model<?> m = model(model);
        if (edn == null || edn.isBlank()) {
            throw new BadRequest("empty history: send Jepsen-style EDN, one operation map per line");
        }
        if (edn.length() > CHARS_MAX) {
            throw new WebApplicationException("history longer than " + CHARS_MAX + " characters", 413);
        }
        History history;
        try {
            history = Edn.read(edn, new Edn.Limits(CHARS_MAX, OPERATIONS_MAX), m);
        } catch (MalformedHistory e) {
            if (e.kind() == MalformedHistory.Kind.TOO_LARGE) {
                throw new WebApplicationException(e.getMessage(), 413);
            }
            throw new BadRequest("line " + e.line() + ", column " + e.column() + ": " + e.reason());
        }
        return check(history, m, model);
    }

    /**
     * Checks a JSON history: an array of Jepsen-style events, {@code {"process": 0, "type": "invoke", "f": "write",
     * "value": 3}}. Each event becomes one line of EDN, so an error names the event by its line (event 5 is line 5).
     */
    Answer checkJson(JsonNode events, String model) {
        if (events == null || !events.isArray()) {
            throw new BadRequest("'history' must be an array of events such as {\"process\": 0, \"type\": \"invoke\", \"f\": \"write\", \"value\": 3}");
        }
        StringBuilder edn = new StringBuilder();
        int line = 0;
        for (JsonNode e : events) {
            line++;
            if (!e.isObject()) {
                throw new BadRequest("line " + line + ": an event is an object with process, type, f and value");
            }
            edn.append('{');
            for (Iterator<Map.Entry<String, JsonNode>> it = e.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                String key = field.getKey();
                if (!key.matches("[a-z][a-z0-9-]{0,31}")) {
                    throw new BadRequest("line " + line + ": '" + Identifiers.shown(key) + "' is not a field of an event");
                }
                boolean keyword = key.equals("type") || key.equals("f");
                edn.append(':').append(key).append(' ');
                value(edn, field.getValue(), keyword, line, 0);
                edn.append(it.hasNext() ? ", " : "");
            }
            edn.append("}\n");
            if (edn.length() > CHARS_MAX) {
                throw new WebApplicationException("history longer than " + CHARS_MAX + " characters", 413);
            }
        }
        return checkEdn(edn.toString(), model);
    }

    private static void value(StringBuilder edn, JsonNode v, boolean keyword, int line, int depth) {
        if (depth > 8) {
            throw new BadRequest("line " + line + ": a value nests deeper than 8 lists");
        }
        if (keyword && v.isTextual() && v.asText().matches("[a-z][a-z0-9-]{0,31}")) {
            edn.append(':').append(v.asText());
        } else if (v.isNull()) {
            edn.append("nil");
        } else if (v.isIntegralNumber() || v.isBoolean()) {
            edn.append(v.asText());
        } else if (v.isTextual()) {
            edn.append('"').append(v.asText().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")).append('"');
        } else if (v.isArray()) {
            edn.append('[');
            boolean first = true;
            for (JsonNode item : v) {
                edn.append(first ? "" : " ");
                value(edn, item, false, line, depth + 1);
                first = false;
            }
            edn.append(']');
        } else {
            throw new BadRequest("line " + line + ": a value is an integer, a string, null, true, false or a list");
        }
    }

    private static Model<?> model(String name) {
        String m = name == null || name.isBlank() ? "register" : name.trim().toLowerCase(Locale.ROOT);
        if (m.equals("register")) {
            return Register.empty();
        }
        if (m.equals("kv")) {
            return new KeyValueMap();
        }
        throw new BadRequest("parameter 'model' must be one of " + String.join(", ", MODELS) + ", got '" + Identifiers.shown(name) + "'");
    }

    private Answer check(History history, Model<?> model, String modelName) {
        boolean got;
        try {
            got = slots.tryAcquire(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            got = false;
        }
        if (!got) {
            throw new WebApplicationException("every checker slot is busy; try again in a moment", null,
                    Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", "1").build());
        }
        try {
            long started = System.nanoTime();
            long deadline = started + TimeUnit.MILLISECONDS.toNanos(MILLIS_MAX);
            Linearizability.Result r = Linearizability.check(history, model, new Budget(STATES_MAX, () -> System.nanoTime() > deadline));
            long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            return answer(history, r, modelName == null || modelName.isBlank() ? "register" : modelName.trim(), elapsedMs);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        } finally {
            slots.release();
        }
    }

    private static Answer answer(History history, Linearizability.Result r, String model, long elapsedMs) {
        List<PartitionView> parts = new ArrayList<>();
        for (Linearizability.PartitionResult p : r.partitions()) {
            Optional<Linearizability.Violation> v = p.violation();
            parts.add(new PartitionView(p.key().map(String::valueOf).orElse(null), verdict(p.verdict()), p.statesExplored(),
                    ids(p.linearization()), v.map(x -> ids(x.prefix())).orElse(List.of()), v.map(x -> ids(x.blocked())).orElse(List.of()),
                    v.map(x -> String.valueOf(x.state())).orElse(null)));
        }
        List<OperationView> ops = new ArrayList<>();
        for (Operation o : history.operations()) {
            ops.add(new OperationView(o.id(), String.valueOf(o.process()), o.f(), String.valueOf(o.input()), String.valueOf(o.output()),
                    o.outcome().keyword(), o.invokeIndex(), o.completed() ? o.completeIndex() : null));
        }
        return new Answer(verdict(r.verdict()), r.summary(), model, r.statesExplored(), elapsedMs, history.size(), parts, ops);
    }

    private static String verdict(Verdict v) {
        return v.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Operation ids of a list. */
    private static List<Integer> ids(List<Operation> ops) {
        return ops.stream().map(Operation::id).toList();
    }

    /** The example the tool page starts with: a stale read after a completed write, not linearizable. */
    static final String EXAMPLE = String.join("\n",
            "{:process 0, :type :invoke, :f :write, :value 1}",
            "{:process 0, :type :ok, :f :write, :value 1}",
            "{:process 1, :type :invoke, :f :write, :value 2}",
            "{:process 1, :type :ok, :f :write, :value 2}",
            "{:process 2, :type :invoke, :f :read, :value nil}",
            "{:process 2, :type :ok, :f :read, :value 1}") + "\n";

    static Map<String, String> modelLabels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("register", "register (read, write, cas)");
        m.put("kv", "key-value map (values [key value])");
        return m;
    }
}
