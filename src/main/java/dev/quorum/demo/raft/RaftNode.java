package dev.quorum.demo.raft;

import dev.quorum.demo.engine.Context;
import dev.quorum.demo.engine.Message;
import dev.quorum.demo.engine.Node;
import dev.quorum.demo.engine.Timer;
import dev.quorum.demo.engine.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * One Raft server, leader election only (Raft paper §5.2, with Pre-Vote from Ongaro's dissertation §9.6 and
 * CheckQuorum as etcd's raft has it). A follower that hears from no leader for a randomized election timeout,
 * drawn on its own clock from [electionMs, 2 × electionMs), campaigns: it raises its term, votes for itself and
 * asks the others for votes; a majority makes it leader, and its heartbeats (AppendEntries with no entries)
 * keep the followers quiet. Any message with a higher term sends a node back to follower in that term.
 *
 * <p>With Pre-Vote the node first asks whether the others would vote for it in the next term, without changing
 * any term, and campaigns only on a majority of yeses. With CheckQuorum a leader that has not heard from a
 * majority within an election timeout steps down, and a node that heard from a leader within the last election
 * timeout refuses to help unseat it (the leader lease: it grants no pre-vote and ignores a vote request of a
 * higher term). The term and the vote are fields of this object, which survives a crash: they play the part of
 * stable storage. The {@code forgets-vote} node keeps them in memory only.
 */
final class RaftNode implements Node {

    static final String FOLLOWER = "follower";
    static final String PRE_CANDIDATE = "pre-candidate";
    static final String CANDIDATE = "candidate";
    static final String LEADER = "leader";

    /** No word from a leader for the whole timeout. */
    record ElectionTimeout(long timeoutMs) implements Timer {
    }

    /** The leader's next round of heartbeats; the sends are the events a reader sees. */
    record Heartbeat(long term) implements Timer {
        @Override
        public boolean traced() {
            return false;
        }
    }

    /** The leader's CheckQuorum: has a majority answered in the last election timeout? */
    record QuorumCheck(long term) implements Timer {
        @Override
        public boolean traced() {
            return false;
        }
    }

    private final int nodes;
    private final boolean preVote;
    private final boolean checkQuorum;
    private final boolean durable;
    private final long electionMs;
    private final long heartbeatMs;

    // Stable storage (unless forgets-vote): the current term and the vote cast in it.
    private long term;
    private int votedFor = -1;

    // Memory: lost in a crash.
    private String role = FOLLOWER;
    private int leader = -1;
    private long heardFromLeaderAtMs;
    private final Set<Integer> votes = new TreeSet<>();
    private final Set<Integer> answered = new TreeSet<>();
    private long electionTimer = -1;
    private long drawnTimeoutMs;

    RaftNode(int nodes, boolean preVote, boolean checkQuorum, boolean durable, long electionMs, long heartbeatMs) {
        this.nodes = nodes;
        this.preVote = preVote;
        this.checkQuorum = checkQuorum;
        this.durable = durable;
        this.electionMs = electionMs;
        this.heartbeatMs = heartbeatMs;
    }

    private int majority() {
        return nodes / 2 + 1;
    }

    @Override
    public void onStart(Context ctx) {
        resetElectionTimer(ctx);
    }

    @Override
    public void onCrash() {
        electionTimer = -1;
    }

    @Override
    public void onRecover(Context ctx) {
        String me = ctx.name(ctx.self());
        long t = term;
        int v = votedFor;
        role = FOLLOWER;
        leader = -1;
        votes.clear();
        answered.clear();
        if (!durable) {
            term = 0;
            votedFor = -1;
        }
        show(ctx);
        ctx.describe(durable
                ? () -> me + " restarts and reads term " + t + " and its vote (" + (v < 0 ? "none" : "for " + ctx.name(v))
                        + ") back from disk; it is a follower and waits to hear from a leader"
                : () -> me + " restarts with an empty memory: it has forgotten that it was in term " + t
                        + (v < 0 ? "" : " and voted for " + ctx.name(v) + " in it") + "; it is back in term 0 and has voted for no one");
        resetElectionTimer(ctx);
    }

    @Override
    public void onTimer(Context ctx, Timer timer) {
        if (timer instanceof ElectionTimeout et) {
            electionTimeout(ctx, et.timeoutMs());
        } else if (timer instanceof Heartbeat hb && role.equals(LEADER) && hb.term() == term) {
            heartbeats(ctx);
        } else if (timer instanceof QuorumCheck qc && role.equals(LEADER) && qc.term() == term) {
            quorumCheck(ctx);
        }
    }

    private void electionTimeout(Context ctx, long timeoutMs) {
        electionTimer = -1;
        String me = ctx.name(ctx.self());
        String others = others(ctx);
        String silence = leader >= 0 ? "has heard nothing from leader " + ctx.name(leader) + " for " + timeoutMs + " ms"
                : role.equals(FOLLOWER) ? "has heard from no leader for " + timeoutMs + " ms"
                : "has not won its " + (role.equals(PRE_CANDIDATE) ? "pre-vote" : "election") + " within " + timeoutMs + " ms";
        leader = -1;
        if (preVote) {
            resetElectionTimer(ctx);
            role = PRE_CANDIDATE;
            votes.clear();
            votes.add(ctx.self());
            show(ctx);
            long next = term + 1;
            long now = term;
            ctx.describe(() -> me + " " + silence + ", so it asks " + others + " whether they would vote for it in term " + next
                    + " (a pre-vote: its own term stays " + now + ")");
            broadcast(ctx, new RaftMessage.RequestVote(next, true), to -> me + " asks " + ctx.name(to) + " for a pre-vote in term " + next);
        } else {
            campaign(ctx, silence);
        }
    }

    /** Raises the term, votes for itself and asks for votes; {@code why} finishes "n2 …, so it becomes a candidate". */
    private void campaign(Context ctx, String why) {
        String me = ctx.name(ctx.self());
        String others = others(ctx);
        resetElectionTimer(ctx);
        term++;
        votedFor = ctx.self();
        role = CANDIDATE;
        leader = -1;
        votes.clear();
        votes.add(ctx.self());
        show(ctx);
        long t = term;
        ctx.describe(() -> me + " " + why + ", so it becomes a candidate in term " + t + ", votes for itself and asks "
                + others + " for votes");
        broadcast(ctx, new RaftMessage.RequestVote(term, false), to -> me + " asks " + ctx.name(to) + " for its vote in term " + t);
    }

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        if (message instanceof RaftMessage.RequestVote rv) {
            if (rv.preVote()) {
                preVoteRequest(ctx, from, rv);
            } else {
                voteRequest(ctx, from, rv);
            }
        } else if (message instanceof RaftMessage.Vote v) {
            if (v.preVote()) {
                preVoteReply(ctx, from, v);
            } else {
                voteReply(ctx, from, v);
            }
        } else if (message instanceof RaftMessage.AppendEntries ae) {
            appendEntries(ctx, from, ae);
        } else if (message instanceof RaftMessage.AppendReply ar) {
            appendReply(ctx, from, ar);
        }
    }

    /** The leader lease of CheckQuorum: a node that heard from a leader within an election timeout will not help unseat it. */
    private boolean inLease(Context ctx) {
        if (!checkQuorum || leader < 0) {
            return false;
        }
        return leader == ctx.self() || ctx.localTimeMs() - heardFromLeaderAtMs < electionMs;
    }

    private String leaseText(Context ctx) {
        return leader == ctx.self() ? "it is the leader and a majority answered it within the last " + electionMs + " ms"
                : "it heard from leader " + ctx.name(leader) + " " + (ctx.localTimeMs() - heardFromLeaderAtMs) + " ms ago, within an election timeout";
    }

    private void preVoteRequest(Context ctx, int from, RaftMessage.RequestVote rv) {
        String me = ctx.name(ctx.self());
        String them = ctx.name(from);
        boolean lease = inLease(ctx);
        boolean grant = rv.term() > term && !lease;
        show(ctx);
        String why = grant ? "its own term, " + term + ", is lower, and it has heard from no leader recently"
                : rv.term() <= term ? "it is already in term " + term : leaseText(ctx);
        ctx.describe(() -> me + (grant ? " would vote for " : " refuses ") + them + (grant ? " in term " + rv.term() : "'s pre-vote for term " + rv.term())
                + ": " + why + (grant ? " (a pre-vote changes no term)" : ""));
        send(ctx, from, new RaftMessage.Vote(grant ? rv.term() : term, grant, true),
                () -> me + (grant ? " tells " + them + " it would vote for it" : " tells " + them + " no, and that its own term is " + term));
    }

    private void voteRequest(Context ctx, int from, RaftMessage.RequestVote rv) {
        String me = ctx.name(ctx.self());
        String them = ctx.name(from);
        if (rv.term() > term && inLease(ctx)) {
            show(ctx);
            String why = leaseText(ctx);
            ctx.describe(() -> me + " ignores " + them + "'s request for a vote in term " + rv.term() + " and keeps its term " + term
                    + ": " + why);
            long t = term;
            send(ctx, from, new RaftMessage.Vote(term, false, false), () -> me + " tells " + them + " no, and that its term is " + t);
            return;
        }
        String stepped = "";
        if (rv.term() > term) {
            stepped = stepDownText(rv.term());
            becomeFollower(ctx, rv.term(), -1);
        }
        boolean grant = rv.term() == term && (votedFor < 0 || votedFor == from);
        String before = stepped;
        if (grant) {
            votedFor = from;
            resetElectionTimer(ctx);
        }
        show(ctx);
        int v = votedFor;
        long t = term;
        ctx.describe(() -> me + before + (before.isEmpty() ? "" : ", and") + (grant ? " votes for " + them + " in term " + t + ": it has not voted for anyone else in this term"
                : " refuses " + them + " its vote in term " + rv.term() + ": " + (rv.term() < t ? "its own term is " + t
                        : "it already voted for " + ctx.name(v) + " in this term")));
        send(ctx, from, new RaftMessage.Vote(term, grant, false),
                () -> me + (grant ? " sends " + them + " its vote" : " tells " + them + " no"));
    }

    private void preVoteReply(Context ctx, int from, RaftMessage.Vote v) {
        String me = ctx.name(ctx.self());
        String them = ctx.name(from);
        if (!v.granted() && v.term() > term) {
            String stepped = stepDownText(v.term());
            becomeFollower(ctx, v.term(), -1);
            show(ctx);
            ctx.describe(() -> me + stepped + " (" + them + " refused its pre-vote and is in term " + v.term() + ")");
            return;
        }
        if (role.equals(PRE_CANDIDATE) && !v.granted()) {
            show(ctx);
            long t = term;
            ctx.describe(() -> me + " is refused a pre-vote by " + them + "; it stays in term " + t
                    + " and will ask again if its timeout runs out with still no word from a leader");
            return;
        }
        if (!role.equals(PRE_CANDIDATE) || v.term() != term + 1 || !v.granted()) {
            show(ctx);
            ctx.describe(() -> me + " notes " + them + (v.granted() ? "'s pre-vote" : "'s refusal")
                    + (role.equals(PRE_CANDIDATE) ? "" : "; it is no longer asking for pre-votes"));
            return;
        }
        votes.add(from);
        if (votes.size() < majority()) {
            show(ctx);
            int k = votes.size();
            ctx.describe(() -> me + " has " + k + " pre-vote" + (k == 1 ? "" : "s") + " (its own included) of the " + majority() + " it needs");
            return;
        }
        campaign(ctx, "has pre-votes from a majority");
    }

    private void voteReply(Context ctx, int from, RaftMessage.Vote v) {
        String me = ctx.name(ctx.self());
        String them = ctx.name(from);
        if (v.term() > term) {
            String stepped = stepDownText(v.term());
            becomeFollower(ctx, v.term(), -1);
            show(ctx);
            ctx.describe(() -> me + stepped + " (" + them + "'s reply carries term " + v.term() + ")");
            return;
        }
        if (!role.equals(CANDIDATE) || v.term() != term || !v.granted()) {
            show(ctx);
            ctx.describe(() -> me + " notes " + them + (v.granted() ? "'s vote" : "'s refusal") + " for term " + v.term()
                    + (role.equals(CANDIDATE) ? "" : "; it is no longer a candidate in that term"));
            return;
        }
        votes.add(from);
        if (votes.size() < majority()) {
            show(ctx);
            int k = votes.size();
            ctx.describe(() -> me + " has " + k + " vote" + (k == 1 ? "" : "s") + " in term " + term + " (its own included) of the "
                    + majority() + " it needs");
            return;
        }
        becomeLeader(ctx);
    }

    private void becomeLeader(Context ctx) {
        String me = ctx.name(ctx.self());
        role = LEADER;
        leader = ctx.self();
        answered.clear();
        cancelElectionTimer(ctx);
        show(ctx);
        long t = term;
        List<String> voters = new ArrayList<>();
        for (int k : votes) {
            voters.add(ctx.name(k));
        }
        ctx.describe(() -> me + " has votes from a majority (" + String.join(", ", voters) + ") and becomes leader of term " + t
                + "; it sends heartbeats at once to keep the others from starting elections");
        heartbeats(ctx);
        if (checkQuorum) {
            ctx.setTimer(new QuorumCheck(term), electionMs);
        }
    }

    private void heartbeats(Context ctx) {
        String me = ctx.name(ctx.self());
        long t = term;
        broadcast(ctx, new RaftMessage.AppendEntries(term), to -> me + ", leader of term " + t + ", sends a heartbeat to " + ctx.name(to));
        ctx.setTimer(new Heartbeat(term), heartbeatMs);
    }

    private void quorumCheck(Context ctx) {
        int heard = answered.size();
        answered.clear();
        if (heard + 1 >= majority()) {
            ctx.setTimer(new QuorumCheck(term), electionMs);
            return;
        }
        String me = ctx.name(ctx.self());
        ctx.local("steps down");
        role = FOLLOWER;
        leader = -1;
        show(ctx);
        long t = term;
        ctx.describe(() -> me + " has heard from " + heard + " of the other " + (nodes - 1) + " nodes in the last " + electionMs
                + " ms, not enough for a majority with itself: CheckQuorum makes it step down and follow (its term stays " + t + ")");
        resetElectionTimer(ctx);
    }

    private void appendEntries(Context ctx, int from, RaftMessage.AppendEntries ae) {
        String me = ctx.name(ctx.self());
        String them = ctx.name(from);
        if (ae.term() < term) {
            show(ctx);
            long t = term;
            ctx.describe(() -> me + " rejects a heartbeat from " + them + " for term " + ae.term() + ": it is in term " + t
                    + ", so " + them + " is no longer leader");
            send(ctx, from, new RaftMessage.AppendReply(term, false), () -> me + " tells " + them + " that its term is " + t);
            return;
        }
        if (ae.term() == term && role.equals(LEADER)) {
            show(ctx);
            ctx.describe(() -> me + " is itself leader of term " + term + ", yet " + them
                    + " sends it a heartbeat for that term: two leaders in one term");
            send(ctx, from, new RaftMessage.AppendReply(term, false), () -> me + " refuses " + them + "'s heartbeat");
            return;
        }
        String before = ae.term() > term ? stepDownText(ae.term()) : !role.equals(FOLLOWER) ? " stops being a " + role : "";
        boolean news = leader != from;
        becomeFollower(ctx, ae.term(), from);
        heardFromLeaderAtMs = ctx.localTimeMs();
        resetElectionTimer(ctx);
        show(ctx);
        long t = term;
        long timeout = drawnTimeoutMs;
        ctx.describe(() -> me + before + (before.isEmpty() ? "" : ";") + " hears " + (news ? "from " + them + ", leader of term " + t + ","
                : "a heartbeat from leader " + them) + " and waits another " + timeout + " ms before it would suspect the leader is gone");
        send(ctx, from, new RaftMessage.AppendReply(term, true), () -> me + " answers " + them + "'s heartbeat");
    }

    private void appendReply(Context ctx, int from, RaftMessage.AppendReply ar) {
        String me = ctx.name(ctx.self());
        String them = ctx.name(from);
        if (ar.term() > term) {
            String stepped = stepDownText(ar.term());
            becomeFollower(ctx, ar.term(), -1);
            show(ctx);
            ctx.describe(() -> me + stepped + " (" + them + "'s answer to its heartbeat carries term " + ar.term() + ")");
            return;
        }
        if (role.equals(LEADER) && ar.term() == term && ar.success()) {
            answered.add(from);
        }
        show(ctx);
        boolean counted = role.equals(LEADER) && ar.term() == term && ar.success();
        ctx.describe(() -> me + (counted ? ", leader of term " + term + ", hears back from " + them
                : " notes " + them + "'s answer to a heartbeat of term " + ar.term()));
    }

    /** " learns of term 5 and steps down from leader to follower", or the same for a candidate; for a follower " moves to term 5". */
    private String stepDownText(long newTerm) {
        return role.equals(FOLLOWER) ? " learns of term " + newTerm + " and moves to it from term " + term
                : " learns of term " + newTerm + ", higher than its " + term + ", and steps down from " + role + " to follower";
    }

    private void becomeFollower(Context ctx, long newTerm, int newLeader) {
        if (newTerm > term) {
            term = newTerm;
            votedFor = -1;
        }
        boolean wasLeader = role.equals(LEADER);
        role = FOLLOWER;
        leader = newLeader;
        votes.clear();
        if (wasLeader) {
            resetElectionTimer(ctx);
        }
    }

    private void resetElectionTimer(Context ctx) {
        cancelElectionTimer(ctx);
        drawnTimeoutMs = electionMs + ctx.random().nextLong(electionMs);
        electionTimer = ctx.setTimer(new ElectionTimeout(drawnTimeoutMs), drawnTimeoutMs);
    }

    private void cancelElectionTimer(Context ctx) {
        if (electionTimer >= 0) {
            ctx.cancelTimer(electionTimer);
            electionTimer = -1;
        }
    }

    private void broadcast(Context ctx, RaftMessage message, java.util.function.IntFunction<String> words) {
        for (int to = 0; to < nodes; to++) {
            if (to != ctx.self()) {
                int k = to;
                send(ctx, to, message, () -> words.apply(k));
            }
        }
    }

    private static void send(Context ctx, int to, RaftMessage message, Supplier<String> words) {
        ctx.send(to, message);
        ctx.describe(words);
    }

    private String others(Context ctx) {
        List<String> names = new ArrayList<>();
        for (int k = 0; k < nodes; k++) {
            if (k != ctx.self()) {
                names.add(ctx.name(k));
            }
        }
        return names.size() == 1 ? names.get(0) : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    private void show(Context ctx) {
        ctx.annotate(RaftElection.ROLE, Value.role(role));
        ctx.annotate(RaftElection.TERM, Value.scalar(term));
        ctx.annotate(RaftElection.VOTED_FOR, Value.register(votedFor < 0 ? null : ctx.name(votedFor)));
        ctx.annotate(RaftElection.LEADER, Value.register(leader < 0 ? null : ctx.name(leader)));
        ctx.annotate(RaftElection.TIMEOUT, Value.scalar(drawnTimeoutMs));
    }
}
