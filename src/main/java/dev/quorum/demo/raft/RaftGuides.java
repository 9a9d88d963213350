package dev.quorum.demo.raft;

import dev.quorum.demo.engine.Guide;
import dev.quorum.demo.engine.Guide.Prediction;
import dev.quorum.demo.engine.Guide.Step;
import java.util.List;
import java.util.Map;

/**
 * The guided scenarios of the Raft election demo: three servers, n1 to n3. The second and third cut the link
 * between the leader n2 and the follower n3 at 1000 ms, as a partly failed switch did between etcd nodes in
 * Cloudflare's incident. Steps point at events by index; RaftGuidesTest pins each run's trace.
 */
final class RaftGuides {

    /** The leader of term 1 in seed 1 is n2; this cuts it off from n3 while both still reach n1. */
    static final String CUT = "cut:n2-n3@1000";

    static final List<Guide> ALL = List.of(
            new Guide("first-election", "The first election", "correct", 1, Map.of(), "",
                    "Three servers start as followers in term 0 with no leader. Each waits for a randomized election timeout, "
                            + "drawn between 150 and 300 ms, so one of them usually runs out well before the others. With "
                            + "Pre-Vote it first asks whether the others would vote for it, then raises its term and asks for "
                            + "real votes; two of three is a majority.",
                    "The role and term of each node in the state table, the election timeout each node draws, and how the "
                            + "leader's heartbeats reset the followers' timers every 50 ms.",
                    List.of(Step.at(0, "n2 drew the shortest timeout, 151 ms, and it runs out first. It asks n1 and n3 for a "
                                    + "pre-vote in term 1 without changing its own term."),
                            Step.at(3, "n1 has no leader and a lower term, so it would vote for n2. A pre-vote changes nothing on n1."),
                            Step.at(5, "With its own pre-vote and n1's, n2 has a majority: now it raises its term to 1, votes for "
                                    + "itself and asks for real votes."),
                            Step.at(10, "n1 moves to term 1 and votes for n2: it has not voted for anyone else in term 1. A node "
                                    + "votes at most once per term and a leader needs a majority, so no two leaders can win the same term."),
                            Step.at(12, "Two votes of three: n2 is leader of term 1 and sends heartbeats at once."),
                            Step.predicted(15, "n1 hears n2's heartbeat, accepts it as leader of term 1 and draws a fresh timeout "
                                    + "(161 ms). As long as heartbeats come every 50 ms, that timeout never runs out."),
                            Step.at(19, "n2's request reaches n3 only now, after n2 has already won. n3 votes for it anyway (it has not "
                                    + "voted in term 1), and its vote will arrive when n2 no longer needs it."),
                            Step.at(27, "From here on the run is quiet: every 50 ms a heartbeat, every heartbeat an answer. "
                                    + "No follower times out, and n2 stays leader of term 1 to the end.")),
                    new Prediction("n2 has just become leader of term 1. n1's own election timer is still running. What does n1 "
                            + "do when n2's first heartbeat arrives?", List.of("It starts an election of its own in term 2",
                                    "It follows n2 and starts its election timeout again from the beginning",
                                    "It ignores the heartbeat, since it voted before n2 had won"), 1,
                            "A heartbeat from a leader of the node's own term (or a higher one) makes it a follower of that "
                                    + "leader and resets its election timer. Heartbeats come far more often than the shortest "
                                    + "timeout, so followers of a live leader never campaign.")),
            new Guide("cut-link-churn", "One cut link, and no leader lasts", "plain", 1, Map.of(), CUT,
                    "The same start, with plain Raft: no Pre-Vote and no CheckQuorum. At 1000 ms the link between the leader "
                            + "n2 and the follower n3 fails both ways, while both still reach n1, like the partly failed switch in "
                            + "Cloudflare's post-mortem \"A Byzantine failure in the real world\". Nothing is wrong with n2; n3 "
                            + "simply cannot hear it.",
                    "The terms climbing on the chart, and who votes: n1 hears everybody, and grants its vote to any candidate "
                            + "of a higher term. The leader-stability check asks for a leader that lasts once 8 election "
                            + "timeouts (1200 ms) have passed since the cut.",
                    List.of(Step.at(154, "The cut is in place: n2's heartbeats to n3 are dropped. n1 still gets them."),
                            Step.at(170, "n3 has heard nothing from a leader for its 234 ms timeout. Plain Raft: it raises its "
                                    + "term to 2 at once and asks for votes."),
                            Step.at(173, "n1 sees a higher term and votes for n3. n1 itself hears its leader n2 perfectly well, "
                                    + "but plain Raft does not let that count."),
                            Step.at(180, "n1's answer to n2's heartbeat carries term 2, so n2 steps down. A working leader was "
                                    + "unseated by a node that merely could not hear it."),
                            Step.at(181, "n3 wins term 2 with n1's vote. But the cut runs both ways: now n2 cannot hear the leader."),
                            Step.at(213, "So n2 times out and campaigns in term 3; n1 will vote for it (event #217)."),
                            Step.at(231, "n3 learns of term 3 from n1 and steps down. The roles have swapped, and the same thing "
                                    + "is about to happen the other way round."),
                            Step.at(305, "Term 5: n2 again."),
                            Step.predicted(348, "More than 1200 ms after the cut, n3 campaigns once more, in term 6, and the "
                                    + "leader-stability check fails here. The run ends in term 16: n2 and n3 take turns, and no "
                                    + "leader lasts more than a few hundred milliseconds.")),
                    new Prediction("n2 became leader of term 5 at event #313, and n3 stepped down. n3 still cannot hear n2. What "
                            + "will n3 do next?", List.of("Follow n2, since n1 tells it who the leader is",
                                    "Time out and campaign in term 6, unseating n2 through n1's vote",
                                    "Stop taking part until the link heals"), 1,
                            "A Raft follower learns of a leader only from the leader's own heartbeats; n1 does not relay them. "
                                    + "Cut off from n2, n3 times out, and in plain Raft a timeout means a higher term at once. "
                                    + "n1 votes for it, and the higher term reaches n2 through n1 and makes it step down. "
                                    + "Pre-Vote and CheckQuorum, in the correct variant, stop this.")),
            new Guide("prevote-holds", "Pre-Vote and CheckQuorum keep the leader", "correct", 1, Map.of(), CUT,
                    "The same cut between the leader n2 and the follower n3 at 1000 ms, now with Pre-Vote and CheckQuorum. "
                            + "A node asks for pre-votes before it raises its term, and a node that heard from a leader within "
                            + "the last election timeout (150 ms) refuses to help replace it.",
                    "n3's term, which never moves, and n1's answers to n3's pre-votes, which name how recently n1 heard from n2.",
                    List.of(Step.at(156, "The cut is in place: n2's heartbeats to n3 are dropped. n1 still gets them."),
                            Step.at(176, "n3's 234 ms timeout runs out with no word from a leader. Instead of raising its term "
                                    + "it asks n1 and n2 for a pre-vote in term 2, keeping term 1."),
                            Step.at(181, "Its request to n2 is dropped on the cut link."),
                            Step.predicted(184, "n1 refuses: it heard from leader n2 45 ms ago. Its term stays 1, and nothing "
                                    + "reaches n2 that could make it step down."),
                            Step.at(187, "n3 has only its own pre-vote. It stays in term 1 and will ask again."),
                            Step.at(211, "Its next timeout runs out; it asks again, and is refused again. This repeats to the "
                                    + "end of the run."),
                            Step.at(740, "Near the end n1 refuses once more. n2 is still leader of term 1: n1 answers its heartbeats, "
                                    + "so CheckQuorum (n1 and n2 itself, two of three) keeps it in place, and n3 never raised its term. "
                                    + "n3 is without a leader, but the cluster has one; the leader-stability check passes.")),
                    new Prediction("n3 asks n1 for a pre-vote in term 2. n1 still gets n2's heartbeats every 50 ms. What does "
                            + "n1 answer?", List.of("Yes: term 2 is higher than its term 1",
                                    "No: it heard from a leader within the last election timeout",
                                    "It moves to term 2 and then says no"), 1,
                            "A pre-vote is granted only to a node whose term would be higher and, with CheckQuorum's leader "
                                    + "lease, only by a node that has not heard from a leader within an election timeout. n1 "
                                    + "has, so it refuses, and since a pre-vote changes no term, no higher term ever reaches n2.")));

    private RaftGuides() {
    }
}
