package dev.quorum.demo.clocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorum.demo.AllDemos;
import dev.quorum.demo.engine.Demo;
import dev.quorum.demo.engine.Guide;
import dev.quorum.demo.engine.Params;
import dev.quorum.demo.engine.Schedule;
import dev.quorum.demo.engine.Trace;
import dev.quorum.demo.engine.TraceEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The guided scenarios tell the truth about their runs: each run is pinned, every step points at an event of
 * it, and a scenario about a failure has its question on the very event where the check first fails (and a
 * scenario about a correct run fails nothing).
 */
class ClockGuidesTest {

    static Trace run(Demo demo, Guide g) {
        Params params = Params.parse(demo.params(), g.params());
        Schedule schedule = g.faults().isEmpty() ? Schedule.SEEDED : Schedule.parse(g.faults(), params.intValue("nodes"));
        return demo.run(demo.variant(g.variant()), g.seed(), params, schedule, false);
    }

    @ParameterizedTest
    @CsvSource({
        "lamport-clocks, receive-takes-max, true, 5be88defe0dc2e2a0509673505be10ba0ddeb58c83182371f39e1b94ea9b3179",
        "lamport-clocks, smaller-is-not-before, false, 576f6bae80e249c6283b7629ba44b8f9a251ce65cb441fe0a7c3c180ccdbde96",
        "lamport-clocks, wall-clock-skew, false, a4032ede236506f33f6ac43b3f7217d7c033ebc7bbcd3e37ea7c5c0336fddd73",
        "vector-clocks, merge-and-concurrency, true, e351a0a5788b13ea831931fa894abb8bd1192d575dfd81a411fdb274301faaea",
        "vector-clocks, forgotten-merge, false, 73a4d2962b6c82835fd4455d5516acbc9bdc1b16a63d6a95d770b405da9b3a96",
        "vector-clocks, reset-after-crash, false, f2d4209adbf884793746ddac535fd886c033de3a19cd2ace2e9d733d1799f1f7",
    })
    void eachScenarioIsAPinnedRunWhoseStepsPointAtItsEvents(String id, String guide, boolean ok, String sha256) {
        Demo demo = AllDemos.registry().find(id).orElseThrow();
        Guide g = demo.guide(guide).orElseThrow();
        Trace trace = run(demo, g);
        assertEquals(sha256, ClockTraceHashesTest.sha256(trace.toJson()), "trace of scenario " + guide + " changed: check its steps");
        assertEquals(ok, trace.ok(), trace.checks().toString());
        for (Guide.Step step : g.steps()) {
            assertTrue(step.at() < trace.events().size(), guide + ": step at event " + step.at());
            TraceEvent e = trace.events().get(step.at());
            assertTrue(e.node() != TraceEvent.NETWORK, guide + ": a step is about something on a node's line, not event " + step.at());
        }
        if (!ok) {
            assertEquals(g.predicted().at(), trace.firstViolation().getAsInt(), guide + ": the question is about the first violation");
        }
    }

    @Test
    void everyClockDemoHasTwoOrThreeScenariosAndEachBrokenVariantHasOne() {
        for (String id : List.of("lamport-clocks", "vector-clocks")) {
            Demo demo = AllDemos.registry().find(id).orElseThrow();
            assertTrue(demo.guides().size() >= 2 && demo.guides().size() <= 3, id);
            assertEquals(demo.guides().size(), demo.guides().stream().map(Guide::id).distinct().count(), "ids are unique");
            assertTrue(demo.variant(demo.guides().get(0).variant()).correct(), "a topic page embeds a correct run first");
            for (Guide g : demo.guides()) {
                assertTrue(g.prediction().choices().size() >= 2);
                assertFalse(g.lookFor().isBlank());
            }
        }
        Demo lamport = AllDemos.registry().find("lamport-clocks").orElseThrow();
        Demo vector = AllDemos.registry().find("vector-clocks").orElseThrow();
        assertEquals(List.of("correct", "correct", "wall-clock"), lamport.guides().stream().map(Guide::variant).toList());
        assertEquals(List.of("correct", "no-merge", "reset-on-crash"), vector.guides().stream().map(Guide::variant).toList());
    }

    /** The scenario about a fault: the same run without it passes, so the fault, not the workload, is what breaks it. */
    @Test
    void theFaultScenariosPassWithoutTheirFaults() {
        for (String[] c : List.of(new String[] {"lamport-clocks", "wall-clock-skew"}, new String[] {"vector-clocks", "reset-after-crash"})) {
            Demo demo = AllDemos.registry().find(c[0]).orElseThrow();
            Guide g = demo.guide(c[1]).orElseThrow();
            Params params = Params.parse(demo.params(), g.params());
            assertTrue(demo.run(demo.variant(g.variant()), g.seed(), params, Schedule.parse("none", 3), false).ok(), c[1]);
            assertTrue(demo.run(demo.variant("correct"), g.seed(), params, Schedule.parse(g.faults(), 3), false).ok(),
                    c[1] + ": the correct variant survives the same faults");
        }
        assertEquals(Map.of("steps", "3", "localPercent", "20"), AllDemos.registry().find("vector-clocks").orElseThrow()
                .guides().get(0).params());
    }
}
