package dev.quorum.demo.paxos;

import dev.quorum.demo.engine.Invariant;
import dev.quorum.demo.engine.RunView;
import dev.quorum.demo.engine.TraceEvent;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Agreement: at most one value is ever chosen. Checked on every acceptance. Its summary is also the run's
 * liveness observation, which is not a check (no algorithm can guarantee termination, FLP): whether a value was
 * chosen, and after how many ballots.
 */
final class Agreement implements Invariant {

    private final Acceptances acceptances;
    private final int proposers;
    private final Set<Long> ballots = new HashSet<>();
    private Acceptances.Chosen first;
    private int ballotsWhenChosen;

    Agreement(int proposers, int acceptors) {
        this.proposers = proposers;
        this.acceptances = new Acceptances(proposers, acceptors);
    }

    @Override
    public String name() {
        return "agreement";
    }

    @Override
    public Optional<String> check(TraceEvent e, RunView run) {
        if (e.node() >= 0 && e.node() < proposers) {
            e.scalar(SingleDecreePaxos.BALLOT).ifPresent(b -> {
                if (b > 0) {
                    ballots.add(b);
                }
            });
        }
        Optional<Acceptances.Chosen> chosen = acceptances.observe(e);
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        Acceptances.Chosen c = chosen.get();
        if (first == null) {
            first = c;
            ballotsWhenChosen = ballots.size();
            return Optional.empty();
        }
        if (!first.value().equals(c.value())) {
            return Optional.of(c.value() + " is chosen at ballot " + c.ballot() + " (event " + c.event() + "), but "
                    + first.value() + " was already chosen at ballot " + first.ballot() + " (event " + first.event() + ")");
        }
        return Optional.empty();
    }

    @Override
    public String summary() {
        if (first == null) {
            return "no value was chosen: " + ballots.size() + " ballot" + (ballots.size() == 1 ? " was" : "s were")
                    + " prepared and none was accepted by a majority";
        }
        return "one value chosen: " + first.value() + " at ballot " + first.ballot() + " (event " + first.event() + "), after "
                + ballotsWhenChosen + " ballot" + (ballotsWhenChosen == 1 ? "" : "s") + " had been prepared";
    }
}
