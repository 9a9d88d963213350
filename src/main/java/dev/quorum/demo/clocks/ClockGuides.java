package dev.quorum.demo.clocks;

import dev.quorum.demo.engine.Guide;
import dev.quorum.demo.engine.Guide.Prediction;
import dev.quorum.demo.engine.Guide.Step;
import java.util.List;
import java.util.Map;

/**
 * The guided scenarios of the clock demos. Each is one small run (three nodes, three steps each) whose events
 * the steps point at by index; ClockGuidesTest pins each run's trace, so the narration cannot drift from it.
 */
final class ClockGuides {

    /** Every scenario's workload: small enough to follow event by event. */
    private static final Map<String, String> SMALL = Map.of("steps", "3", "localPercent", "20");

    private ClockGuides() {
    }

    static List<Guide> lamport() {
        return List.of(
                new Guide("receive-takes-max", "A receive jumps past the sender", "correct", 1, SMALL, "",
                        "Three nodes take three steps each. Every event adds one to its node's counter, a message carries "
                                + "the sender's counter, and a receive sets the counter to one more than the larger of its own "
                                + "and the message's.",
                        "The number beside each event. Follow any message: the receive's number is always larger than the "
                                + "send's, even when the receiver's own counter was behind.",
                        List.of(Step.at(0, "n2 sends the first message. Its counter goes from 0 to 1, and the message carries that 1."),
                                Step.at(1, "n3 receives it. Its own counter was 0; the larger of 0 and 1 is 1, plus one: 2. "
                                        + "The send (1) is smaller than the receive (2), as the clock condition demands."),
                                Step.at(2, "n3 ticks to 3 and sends to n2. That message is still in flight for the next two events."),
                                Step.at(3, "n2 ticks to 2 and sends to n1."),
                                Step.predicted(4, "n2 receives n3's message while its own counter reads 2: max(2, 3) + 1 = 4. "
                                        + "Its counter jumps past the sender's, so everything n2 does from now on is later than n3's send."),
                                Step.at(7, "n2 receives 1 from n1 while it reads 5: max(5, 1) + 1 = 6. A message with a small time "
                                        + "never pulls a counter back; it only ever moves forward."),
                                Step.at(8, "n1 receives 2 from n2: max(1, 2) + 1 = 3. Every message of the run obeys the same rule, "
                                        + "and the check at the end confirms the clock condition for every pair of events.")),
                        new Prediction("n2's counter reads 2 when n3's message, carrying 3, arrives. What does n2's counter read "
                                + "after the receive?", List.of("3: its own counter plus one", "4: one more than the larger of the two",
                                        "5: the sum of the two"), 1,
                                "A receive takes the larger of the node's counter and the message's, then adds one: max(2, 3) + 1 = 4. "
                                        + "So the receive is later than the send (3 < 4). Ignoring the message's time, as the "
                                        + "no-max variant does, would give 3, which is not later than the send.")),
                new Guide("smaller-is-not-before", "A smaller time does not mean earlier", "correct", 1,
                        with(SMALL, "check", LamportClocks.CHECK_CONVERSE), "",
                        "The same correct Lamport clocks, now checked against the converse of the clock condition: if L(a) < L(b), "
                                + "then a happened before b. No Lamport clock promises that, and this run shows why.",
                        "Two events on different nodes that no chain of messages connects. Their numbers still differ, and "
                                + "the smaller one is not \"before\" in any sense that matters.",
                        List.of(Step.at(0, "n2 sends to n3 at Lamport time 1."),
                                Step.at(1, "n3 receives it and takes max(0, 1) + 1 = 2. This receive really does come after n2's send."),
                                Step.at(2, "n3 ticks to 3 and sends to n2. n2 will not get this message until event #4."),
                                Step.predicted(3, "n2 ticks to 2 and sends to n1. Event #3 (time 2) and event #2 (time 3) are "
                                        + "concurrent: no message leads from one to the other. Yet 2 < 3, so the converse check "
                                        + "fails here, on a correct clock."),
                                Step.at(4, "Only now does n3's message reach n2. From here on, n2's events do come after n3's event #2, "
                                        + "and their times say so.")),
                        new Prediction("Event #2 on n3 has Lamport time 3. n2's next event, #3, will have time 2. Does event #3 happen "
                                + "before event #2?", List.of("Yes: its time is smaller", "No: they are concurrent; no message links them",
                                        "No: event #2 happens before event #3"), 1,
                                "Lamport times never order an event before one of its causes, but they order concurrent events "
                                        + "arbitrarily. A smaller time only says \"not after\". To tell \"before\" from \"concurrent\" "
                                        + "you need vector clocks.")),
                new Guide("wall-clock-skew", "Stamps from a clock that runs ahead", "wall-clock", 1, SMALL, "skew:n3/10",
                        "The wall-clock variant stamps each event with its node's physical clock instead of a counter, and "
                                + "ignores the stamp a message carries. Here n3's clock runs 10 ms ahead of true time; the others "
                                + "are right.",
                        "The stamps beside each event and the clock-error chart. A message from the fast clock that arrives "
                                + "within 10 ms is stamped earlier on receipt than when it was sent.",
                        List.of(Step.at(0, "n2 sends at true time 5 ms. Its clock is right, so the stamp is 5,000 µs."),
                                Step.at(1, "n3 receives at true time 10 ms, but its clock reads 20 ms: stamp 20,000 µs. Still larger "
                                        + "than the send's, so no harm yet."),
                                Step.at(2, "n3 sends at true time 12 ms, stamped 22,000 µs by its fast clock."),
                                Step.predicted(4, "n2 receives that message at true time 18 ms and stamps 18,000 µs from its own, "
                                        + "correct clock. The send (22,000) happened before this receive (18,000), but has the larger "
                                        + "stamp: the clock condition fails here."),
                                Step.at(5, "The run goes on, but any order built on these stamps (last writer wins, say) would put "
                                        + "n2's receive before the message that caused it.")),
                        new Prediction("n3's message left at true time 12 ms, stamped 22,000 µs by n3's fast clock. n2's clock is right, "
                                + "and the message arrives at true time 18 ms. What stamp does the receive get?",
                                List.of("23,000 µs: one more than the message's", "18,000 µs: n2's own clock, ignoring the message",
                                        "22,001 µs: the message's stamp plus one"), 1,
                                "This variant stamps every event from the node's own physical clock and ignores what a message "
                                        + "carries, so n2 stamps 18,000 µs, less than the 22,000 µs of the send that caused it. "
                                        + "Lamport's max rule exists to prevent exactly this: run the correct variant on the same faults.")));
    }

    static List<Guide> vector() {
        return List.of(
                new Guide("merge-and-concurrency", "Merging, and seeing concurrency", "correct", 1, SMALL, "",
                        "Each node keeps one counter per node: how many events of that node it knows of. An event adds one to "
                                + "its own entry; a receive first takes the entry-wise maximum with the vector the message carries.",
                        "Compare two vectors entry by entry. If one is less than or equal everywhere (and they differ), that "
                                + "event happened before the other; if each is larger somewhere, the two are concurrent.",
                        List.of(Step.at(0, "n2 sends with [n1:0, n2:1, n3:0]: it knows of one event, its own."),
                                Step.at(1, "n3 receives and merges: the maximum of [0, 0, 0] and [0, 1, 0] is [0, 1, 0], then it "
                                        + "counts the receive: [0, 1, 1]."),
                                Step.at(3, "n2 ticks to [0, 2, 0] and sends to n1. Compare it with n3's event #2, [0, 1, 2]: n2's "
                                        + "entry is larger in one place, smaller in another. Neither is before the other: they are concurrent. "
                                        + "Select event #3 to see which events are concurrent with it."),
                                Step.predicted(4, "n2 receives n3's [0, 1, 2] and merges it into [0, 2, 0]: the entry-wise maximum is "
                                        + "[0, 2, 2], and counting the receive gives [0, 3, 2]. Now n2 knows of both of n3's events."),
                                Step.at(6, "n1's first event, [1, 0, 0]. It is concurrent with everything so far, and its vector shows "
                                        + "it: compare it with any earlier one."),
                                Step.at(8, "n1 receives n2's message from event #3 and merges: [2, 2, 0]. Information travels only "
                                        + "along messages, and the vectors carry exactly that.")),
                        new Prediction("n2's vector is [n1:0, n2:2, n3:0]. A message from n3 arrives carrying [n1:0, n2:1, n3:2]. What "
                                + "is n2's vector after the receive?", List.of("[0, 3, 0]: it only counts the receive",
                                        "[0, 3, 2]: the entry-wise maximum, then one more on its own entry", "[0, 4, 2]: the entries added up"), 1,
                                "A receive merges (entry-wise maximum: [0, 2, 2]) and then counts itself on its own entry: [0, 3, 2]. "
                                        + "Forgetting the merge, as the no-merge variant does, gives [0, 3, 0], which no longer "
                                        + "shows that n3's events came first.")),
                new Guide("forgotten-merge", "A receive that does not merge", "no-merge", 1, SMALL, "",
                        "The same run with a receiver that counts its event but never merges the vector a message carries.",
                        "The first receive: the send happened before it, so its vector must be larger than the send's in "
                                + "every entry, and strictly larger in one.",
                        List.of(Step.at(0, "n2 sends with [n1:0, n2:1, n3:0]."),
                                Step.predicted(1, "n3 receives but does not merge: it only counts its own entry, [0, 0, 1]. The send "
                                        + "happened before this receive, yet [0, 1, 0] is not less than [0, 0, 1]: the vectors call "
                                        + "them concurrent. The strong clock condition fails at this event."),
                                Step.at(4, "The same mistake on every receive: n2 gets n3's message and moves only to [0, 3, 0], as if "
                                        + "n3 had never done anything.")),
                        new Prediction("n3's vector is [n1:0, n2:0, n3:0] and it receives [n1:0, n2:1, n3:0] without merging. What do the "
                                + "two vectors say about the send and the receive?", List.of("The send happened before the receive",
                                        "They are concurrent", "The receive happened before the send"), 1,
                                "Without the merge the receive gets [0, 0, 1]. Against the send's [0, 1, 0] each is larger in one "
                                        + "entry, which is how vectors say \"concurrent\". But the send did happen before the receive, "
                                        + "so the clock is wrong, and the check says so at the very first receive.")),
                new Guide("reset-after-crash", "A clock kept only in memory", "reset-on-crash", 1, SMALL,
                        "crash:n2@20,recover:n2@30",
                        "The same run, with n2 crashing at 20 ms and restarting at 30 ms. This variant keeps its vector in "
                                + "memory only, so a restart begins again from zeros.",
                        "n2's vector just before the crash and just after the recovery. A node's own entry must keep "
                                + "growing along its line; here it goes back.",
                        List.of(Step.at(4, "n2 has merged n3's message: [0, 3, 2]. It knows of three of its own events and two of n3's."),
                                Step.at(5, "n2 crashes at 20 ms. A crashed node runs nothing: the crash is not a step, and it ticks no clock."),
                                Step.predicted(6, "n2 restarts at 30 ms with its vector reset to zeros, and counts the recovery: "
                                        + "[0, 1, 0]. That is the vector of n2's first event, #0, which happened before this one. "
                                        + "The strong clock condition fails here."),
                                Step.at(8, "n2 goes on merging messages, but its own entry restarted: its new events look concurrent "
                                        + "with its old ones, or even earlier.")),
                        new Prediction("n2's vector reads [n1:0, n2:3, n3:2] when it crashes, and this variant keeps it in memory only. "
                                + "What is n2's vector at its recovery?", List.of("[0, 4, 2]: it goes on from where it was",
                                        "[0, 1, 0]: it starts from zeros and counts the recovery", "[0, 0, 0]: a recovery is not an event"), 1,
                                "A crash loses everything in memory, so the vector restarts at zeros, and the recovery is an event "
                                        + "of n2 that counts itself. [0, 1, 0] equals event #0's vector although #0 happened before: "
                                        + "two events with equal vectors break \"a → b exactly when V(a) < V(b)\". The correct variant "
                                        + "keeps its vector as if on disk: run it on the same faults.")));
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> m = new java.util.TreeMap<>(base);
        m.put(key, value);
        return m;
    }
}
