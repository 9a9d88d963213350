package dev.quorum.demo.paxos;

import dev.quorum.demo.engine.TraceEvent;
import dev.quorum.demo.engine.Value;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The implicit learner: it reads every acceptor event's accepted proposal from the trace and counts, per
 * proposal (ballot and value), the acceptors that ever accepted it. A proposal is chosen when a majority has.
 */
final class Acceptances {

    /** A proposal a majority accepted, and the event where the last of that majority accepted it. */
    record Chosen(long ballot, String value, int event) {
    }

    private final int firstAcceptor;
    private final int majority;
    private final Map<String, Set<Integer>> byProposal = new HashMap<>();

    Acceptances(int firstAcceptor, int acceptors) {
        this.firstAcceptor = firstAcceptor;
        this.majority = acceptors / 2 + 1;
    }

    /** The proposal {@code e} makes chosen, if it is the acceptance that completes a majority. */
    Optional<Chosen> observe(TraceEvent e) {
        if (e.node() < firstAcceptor) {
            return Optional.empty();
        }
        Optional<Value> v = e.value(SingleDecreePaxos.ACCEPTED);
        if (v.isEmpty() || !(v.get() instanceof Value.Register r) || r.value() == null) {
            return Optional.empty();
        }
        String proposal = (String) r.value();
        Set<Integer> who = byProposal.computeIfAbsent(proposal, k -> new HashSet<>());
        if (!who.add(e.node()) || who.size() != majority) {
            return Optional.empty();
        }
        int colon = proposal.indexOf(':');
        return Optional.of(new Chosen(Long.parseLong(proposal.substring(1, colon)), proposal.substring(colon + 1), e.i()));
    }
}
