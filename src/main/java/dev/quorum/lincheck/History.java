package dev.quorum.lincheck;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A well-formed history: operations in invocation order, numbered from 0, every event at its own index, and
 * each process doing one thing at a time (an operation is invoked only once the process's previous one has
 * completed; a pending one must be its process's last). Nemesis events are not part of it.
 * Build one from events with {@link #builder()}, or read one with {@link Edn#read}.
 */
public record History(List<Operation> operations) {

    public History {
        operations = List.copyOf(operations);
        long[] events = new long[operations.size() * 2];
        int count = 0;
        Map<Object, Operation> last = new HashMap<>();
        for (int k = 0; k < operations.size(); k++) {
            Operation op = operations.get(k);
            if (op.id() != k) {
                throw new IllegalArgumentException("operation " + k + " has id " + op.id() + "; ids are positions in invocation order");
            }
            if (k > 0 && operations.get(k - 1).invokeIndex() >= op.invokeIndex()) {
                throw new IllegalArgumentException("operation " + k + " is invoked at index " + op.invokeIndex()
                        + ", not after operation " + (k - 1) + "'s invocation");
            }
            Operation before = last.put(op.process(), op);
            if (before != null && !(before.completed() && before.completeIndex() < op.invokeIndex())) {
                throw new IllegalArgumentException("process " + Values.edn(op.process()) + " invokes operation " + k
                        + " while operation " + before.id() + " is in flight");
            }
            events[count++] = op.invokeIndex();
            if (op.completed()) {
                events[count++] = op.completeIndex();
            }
        }
        long[] sorted = Arrays.copyOf(events, count);
        Arrays.sort(sorted);
        for (int k = 1; k < sorted.length; k++) {
            if (sorted[k] == sorted[k - 1]) {
                throw new IllegalArgumentException("two events share index " + sorted[k]);
            }
        }
    }

    public static HistoryBuilder builder() {
        return new HistoryBuilder();
    }

    public int size() {
        return operations.size();
    }
}
