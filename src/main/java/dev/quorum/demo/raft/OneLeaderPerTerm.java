package dev.quorum.demo.raft;

import dev.quorum.demo.engine.Invariant;
import dev.quorum.demo.engine.RunView;
import dev.quorum.demo.engine.TraceEvent;
import dev.quorum.demo.engine.Value;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Election safety (Raft paper, Figure 3): at most one leader is elected in any one term. Checked on every event. */
final class OneLeaderPerTerm implements Invariant {

    /** Each term's leader: its node and the event at which it became leader. */
    private final Map<Long, int[]> leaders = new TreeMap<>();

    @Override
    public String name() {
        return "one-leader-per-term";
    }

    @Override
    public Optional<String> check(TraceEvent e, RunView run) {
        if (e.node() < 0 || !isLeader(e) || e.scalar(RaftElection.TERM).isEmpty()) {
            return Optional.empty();
        }
        long term = e.scalar(RaftElection.TERM).getAsLong();
        int[] first = leaders.get(term);
        if (first == null) {
            leaders.put(term, new int[] {e.node(), e.i()});
            return Optional.empty();
        }
        if (first[0] == e.node()) {
            return Optional.empty();
        }
        return Optional.of(run.name(e.node()) + " becomes leader of term " + term + " at event " + e.i() + ", but "
                + run.name(first[0]) + " already became leader of term " + term + " at event " + first[1]);
    }

    static boolean isLeader(TraceEvent e) {
        Optional<Value> role = e.value(RaftElection.ROLE);
        return role.isPresent() && role.get() instanceof Value.Role r && r.name().equals(RaftNode.LEADER);
    }

    @Override
    public String summary() {
        if (leaders.isEmpty()) {
            return "no leader was elected in this run";
        }
        StringBuilder terms = new StringBuilder();
        for (Map.Entry<Long, int[]> l : leaders.entrySet()) {
            terms.append(terms.length() == 0 ? "" : ", ").append("term ").append(l.getKey()).append(": n").append(l.getValue()[0] + 1);
        }
        return leaders.size() + (leaders.size() == 1 ? " term had a leader" : " terms had a leader") + ", each exactly one ("
                + terms + ")";
    }
}
