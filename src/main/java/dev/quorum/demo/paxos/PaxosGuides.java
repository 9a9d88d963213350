package dev.quorum.demo.paxos;

import dev.quorum.demo.engine.Guide;
import dev.quorum.demo.engine.Guide.Prediction;
import dev.quorum.demo.engine.Guide.Step;
import java.util.List;
import java.util.Map;

/**
 * The guided scenarios of the Paxos demo: two proposers, three acceptors (n1 and n2 propose v1 and v2; n3 to n5
 * accept). Steps point at events by index; PaxosGuidesTest pins each run's trace, so the narration cannot drift.
 */
final class PaxosGuides {

    /** The faults of the third scenario: the two acceptors that chose v2 in the first one crash and restart. */
    static final String FORGETTING = "crash:n4@90,crash:n5@90,recover:n4@105,recover:n5@105";

    static final List<Guide> ALL = List.of(
            new Guide("adopt-the-accepted-value", "The second proposer adopts what was accepted", "correct", 1, Map.of(), "",
                    "Two proposers, n1 wanting v1 and n2 wanting v2, and three acceptors, n3 to n5; any two acceptors are a "
                            + "majority. A proposer first asks for promises (phase 1), then asks the acceptors to accept a value "
                            + "(phase 2). A value is chosen once a majority accepts it at the same ballot.",
                    "The promised and accepted values of the acceptors in the state table, and the proposal each proposer "
                            + "makes after its promises: its own value only if no promise reports an accepted one.",
                    List.of(Step.at(1, "n1 prepares ballot 2 (ballots are round × 2 + index, so n1's are even and n2's odd) "
                                    + "and asks all three acceptors for a promise."),
                            Step.at(5, "n3 promises ballot 2: it has promised nothing higher. It has accepted nothing, and says so."),
                            Step.at(12, "n1 has promises from n3 and n4, a majority. Neither reports an accepted value, so n1 is "
                                    + "free to propose its own: it asks all acceptors to accept b2:v1."),
                            Step.at(16, "n5 accepts b2:v1. One acceptor is not a majority: nothing is chosen yet."),
                            Step.at(19, "n2 starts late and prepares ballot 3, higher than n1's."),
                            Step.at(28, "n5 promises ballot 3 and reports its accepted b2:v1."),
                            Step.at(32, "n3 has promised ballot 3, so it rejects n1's b2:v1: a promise is a vow to accept nothing "
                                    + "below it. v1 can no longer be chosen at ballot 2."),
                            Step.at(34, "n2's first two promises, from n3 and n4, report nothing accepted (n5's report of b2:v1 "
                                    + "arrives later), so n2 proposes its own v2. That is safe: only n5 had accepted v1, and v1 was not chosen."),
                            Step.at(42, "n5 accepts b3:v2 after n4 did: a majority has accepted v2 at ballot 3. v2 is chosen at "
                                    + "this event, although no node knows it yet; n2 learns it at event #44."),
                            Step.at(49, "n1 heard from only one acceptor for ballot 2 before its timeout fired; it prepares ballot 4."),
                            Step.predicted(60, "n1 has promises for ballot 4 from n5 and n4, and both report b3:v2. The highest "
                                    + "accepted proposal wins: n1 proposes v2, not its own v1."),
                            Step.at(72, "A majority accepts b4:v2 and n1 learns that v2 is chosen. Both proposers agree, and the "
                                    + "agreement check confirms that only v2 was ever chosen.")),
                    new Prediction("n1 wants v1. Its promises for ballot 4 both report the accepted proposal b3:v2. What does n1 ask "
                            + "the acceptors to accept?", List.of("b4:v1: its own value, at its new and higher ballot",
                                    "b4:v2: the value of the highest-numbered proposal the promises report",
                                    "Nothing: it gives up, since another value was accepted"), 1,
                            "Phase 2 must propose the value of the highest-numbered proposal among a majority of promises. v2 may "
                                    + "already be chosen (here it is), and every majority includes an acceptor that accepted it, so "
                                    + "carrying v2 forward is what keeps a chosen value chosen. The ignores-accepted variant proposes "
                                    + "b4:v1 instead, and chooses a second value.")),
            new Guide("dueling-proposers", "Dueling proposers", "correct", 2,
                    Map.of("timeoutMs", "25", "jitterPercent", "0", "latency", "uniform"), "",
                    "The same two proposers, now with a 25 ms timeout, shorter than a slow round trip, and no random jitter "
                            + "on it. Each time a proposer gives up on a ballot it prepares a higher one, and a higher prepare makes "
                            + "the acceptors reject the other proposer's accept.",
                    "The ballots climbing on the diagram, and the rejections: each proposer's phase 2 is pre-empted by the "
                            + "other's next phase 1. Safety holds throughout; only progress is in question.",
                    List.of(Step.at(1, "n1 prepares ballot 2."),
                            Step.at(6, "2 ms later n2 prepares ballot 3. The acceptors promise both, in the order the prepares arrive."),
                            Step.at(24, "n1's timeout fires with one promise of the two it needs: it prepares ballot 4."),
                            Step.at(29, "n2's does the same: ballot 5."),
                            Step.at(57, "Ballots 6 and 7 follow the same way."),
                            Step.at(74, "n2 finally has a majority of promises for ballot 7 and proposes v2..."),
                            Step.at(91, "...but n1's ballot 8 reached n5 first: n5 rejects b7:v2. Only n3 accepts it."),
                            Step.at(101, "n1 proposes v1 at ballot 8; none of its promises reported b7:v2."),
                            Step.at(108, "n4 rejects b8:v1: it has promised n2's ballot 9. The duel goes on."),
                            Step.at(117, "n2's promises for ballot 9 report n3's b7:v2, so it proposes v2 again."),
                            Step.predicted(132, "n5 accepts b9:v2 after n4 did: a majority, and v2 is chosen at ballot 9. This time "
                                    + "the delays let n2's accept reach two acceptors before n1's ballot 10 did."),
                            Step.at(147, "n1's promises for ballot 10 report b9:v2, so it proposes v2, not v1."),
                            Step.at(165, "n1 learns that v2 is chosen; n2 learns it at event #194, after two more ballots (11 and 13) of its own. Nine ballots "
                                    + "were prepared before a value was chosen.")),
                    new Prediction("Ballots 2 to 8 have all failed, timed out or pre-empted by the other proposer's next ballot. Will a value ever be chosen in this run?",
                            List.of("No: they will pre-empt each other until both give up",
                                    "Yes: at some ballot one proposer's accept reaches a majority before the other's next prepare",
                                    "Yes, but two different values, one per proposer"), 1,
                            "Here the varying message delays break the symmetry at ballot 9. Nothing guarantees it: by the FLP "
                                    + "result no consensus algorithm can ensure progress in an asynchronous network where a node may "
                                    + "crash, and Paxos keeps only safety unconditionally. Random jitter on the timeouts (the default) "
                                    + "or a single distinguished proposer makes long duels unlikely.")),
            new Guide("forgotten-promise", "An acceptor that forgets after a restart", "forgets-promise", 1, Map.of(), FORGETTING,
                    "The run of the first scenario, with acceptors that keep their promise and accepted proposal in memory only. "
                            + "After v2 is chosen by n4 and n5, both crash and restart with nothing.",
                    "The accepted values of n4 and n5 before and after their restarts, and what their promises to n1's next "
                            + "ballot report.",
                    List.of(Step.at(42, "As in the first scenario: n4 and n5 have accepted b3:v2, a majority, so v2 is chosen."),
                            Step.at(44, "n2 learns that v2 is chosen."),
                            Step.at(48, "n4 crashes, and n5 with it."),
                            Step.at(50, "n4 restarts with an empty memory: promised 0, accepted nil. On disk it would have kept b3:v2."),
                            Step.at(53, "n1's timeout fires and it prepares ballot 4."),
                            Step.at(57, "n5 promises ballot 4 and reports that it has accepted nothing, which is no longer true of the run."),
                            Step.at(64, "n1 has promises from n5 and n4, neither reporting b3:v2, so it proposes its own v1."),
                            Step.at(68, "n5 accepts b4:v1."),
                            Step.predicted(70, "n4 accepts b4:v1: a majority at ballot 4. v1 is chosen after v2 was, and the agreement "
                                    + "check fails here."),
                            Step.at(73, "Even n3, which still remembers b3:v2, accepts b4:v1: an acceptor always accepts a higher "
                                    + "ballot it promised. Keeping a chosen value chosen depends on the promises telling the truth.")),
                    new Prediction("v2 is chosen, and the acceptors that chose it have forgotten it. n5 has accepted n1's b4:v1. What "
                            + "happens when n4 receives it?", List.of("n4 rejects it, since v2 is already chosen",
                                    "n4 accepts it, and v1 is chosen as well: two values chosen",
                                    "n4 accepts b4:v2 instead"), 1,
                            "An acceptor knows only its own promise and accepted proposal; n4 forgot both, so b4:v1 is acceptable. "
                                    + "With n5 that makes a majority for v1 at ballot 4, while a majority chose v2 at ballot 3. "
                                    + "Paxos needs promises and acceptances on stable storage: the correct variant, on the same "
                                    + "faults, reports b3:v2 from disk and n1 proposes v2.")));

    private PaxosGuides() {
    }
}
