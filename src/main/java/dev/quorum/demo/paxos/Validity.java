package dev.quorum.demo.paxos;

import dev.quorum.demo.engine.Invariant;
import dev.quorum.demo.engine.RunView;
import dev.quorum.demo.engine.TraceEvent;
import dev.quorum.demo.engine.Value;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** Validity: a chosen value is one some proposer proposed as its own (each proposer shows its value on its events). */
final class Validity implements Invariant {

    private final int proposers;
    private final Acceptances acceptances;
    private final Set<Object> proposed = new HashSet<>();
    private int chosen;

    Validity(int proposers, int acceptors) {
        this.proposers = proposers;
        this.acceptances = new Acceptances(proposers, acceptors);
    }

    @Override
    public String name() {
        return "validity";
    }

    @Override
    public Optional<String> check(TraceEvent e, RunView run) {
        if (e.node() >= 0 && e.node() < proposers) {
            e.value(SingleDecreePaxos.VALUE).ifPresent(v -> proposed.add(((Value.Register) v).value()));
        }
        Optional<Acceptances.Chosen> c = acceptances.observe(e);
        if (c.isPresent()) {
            chosen++;
            if (!proposed.contains(c.get().value())) {
                return Optional.of(c.get().value() + " is chosen (event " + c.get().event() + ") but no proposer proposed it");
            }
        }
        return Optional.empty();
    }

    @Override
    public String summary() {
        return chosen == 0 ? "nothing was chosen" : "every chosen proposal (" + chosen + ") carries a proposer's own value";
    }
}
