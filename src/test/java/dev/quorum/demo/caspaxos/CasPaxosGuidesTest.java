package dev.quorum.demo.caspaxos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorum.demo.engine.Demo;
import dev.quorum.demo.engine.Guide;
import dev.quorum.demo.engine.GuideChecks;
import dev.quorum.demo.engine.HistoryOp;
import dev.quorum.demo.engine.Params;
import dev.quorum.demo.engine.Schedule;
import dev.quorum.demo.engine.Trace;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The guided scenarios tell the truth about their runs: each run is pinned, every step points at an event on a
 * node's line, the failing one asks its question on the first violation, and the events say what the steps say.
 */
class CasPaxosGuidesTest {

    static Trace run(Demo demo, Guide g) {
        return GuideChecks.run(demo, g);
    }

    @ParameterizedTest
    @CsvSource({
        "read-is-a-write, true, ad8793e9591887ec26eb68e7deab27e9a9dbabc1931abe2654a7e69f479259ab",
        "concurrent-cas, true, 12a372c2164c032d406b073e2194892fbeafead7eb44808ddf377c2604f60fa1",
        "lost-update, false, 601eba850c53a1897e36d09180b4c18b919291e77cd9a5443bc77df798212db1",
    })
    void eachScenarioIsAPinnedRunWhoseStepsPointAtItsEvents(String guide, boolean ok, String sha256) {
        GuideChecks.assertPinned(CasPaxosFaultsTest.demo(), guide, ok, sha256);
    }

    @Test
    void threeScenariosTheFirstCorrect() {
        Demo demo = CasPaxosFaultsTest.demo();
        assertEquals(List.of("correct", "correct", "skips-prepare"), demo.guides().stream().map(Guide::variant).toList());
        for (Guide g : demo.guides()) {
            assertFalse(g.lookFor().isBlank());
            assertTrue(g.prediction().choices().size() >= 2);
        }
    }

    @Test
    void theReadWritesBackAStateOnlyOneAcceptorHad() {
        Demo demo = CasPaxosFaultsTest.demo();
        Trace t = run(demo, demo.guide("read-is-a-write").orElseThrow());
        assertTrue(text(t, 21).startsWith("n5 accepts 11 at ballot 1.n1"), text(t, 21));
        assertTrue(text(t, 31).contains("the state is 11; a read changes nothing, so it asks the acceptors to accept 11 again"), text(t, 31));
        assertEquals(new HistoryOp("c2", "ok", "read", 11L, t.events().get(50).t(), 50), t.history().stream()
                .filter(op -> op.i() == 50).findFirst().orElseThrow());
    }

    @Test
    void oneOfTheTwoCompareAndSetsFailsAfterWritingTheStateBack() {
        Demo demo = CasPaxosFaultsTest.demo();
        Trace t = run(demo, demo.guide("concurrent-cas").orElseThrow());
        assertTrue(text(t, 50).contains("the cas expects nil but finds 12, so it asks the acceptors to accept 12 unchanged"), text(t, 50));
        assertEquals(List.of("c2 ok cas [null, 12]", "c1 fail cas [null, 11]", "c2 ok read 12", "c1 ok read 12"),
                t.history().stream().filter(op -> !op.type().equals("invoke"))
                        .map(op -> op.process() + " " + op.type() + " " + op.f() + " " + op.value()).toList());
    }

    /** The lost update needs the bug: the correct variant on the same run is linearizable, and the stale state is n2's memory. */
    @Test
    void theLostUpdateComesFromSkippingPhaseOne() {
        Demo demo = CasPaxosFaultsTest.demo();
        Guide g = demo.guide("lost-update").orElseThrow();
        Trace t = run(demo, g);
        assertTrue(text(t, 70).contains("skips phase 1 for c2's read: it applies the change to the state it remembers, 11"), text(t, 70));
        assertTrue(t.checks().get(0).detail().contains("read 11 by process \"c2\""), t.checks().get(0).detail());
        Trace correct = demo.run(demo.variant("correct"), g.seed(), Params.parse(demo.params(), g.params()), Schedule.SEEDED, false);
        assertTrue(correct.ok(), correct.checks().toString());
    }

    private static String text(Trace t, int event) {
        return t.text(t.events().get(event));
    }
}
