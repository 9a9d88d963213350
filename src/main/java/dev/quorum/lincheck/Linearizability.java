package dev.quorum.lincheck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks whether a history is linearizable (Herlihy and Wing 1990): whether each operation can be given one
 * instant between its invocation and its completion at which it takes effect, so that the operations in the
 * order of those instants are a run of the model. {@code :fail} operations are dropped; {@code :info} ones
 * may take effect at any instant after their invocation, or never. A history the model splits by key is
 * checked one key at a time, in the order the keys first appear. The same history always gives the same
 * result, witnesses included.
 */
public final class Linearizability {

    /**
     * @param statesExplored states entered by the search, over all partitions
     * @param partitions one per key, in the order the keys first appear; one for a model that is not split
     * @param summary one line for a reader: the verdict and why
     */
    public record Result(Verdict verdict, long statesExplored, List<PartitionResult> partitions, String summary) {
        public Result {
            partitions = List.copyOf(partitions);
        }

        /** The partitions found not linearizable. */
        public List<PartitionResult> violations() {
            return partitions.stream().filter(p -> p.verdict() == Verdict.NOT_LINEARIZABLE).toList();
        }
    }

    /**
     * @param key the key, for a model split by key
     * @param operations the partition's operations, dropped ones included, in invocation order
     * @param linearization for a linearizable partition, an order that works: its ok operations and the info
     *     ones it placed, in the order they take effect
     * @param violation for a partition found not linearizable, how far the search got
     */
    public record PartitionResult(Optional<Object> key, Verdict verdict, long statesExplored, List<Operation> operations,
            List<Operation> linearization, Optional<Violation> violation) {
        public PartitionResult {
            operations = List.copyOf(operations);
            linearization = List.copyOf(linearization);
        }
    }

    /**
     * Where the search got stuck: a linearizable prefix with the most ok operations it could place (the first
     * found with that many; info operations it placed are in it too), the model state after it, and the ok
     * operations that were candidates to come next (invoked before the first pending completion) and that the
     * model refuses in that state. At least one operation is blocked: the one whose completion the search
     * reached.
     */
    public record Violation(List<Operation> prefix, Object state, List<Operation> blocked) {
        public Violation {
            prefix = List.copyOf(prefix);
            blocked = List.copyOf(blocked);
        }
    }

    private Linearizability() {
    }

    /**
     * Checks {@code history} against {@code model} within {@code budget}.
     *
     * @throws IllegalArgumentException if an operation is not one of the model's, naming it
     */
    public static Result check(History history, Model<?> model, Budget budget) {
        return checkWith(history, model, budget);
    }

    private static <S> Result checkWith(History history, Model<S> model, Budget budget) {
        Map<Object, List<Operation>> byKey = new LinkedHashMap<>();
        List<Operation> whole = new ArrayList<>();
        for (Operation op : history.operations()) {
            Optional<String> problem = model.problem(op);
            if (problem.isPresent()) {
                throw new IllegalArgumentException("operation " + op.id() + " (" + op.describe() + "): " + problem.get());
            }
            Optional<Object> key = model.partitionKey(op);
            (key.isPresent() ? byKey.computeIfAbsent(key.get(), k -> new ArrayList<>()) : whole).add(op);
        }
        List<Optional<Object>> keys = new ArrayList<>();
        List<List<Operation>> parts = new ArrayList<>();
        if (!whole.isEmpty() || byKey.isEmpty()) {
            keys.add(Optional.empty());
            parts.add(whole);
        }
        byKey.forEach((k, ops) -> {
            keys.add(Optional.of(k));
            parts.add(ops);
        });
        Meter meter = new Meter(budget);
        List<PartitionResult> results = new ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
            if (meter.exhausted()) {
                results.add(new PartitionResult(keys.get(p), Verdict.UNKNOWN, 0, parts.get(p), List.of(), Optional.empty()));
                continue;
            }
            Search.Found found = Search.run(parts.get(p), model, meter);
            results.add(new PartitionResult(keys.get(p), found.verdict(), found.states(), parts.get(p), found.linearization(),
                    found.violation()));
        }
        Verdict verdict = results.stream().anyMatch(r -> r.verdict() == Verdict.NOT_LINEARIZABLE) ? Verdict.NOT_LINEARIZABLE
                : results.stream().anyMatch(r -> r.verdict() == Verdict.UNKNOWN) ? Verdict.UNKNOWN : Verdict.LINEARIZABLE;
        return new Result(verdict, meter.states(), results, summary(verdict, meter, results, model));
    }

    private static String summary(Verdict verdict, Meter meter, List<PartitionResult> results, Model<?> model) {
        String states = String.format("%,d states", meter.states());
        if (verdict == Verdict.LINEARIZABLE) {
            return "linearizable" + (results.size() > 1 ? " (" + results.size() + " keys, " : " (") + states + ")";
        }
        if (verdict == Verdict.UNKNOWN) {
            return "unknown: " + (meter.stopped() ? "stopped" : "budget exhausted") + " after " + states;
        }
        PartitionResult first = results.stream().filter(r -> r.verdict() == Verdict.NOT_LINEARIZABLE).findFirst().orElseThrow();
        Violation v = first.violation().orElseThrow();
        StringBuilder out = new StringBuilder("not linearizable");
        first.key().ifPresent(k -> out.append(": key ").append(Values.edn(k)));
        out.append(": after ").append(v.prefix().size()).append(v.prefix().size() == 1 ? " operation" : " operations")
                .append(" the ").append(model.name()).append(" holds ").append(v.state()).append(", and ");
        List<String> blocked = v.blocked().stream().map(Operation::describe).toList();
        out.append(blocked.size() == 1 ? blocked.get(0) + " cannot take effect" : String.join(", ", blocked) + " cannot take effect");
        return out.append(" (").append(states).append(")").toString();
    }
}
