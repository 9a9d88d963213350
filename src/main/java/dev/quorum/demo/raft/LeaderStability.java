package dev.quorum.demo.raft;

import dev.quorum.demo.engine.EventType;
import dev.quorum.demo.engine.Invariant;
import dev.quorum.demo.engine.RunView;
import dev.quorum.demo.engine.TraceEvent;
import dev.quorum.demo.engine.Value;
import java.util.Arrays;
import java.util.Optional;

/**
 * Liveness with a bound: once {@code boundMs} have passed since the start of the run or the latest fault (a
 * crash, a recovery, a partition, a cut link, a heal), some node that is up is leader, and until the next fault
 * no node changes term and no node becomes or stops being leader. A cut counts from when it starts, since it may
 * never heal. Lost, duplicated and delayed messages are the network's weather: they do not restart the clock.
 * The property needs a majority that can reach each other once the faults stop; a single cut link always leaves one.
 */
final class LeaderStability implements Invariant {

    private final long boundMs;
    private final long electionMs;
    private final String[] role;
    private final long[] term;
    private final boolean[] up;
    private long lastFaultMs;
    private String lastFault = "the start of the run";
    private boolean judged;
    private int stableLeader = -1;
    private long judgedAtMs;

    LeaderStability(int nodes, long boundMs, long electionMs) {
        this.boundMs = boundMs;
        this.electionMs = electionMs;
        role = new String[nodes];
        Arrays.fill(role, RaftNode.FOLLOWER);
        term = new long[nodes];
        up = new boolean[nodes];
        Arrays.fill(up, true);
    }

    @Override
    public String name() {
        return "leader-stability";
    }

    private String bound() {
        return boundMs + " ms (" + boundMs / electionMs + " election timeouts of " + electionMs + " ms)";
    }

    @Override
    public Optional<String> check(TraceEvent e, RunView run) {
        if (isFault(e.type())) {
            lastFaultMs = e.t();
            String what = e.type() == EventType.RECOVER ? "restart" : e.type().json();
            lastFault = "the " + what + (e.node() >= 0 ? " of " + run.name(e.node()) : "") + " at " + e.t() + " ms";
            judged = false;
            stableLeader = -1;
            if (e.type() == EventType.CRASH || e.type() == EventType.RECOVER) {
                up[e.node()] = e.type() == EventType.RECOVER;
            }
        }
        Optional<String> found = Optional.empty();
        boolean quiet = e.t() > lastFaultMs + boundMs;
        if (quiet && !judged) {
            judged = true;
            judgedAtMs = e.t();
            for (int k = 0; k < role.length; k++) {
                if (up[k] && role[k].equals(RaftNode.LEADER) && (stableLeader < 0 || term[k] > term[stableLeader])) {
                    stableLeader = k;
                }
            }
            if (stableLeader < 0) {
                found = Optional.of("no node is leader " + bound() + " after " + lastFault);
            }
        }
        if (e.node() >= 0) {
            int k = e.node();
            String newRole = e.value(RaftElection.ROLE).map(v -> ((Value.Role) v).name()).orElse(role[k]);
            long newTerm = e.scalar(RaftElection.TERM).orElse(term[k]);
            if (quiet && found.isEmpty()) {
                String who = run.name(k);
                String when = " at " + e.t() + " ms (event " + e.i() + "), more than " + bound() + " after " + lastFault;
                if (newTerm != term[k]) {
                    found = Optional.of(who + " moves from term " + term[k] + " to term " + newTerm + when);
                } else if (role[k].equals(RaftNode.LEADER) && !newRole.equals(RaftNode.LEADER)) {
                    found = Optional.of(who + " stops being leader of term " + term[k] + when);
                } else if (!role[k].equals(RaftNode.LEADER) && newRole.equals(RaftNode.LEADER)) {
                    found = Optional.of(who + " becomes leader of term " + newTerm + when);
                }
            }
            role[k] = newRole;
            term[k] = newTerm;
        }
        return found;
    }

    private static boolean isFault(EventType type) {
        return type == EventType.CRASH || type == EventType.RECOVER || type == EventType.PARTITION || type == EventType.CUT
                || type == EventType.HEAL;
    }

    @Override
    public String summary() {
        if (!judged) {
            return "not judged: the run ended within " + bound() + " of " + lastFault;
        }
        return "by " + judgedAtMs + " ms, more than " + bound() + " after " + lastFault + ", n" + (stableLeader + 1)
                + " was leader of term " + term[stableLeader] + ", and it stayed leader to the end with no term changes";
    }
}
