package dev.quorum.demo.engine;

import dev.quorum.lincheck.Budget;
import dev.quorum.lincheck.History;
import dev.quorum.lincheck.Linearizability;
import dev.quorum.lincheck.Model;
import dev.quorum.lincheck.Verdict;
import java.util.Optional;

/**
 * The run's client history is linearizable against {@code model}: every operation can be given one instant
 * between its invocation and its completion such that, in that order, the model explains every result.
 *
 * <p>Checked at each completion that can break it: an {@code ok} (a result to explain, and an order it fixes)
 * or a {@code fail} (an operation that may no longer explain others). An invocation or an {@code info} adds an
 * operation that may take effect at any later moment or never, which no explanation needs. Linearizability
 * is prefix-closed, so the first completion that breaks it is the first violation, and a run stopped there
 * shows it. A search that runs out of its {@code states} budget is not a violation; the summary says so.
 */
public final class Linearizable implements Invariant {

    private final Model<?> model;
    private final long states;
    private Linearizability.Result last;
    private int operations;

    public Linearizable(Model<?> model, long states) {
        this.model = model;
        this.states = Check.range("a linearizability budget", states, 1, 100_000_000);
    }

    @Override
    public String name() {
        return "linearizable";
    }

    @Override
    public Optional<String> check(TraceEvent latest, RunView run) {
        if (latest.type() != EventType.COMPLETE || !(latest.detail() instanceof HistoryOp op) || op.type().equals("info")) {
            return Optional.empty();
        }
        History history = Histories.of(run.history());
        last = Linearizability.check(history, model, Budget.states(states));
        operations = history.size();
        return last.verdict() == Verdict.NOT_LINEARIZABLE ? Optional.of(last.summary()) : Optional.empty();
    }

    @Override
    public String summary() {
        return last == null ? "no completed operations to check"
                : operations + (operations == 1 ? " operation: " : " operations: ") + last.summary();
    }
}
