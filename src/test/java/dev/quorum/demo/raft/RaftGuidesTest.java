package dev.quorum.demo.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorum.demo.engine.Demo;
import dev.quorum.demo.engine.Guide;
import dev.quorum.demo.engine.GuideChecks;
import dev.quorum.demo.engine.Params;
import dev.quorum.demo.engine.Schedule;
import dev.quorum.demo.engine.Trace;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The guided scenarios tell the truth about their runs: each run is pinned, every step points at an event on a
 * node's line, the failing one asks its question on the first violation, and the texts they rely on are there.
 */
class RaftGuidesTest {

    static Trace run(Demo demo, Guide g) {
        return GuideChecks.run(demo, g);
    }

    @ParameterizedTest
    @CsvSource({
        "first-election, true, a81b1128834653220f64bb7db65b0aa5435ee483245db2359c363dae4db1e5df",
        "cut-link-churn, false, 33d08f48e112c9a712fcfe0e88057801dc47270fe3d2c3a7e98cea2061c175e3",
        "prevote-holds, true, 53ace93ef0744ceffe6ee7b0f74cf24a53da68bd80c726b4528997eaabf72b9b",
    })
    void eachScenarioIsAPinnedRunWhoseStepsPointAtItsEvents(String guide, boolean ok, String sha256) {
        GuideChecks.assertPinned(RaftFaultsTest.demo(), guide, ok, sha256);
    }

    @Test
    void threeScenariosTheFirstCorrect() {
        Demo demo = RaftFaultsTest.demo();
        assertEquals(List.of("correct", "plain", "correct"), demo.guides().stream().map(Guide::variant).toList());
        for (Guide g : demo.guides()) {
            assertFalse(g.lookFor().isBlank());
            assertTrue(g.prediction().choices().size() >= 2);
        }
    }

    private static String text(Trace t, int i) {
        return t.text(t.events().get(i));
    }

    @Test
    void theScenariosSayWhatTheirRunsDo() {
        Demo demo = RaftFaultsTest.demo();
        Trace first = run(demo, demo.guide("first-election").orElseThrow());
        assertTrue(text(first, 0).startsWith("n2 has heard from no leader for 151 ms, so it asks n1 and n3"), text(first, 0));
        assertTrue(text(first, 12).contains("becomes leader of term 1"), text(first, 12));
        assertTrue(text(first, 15).startsWith("n1 hears from n2, leader of term 1, and waits another 161 ms"), text(first, 15));
        assertEquals("1 term had a leader, each exactly one (term 1: n2)", first.checks().get(0).detail());

        Trace churn = run(demo, demo.guide("cut-link-churn").orElseThrow());
        assertTrue(text(churn, 170).contains("becomes a candidate in term 2"), text(churn, 170));
        assertTrue(text(churn, 173).contains("votes for n3 in term 2"), text(churn, 173));
        assertTrue(text(churn, 180).contains("steps down from leader to follower"), text(churn, 180));
        assertTrue(text(churn, 217).contains("votes for n2 in term 3"), text(churn, 217));
        assertTrue(text(churn, 348).contains("becomes a candidate in term 6"), text(churn, 348));
        assertTrue(churn.checks().get(0).ok(), "plain Raft is safe: " + churn.checks());
        assertTrue(churn.checks().get(0).detail().startsWith("16 terms had a leader"), churn.checks().get(0).detail());

        Trace holds = run(demo, demo.guide("prevote-holds").orElseThrow());
        assertTrue(text(holds, 176).contains("a pre-vote: its own term stays 1"), text(holds, 176));
        assertTrue(text(holds, 184).startsWith("n1 refuses n3's pre-vote for term 2: it heard from leader n2 45 ms ago"), text(holds, 184));
        assertTrue(text(holds, 740).startsWith("n1 refuses n3's pre-vote"), text(holds, 740));
        assertEquals("1 term had a leader, each exactly one (term 1: n2)", holds.checks().get(0).detail());
    }

    /** The churn is the cut's doing: without it plain Raft keeps its leader, and the correct variant survives it. */
    @Test
    void theChurnNeedsItsCutLink() {
        Demo demo = RaftFaultsTest.demo();
        Guide g = demo.guide("cut-link-churn").orElseThrow();
        Params params = Params.parse(demo.params(), g.params());
        assertTrue(demo.run(demo.variant("plain"), g.seed(), params, Schedule.parse("none", 3), false).ok());
        assertTrue(demo.run(demo.variant("correct"), g.seed(), params, Schedule.parse(g.faults(), 3), false).ok());
    }
}
