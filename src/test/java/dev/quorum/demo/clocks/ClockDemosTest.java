package dev.quorum.demo.clocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorum.demo.engine.CheckResult;
import dev.quorum.demo.engine.CounterexampleSearch;
import dev.quorum.demo.engine.Demo;
import dev.quorum.demo.engine.EventType;
import dev.quorum.demo.engine.Panel;
import dev.quorum.demo.engine.Params;
import dev.quorum.demo.engine.Trace;
import dev.quorum.demo.engine.TraceEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both clock demos: the correct clocks pass their checks under any seed and faults; the broken ones are caught. */
class ClockDemosTest {

    /** Faults of every kind, so that correctness does not depend on a kind network. */
    private static final Map<String, String> ROUGH = Map.of("nodes", "4", "steps", "8", "lossPercent", "20",
            "duplicatePercent", "20", "reorderPercent", "30", "crashes", "2", "partitionMs", "60", "skewMs", "40", "driftPpm", "500");

    private static Demo demo(String id) {
        return id.equals("lamport-clocks") ? new LamportClocks() : new VectorClocks();
    }

    @ParameterizedTest
    @ValueSource(strings = {"lamport-clocks", "vector-clocks"})
    void theCorrectClockPassesOverManySeedsWithAndWithoutFaults(String id) {
        Demo demo = demo(id);
        for (Params params : new Params[] {Params.defaults(demo.params()), Params.parse(demo.params(), ROUGH)}) {
            for (long seed = 1; seed <= 150; seed++) {
                Trace trace = demo.run(demo.variant("correct"), seed, params);
                assertTrue(trace.ok(), id + " seed " + seed + " " + params + ": " + trace.checks());
                assertEquals("quiescent", trace.stats().stoppedBy());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lamport-clocks", "vector-clocks"})
    void theBrokenClockIsCaughtAndItsCounterexampleShrinks(String id) {
        Demo demo = demo(id);
        var broken = demo.variants().get(1);
        assertFalse(broken.correct());
        var result = CounterexampleSearch.search(demo, broken, Params.defaults(demo.params()), 1, 100,
                CounterexampleSearch.Budget.of(2_000, 500_000));
        assertTrue(result.found());
        Trace trace = result.trace().orElseThrow();
        assertEquals(2L, trace.params().get("nodes"));
        assertEquals(1L, trace.params().get("steps"));
        assertEquals(2, trace.events().size(), "one send, one receive");
        TraceEvent last = trace.events().get(1);
        assertEquals(EventType.RECEIVE, last.type());
        assertTrue(last.violation());
        CheckResult check = trace.checks().get(0);
        assertEquals(1, check.firstViolation().getAsInt());
        assertTrue(result.toJson().contains("\"violation\":true"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lamport-clocks", "vector-clocks"})
    void theBrokenClockFailsOnMostSeedsOfTheDefaultRun(String id) {
        Demo demo = demo(id);
        int failed = 0;
        for (long seed = 1; seed <= 50; seed++) {
            Trace trace = demo.run(demo.variants().get(1), seed, Params.defaults(demo.params()));
            if (!trace.ok()) {
                failed++;
                int first = trace.firstViolation().getAsInt();
                assertTrue(trace.events().get(first).violation());
                assertEquals("quiescent", trace.stats().stoppedBy(), "an ordinary run goes on past the violation");
            }
        }
        assertTrue(failed >= 40, failed + " of 50 seeds failed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lamport-clocks", "vector-clocks"})
    void aDefaultRunIsSmallEnoughToDraw(String id) {
        Demo demo = demo(id);
        Trace trace = demo.run(demo.variant("correct"), 42, Params.defaults(demo.params()));
        assertTrue(trace.events().size() >= 15 && trace.events().size() <= 100, trace.events().size() + " events");
        assertEquals(3, trace.nodes().size());
        assertTrue(trace.events().stream().anyMatch(e -> e.type() == EventType.LOCAL));
        String clock = id.equals("lamport-clocks") ? LamportClocks.VALUE : VectorClocks.VALUE;
        assertTrue(trace.events().stream().allMatch(e -> e.value(clock).isPresent() && trace.text(e).length() > 20),
                "every step and receive carries a clock and says how it got it");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lamport-clocks", "vector-clocks"})
    void everyEventShowsItsPhysicalClockWhoseErrorIsZeroUnlessSkewedAndTheChartComesWithClockFaults(String id) {
        Demo demo = demo(id);
        Trace plain = demo.run(demo.variant("correct"), 3, Params.defaults(demo.params()));
        Trace skewed = demo.run(demo.variant("correct"), 3, Params.parse(demo.params(), Map.of("skewMs", "100")));
        assertTrue(plain.events().stream().filter(TraceEvent::onTimeline).filter(e -> e.type() != EventType.CRASH)
                .allMatch(e -> e.scalar("wall").getAsLong() == e.t() && e.scalar("clockError").getAsLong() == 0));
        assertTrue(skewed.events().stream().anyMatch(e -> e.scalar("clockError").orElse(0) != 0));
        assertEquals(List.of(Panel.Kind.STATE), plain.display().panels().stream().map(Panel::kind).toList());
        assertEquals(List.of(Panel.Kind.STATE, Panel.Kind.CHART), skewed.display().panels().stream().map(Panel::kind).toList());
        assertTrue(plain.toJson().contains("\"annotations\":[{\"name\":\"" + (id.equals("lamport-clocks") ? "lamport" : "vector")
                + "\",\"kind\":\"" + (id.equals("lamport-clocks") ? "scalar" : "vector") + "\""), "the trace declares its clock first");
    }
}
