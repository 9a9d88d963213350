package dev.quorum.demo.paxos;

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
 * node's line, the failing one asks its question on the first violation, and the summaries say what happened.
 */
class PaxosGuidesTest {

    static Trace run(Demo demo, Guide g) {
        return GuideChecks.run(demo, g);
    }

    @ParameterizedTest
    @CsvSource({
        "adopt-the-accepted-value, true, e655022430bd14c6c5915c8bd9a490a92ca765f4dd3dd13aeb16f5bd6a313c84",
        "dueling-proposers, true, 2abaccaa4b4a74d9d45ee4e35ffdfb06ad13e995241276a1e2ee42f265e052ec",
        "forgotten-promise, false, 09db3973990f6e0a2e0c19875c818a3c073b4ddd332cb7533dbb0f31932202c2",
    })
    void eachScenarioIsAPinnedRunWhoseStepsPointAtItsEvents(String guide, boolean ok, String sha256) {
        GuideChecks.assertPinned(PaxosFaultsTest.demo(), guide, ok, sha256);
    }

    @Test
    void threeScenariosTheFirstCorrect() {
        Demo demo = PaxosFaultsTest.demo();
        assertEquals(List.of("correct", "correct", "forgets-promise"), demo.guides().stream().map(Guide::variant).toList());
        for (Guide g : demo.guides()) {
            assertFalse(g.lookFor().isBlank());
            assertTrue(g.prediction().choices().size() >= 2);
        }
    }

    @Test
    void theScenariosSayWhatTheirRunsDo() {
        Demo demo = PaxosFaultsTest.demo();
        Trace adopt = run(demo, demo.guide("adopt-the-accepted-value").orElseThrow());
        assertEquals("one value chosen: v2 at ballot 3 (event 42), after 2 ballots had been prepared", adopt.checks().get(0).detail());
        assertTrue(adopt.text(adopt.events().get(60)).contains("so it proposes v2, not its own v1"), adopt.text(adopt.events().get(60)));
        Trace duel = run(demo, demo.guide("dueling-proposers").orElseThrow());
        assertEquals("one value chosen: v2 at ballot 9 (event 132), after 9 ballots had been prepared", duel.checks().get(0).detail());
        Trace forgot = run(demo, demo.guide("forgotten-promise").orElseThrow());
        assertTrue(forgot.checks().get(0).detail().startsWith("v1 is chosen at ballot 4 (event 70), but v2 was already chosen at ballot 3"),
                forgot.checks().get(0).detail());
    }

    /** The forgetting scenario fails because of its crashes: without them it passes, and the correct variant survives them. */
    @Test
    void theForgettingScenarioNeedsItsCrashes() {
        Demo demo = PaxosFaultsTest.demo();
        Guide g = demo.guide("forgotten-promise").orElseThrow();
        Params params = Params.parse(demo.params(), g.params());
        assertTrue(demo.run(demo.variant(g.variant()), g.seed(), params, Schedule.parse("none", 5), false).ok());
        Trace correct = demo.run(demo.variant("correct"), g.seed(), params, Schedule.parse(g.faults(), 5), false);
        assertTrue(correct.ok(), correct.checks().toString());
    }
}
