package dev.quorum.demo.caspaxos;

import dev.quorum.demo.engine.Invariant;
import dev.quorum.demo.engine.RunView;
import dev.quorum.demo.engine.TraceEvent;
import dev.quorum.demo.engine.Value;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An acceptor's promise never goes down, not even across a crash: a promise is a vow about every later message,
 * and an acceptor that took one back could let an overtaken proposer through. Read from the promises the
 * acceptors show on their events.
 */
final class PromisesOnlyRise implements Invariant {

    private final int firstAcceptor;
    private final Map<Integer, Ballot> promised = new HashMap<>();
    private int rises;

    PromisesOnlyRise(int firstAcceptor) {
        this.firstAcceptor = firstAcceptor;
    }

    @Override
    public String name() {
        return "promises-only-rise";
    }

    @Override
    public Optional<String> check(TraceEvent e, RunView run) {
        if (e.node() < firstAcceptor) {
            return Optional.empty();
        }
        Optional<Value> v = e.value(CasPaxos.PROMISED);
        if (v.isEmpty() || !(v.get() instanceof Value.Register r) || r.value() == null) {
            return Optional.empty();
        }
        Ballot now = Ballot.parse((String) r.value());
        Ballot before = promised.getOrDefault(e.node(), Ballot.ZERO);
        if (before.above(now)) {
            return Optional.of("an acceptor's promise fell from " + before + " to " + now + " (event " + e.i() + ")");
        }
        if (now.above(before)) {
            rises++;
            promised.put(e.node(), now);
        }
        return Optional.empty();
    }

    @Override
    public String summary() {
        return "acceptors raised their promises " + rises + " time" + (rises == 1 ? "" : "s") + " and never lowered one";
    }
}
