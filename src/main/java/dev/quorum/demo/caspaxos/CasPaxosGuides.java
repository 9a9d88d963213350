package dev.quorum.demo.caspaxos;

import dev.quorum.demo.engine.Guide;
import dev.quorum.demo.engine.Guide.Prediction;
import dev.quorum.demo.engine.Guide.Step;
import java.util.List;
import java.util.Map;

/**
 * The guided scenarios of the CASPaxos demo: two proposers (n1, n2), each with one client (c1, c2) issuing two
 * operations, and three acceptors (n3 to n5); any two acceptors are a majority. Steps point at events by index;
 * CasPaxosGuidesTest pins each run's trace, so the narration cannot drift.
 */
final class CasPaxosGuides {

    static final Map<String, String> TWO_CLIENTS = Map.of("clients", "2", "ops", "2");

    static final List<Guide> ALL = List.of(
            new Guide("read-is-a-write", "A read is a round that writes back what it read", "correct", 81, TWO_CLIENTS, "",
                    "Two clients share one register: c1 through proposer n1, c2 through proposer n2. Every operation is one "
                            + "round of Paxos: phase 1 collects promises and the acceptors' accepted states from a majority and "
                            + "takes the one with the highest ballot; phase 2 asks the acceptors to accept the operation's change "
                            + "applied to it. A ballot is a counter and the proposer's name, so 1.n2 is higher than 1.n1.",
                    "The Accepted column of the acceptors, and what n2's read does in phase 2 with the state it found: it "
                            + "writes it back before it answers. The history panel shows each operation as a bar.",
                    List.of(Step.at(0, "c1 asks n1 for a cas from nil (the empty register) to 11, and n1 starts ballot 1.n1."),
                            Step.at(5, "c2 asks n2 for a read, and n2 starts ballot 1.n2."),
                            Step.at(17, "n1 has promises from a majority, none reporting an accepted state: the register is empty, "
                                    + "as the cas expects, so n1 asks the acceptors to accept 11."),
                            Step.at(21, "n5 accepts 11 at ballot 1.n1. One acceptor is not a majority: c1's cas has not taken "
                                    + "effect yet."),
                            Step.at(28, "n4 has promised n2's higher ballot 1.n2, so it refuses n1's accept."),
                            Step.predicted(31, "n2's promises come from n4, which has accepted nothing, and n5, which reports 11 at "
                                    + "ballot 1.n1. The highest accepted ballot wins, so the state is 11. A read's change is the "
                                    + "identity: n2 asks the acceptors to accept 11 again, at its own ballot 1.n2."),
                            Step.at(40, "n3 accepts n1's 11 at 1.n1, which reached it late, and then n2's 11 at 1.n2."),
                            Step.at(47, "n1 has acceptances from a majority: c1's cas completes ok."),
                            Step.at(50, "n2 has acceptances from a majority for 11 at 1.n2, and only now answers: c2 reads 11. "
                                    + "Whatever round comes next, its phase 1 meets at least one acceptor of that majority."),
                            Step.at(116, "Later c2 writes 22, and c1's read, after a conflict and a second ballot, finds 22: each "
                                    + "round starts from the state the previous one left at a majority.")),
                    new Prediction("Only n5 has accepted 11, and c1's cas has not completed. n2's promises report 11 at ballot 1.n1 "
                            + "and nothing. What does n2 do for c2's read?",
                            List.of("It answers nil: one acceptor is not a majority, so 11 is not the register's state",
                                    "It answers 11 at once: phase 1 found it",
                                    "It asks the acceptors to accept 11 at ballot 1.n2, and answers 11 once a majority has"), 2,
                            "A read runs both phases like any change, with the identity as its function. Answering 11 straight "
                                    + "after phase 1 would be unsafe: at that moment n3 and n4 had not accepted 11, so a later read "
                                    + "whose majority was n3 and n4 could have found the register empty, after c2 had read 11. "
                                    + "Writing 11 back to a majority first means every later phase 1 finds it, or a state "
                                    + "derived from it: that is what makes reads linearizable. Answering nil would ignore a "
                                    + "value that may already be chosen.")),
            new Guide("concurrent-cas", "Two compare-and-sets from the same state", "correct", 22, TWO_CLIENTS, "",
                    "The same two clients and proposers. c1 and c2 both ask for a compare-and-set from the empty register, "
                            + "c1 to 11 and c2 to 12, at nearly the same time. At most one of them can succeed.",
                    "The ballots on the diagram and the refusals: a higher ballot makes acceptors refuse a lower one, and "
                            + "the beaten proposer backs off and tries a higher ballot. In the history panel, which cas is ok.",
                    List.of(Step.at(0, "c1 asks n1 for cas(nil → 11); n1 starts ballot 1.n1."),
                            Step.at(8, "c2 asks n2 for cas(nil → 12); n2 starts ballot 1.n2, higher than 1.n1."),
                            Step.at(17, "n5 has promised 1.n2 and refuses n1's prepare for 1.n1. The refusal tells n1 the "
                                    + "higher ballot it has seen."),
                            Step.at(23, "n2 has promises from a majority, none reporting an accepted state: the register is empty, "
                                    + "as c2's cas expects, so n2 asks the acceptors to accept 12."),
                            Step.at(32, "A second refusal: with two of the three acceptors against it, ballot 1.n1 cannot get a "
                                    + "majority. n1 has sent no accept for c1's cas, so nothing of it can have taken effect: it "
                                    + "backs off for a random time and will try again."),
                            Step.at(39, "A majority has accepted 12: c2's cas completes ok."),
                            Step.at(40, "n1 tries again with ballot 2.n1, higher than 1.n2, the highest ballot it has seen."),
                            Step.predicted(50, "n1's promises report 12 at ballot 1.n2. The cas expected nil and finds 12, so its "
                                    + "change leaves the state as it is: n1 asks the acceptors to accept 12, unchanged, at 2.n1."),
                            Step.at(74, "A majority has accepted 12 at 2.n1, and c1's cas completes fail: the register held 12, "
                                    + "not nil, and that is now certain."),
                            Step.at(117, "Both clients then read 12. In the history panel, c2's cas takes effect and c1's fails: "
                                    + "one order of the four operations explains every result.")),
                    new Prediction("c1's cas expected nil, and n1's new promises report 12. What does n1 do?",
                            List.of("It asks the acceptors to accept 11: its ballot 2.n1 is the highest",
                                    "It reports that the cas failed at once, without phase 2",
                                    "It asks the acceptors to accept 12 unchanged, and reports the cas failed once a majority has"), 2,
                            "The change of cas(nil, 11) applied to 12 is 12, so phase 2 writes 12 back. Waiting for that round "
                                    + "is what makes the failure certain: a state that phase 1 finds may have been accepted by a "
                                    + "single acceptor, in a round still in flight, and might never become the register's state; "
                                    + "a cas reported failed against it would have failed against a state the register never "
                                    + "held. Once a majority has accepted 12 at 2.n1, every later round finds it. Writing 11 "
                                    + "would lose c2's acknowledged update.")),
            new Guide("lost-update", "A proposer that skips phase 1 loses an update", "skips-prepare", 51, TWO_CLIENTS, "",
                    "The same clients and proposers, with the skips-prepare bug: after its first round a proposer no longer "
                            + "runs phase 1. It applies each change to the state it remembers from its own last round and sends "
                            + "the accept at once, at a ballot higher than any it has seen.",
                    "The Known state column of n2 beside the acceptors' Accepted, and the history panel at the end: a read "
                            + "whose bar cannot be placed after the write it follows.",
                    List.of(Step.at(0, "c1 asks n1 to write 11. n1 knows nothing of the register yet, so even this variant "
                                    + "runs phase 1 for its first operation."),
                            Step.at(25, "A majority has accepted 11 at 1.n1: c1's write completes ok, and n1 remembers 11."),
                            Step.at(39, "c2 asks for cas(nil → 12). n2's promises report 11, so it asks to accept 11 unchanged; "
                                    + "n2 now remembers 11 too."),
                            Step.at(48, "c1 writes 21. n1 skips phase 1: it picks ballot 2.n1 and sends the accept at once."),
                            Step.at(54, "n3 has accepted 2.n1 and refuses n2's 11 at 1.n2. The refusal tells n2 of ballot 2.n1, "
                                    + "not of the state 21."),
                            Step.at(63, "A majority has accepted 21 at 2.n1: c1's write of 21 completes ok. The register holds 21."),
                            Step.at(65, "n4 and n5 had accepted 11 at 1.n2 before that, so c2's cas completes fail."),
                            Step.at(70, "c2 asks for a read. n2 skips phase 1 and applies the identity to the state it "
                                    + "remembers, 11, and asks the acceptors to accept 11 at ballot 3.n2."),
                            Step.at(78, "Every acceptor accepts 11: ballot 3.n2 is higher than any they have seen. c1's "
                                    + "acknowledged write of 21 is gone."),
                            Step.predicted(82, "c2's read completes ok with 11, after c1's write of 21 completed ok. No order of "
                                    + "the operations explains it, and the linearizable check fails here: in the history panel, the "
                                    + "read's bar comes after the write of 21 and has nowhere to go.")),
                    new Prediction("The register holds 21, written by c1 and acknowledged. n2 remembers 11 and, skipping phase 1, "
                            + "asks the acceptors to accept 11 at ballot 3.n2 for c2's read. What happens?",
                            List.of("The acceptors refuse 11: they hold the newer 21",
                                    "They accept 11, since 3.n2 is the highest ballot they have seen: c2 reads 11 and c1's "
                                            + "write of 21 is lost",
                                    "n2 learns 21 from their replies and reads 21"), 1,
                            "An acceptor compares ballots, not values: 3.n2 is higher than anything it has seen, so it accepts, "
                                    + "and an acceptance carries no state back. Phase 1 is where a proposer learns the state that "
                                    + "its change applies to; a proposer that skips it computes from what it remembers, and every "
                                    + "update another proposer made since is overwritten. The correct variant runs phase 1 for "
                                    + "every operation, and its history on the same seed is linearizable.")));

    private CasPaxosGuides() {
    }
}
