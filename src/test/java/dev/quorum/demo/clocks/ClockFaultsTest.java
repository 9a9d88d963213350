package dev.quorum.demo.clocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorum.demo.AllDemos;
import dev.quorum.demo.engine.CounterexampleSearch;
import dev.quorum.demo.engine.Demo;
import dev.quorum.demo.engine.EventType;
import dev.quorum.demo.engine.Fault;
import dev.quorum.demo.engine.Params;
import dev.quorum.demo.engine.Schedule;
import dev.quorum.demo.engine.Trace;
import dev.quorum.demo.engine.TraceEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Faults as data: a seeded run's trace lists its faults, the list replays the run byte for byte, each broken
 * clock fails only when the fault that breaks it in real life is present, and a counterexample shrinks to
 * exactly that fault.
 */
class ClockFaultsTest {

    private static final int SEEDS = 500;

    /** Every kind of fault at once: loss, duplication, reordering, crashes, a partition, clock skew and drift. */
    private static final Map<String, String> ALL_FAULTS = Map.of("nodes", "4", "steps", "8", "lossPercent", "20",
            "duplicatePercent", "20", "reorderPercent", "30", "crashes", "2", "partitionMs", "60", "skewMs", "40", "driftPpm", "5000");

    private static Demo demo(String id) {
        return AllDemos.registry().find(id).orElseThrow();
    }

    private static Params params(Demo demo, Map<String, String> overrides) {
        return Params.parse(demo.params(), overrides);
    }

    private static Map<String, String> with(Map<String, String> base, String... pairs) {
        Map<String, String> all = new LinkedHashMap<>(base);
        for (int k = 0; k < pairs.length; k += 2) {
            all.put(pairs[k], pairs[k + 1]);
        }
        return all;
    }

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({"lamport-clocks, correct", "lamport-clocks, no-max", "lamport-clocks, wall-clock",
            "vector-clocks, correct", "vector-clocks, no-merge", "vector-clocks, reset-on-crash"})
    void aTracesFaultListReplaysItByteForByte(String id, String variant) {
        Demo demo = demo(id);
        Params params = params(demo, ALL_FAULTS);
        int withFaults = 0;
        for (long seed = 0; seed < SEEDS; seed++) {
            Trace seeded = demo.run(demo.variant(variant), seed, params);
            Trace replayed = demo.run(demo.variant(variant), seed, params, seeded.replay(), false);
            String expected = seeded.toJson().replace("\"schedule\":\"seeded\"", "\"schedule\":\"explicit\"");
            assertEquals(expected, replayed.toJson(), id + "/" + variant + " seed " + seed + " replayed from " + seeded.faults());
            withFaults += seeded.faults().isEmpty() ? 0 : 1;
        }
        assertEquals(SEEDS, withFaults, "every run of this rough network has faults to replay");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"lamport-clocks", "vector-clocks"})
    void theCorrectClocksNeverFailUnderEveryFault(String id) {
        Demo demo = demo(id);
        Params params = params(demo, ALL_FAULTS);
        for (long seed = 0; seed < SEEDS; seed++) {
            Trace t = demo.run(demo.variant("correct"), seed, params);
            assertTrue(t.ok(), id + " seed " + seed + ": " + t.checks());
        }
    }

    /** A broken variant fails on some seeds with its fault, and never without it, whatever else goes wrong. */
    @ParameterizedTest(name = "{0}/{1} needs {2}")
    @CsvSource({
        "lamport-clocks, wall-clock, skewMs, 0, driftPpm, 0",
        "vector-clocks, reset-on-crash, crashes, 0, crashes, 0",
    })
    void aBrokenVariantFailsOnlyWhenItsFaultIsPresent(String id, String variant, String p1, String v1, String p2, String v2) {
        Demo demo = demo(id);
        Params without = params(demo, with(ALL_FAULTS, p1, v1, p2, v2));
        Params withIt = params(demo, ALL_FAULTS);
        int failed = 0;
        for (long seed = 0; seed < SEEDS; seed++) {
            Trace clean = demo.run(demo.variant(variant), seed, without);
            assertTrue(clean.ok(), id + "/" + variant + " failed without its fault, seed " + seed + ": " + clean.checks());
            failed += demo.run(demo.variant(variant), seed, withIt).ok() ? 0 : 1;
        }
        assertTrue(failed > SEEDS / 10, id + "/" + variant + " failed only " + failed + " of " + SEEDS + " runs with its fault");
    }

    /** What the shrunk counterexample of each broken variant keeps: the fault that breaks it, and nothing else. */
    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({
        "lamport-clocks, no-max, none",
        "lamport-clocks, wall-clock, clock",
        "vector-clocks, no-merge, none",
        "vector-clocks, reset-on-crash, crash",
    })
    void aShrunkCounterexampleKeepsOnlyTheFaultThatBreaksIt(String id, String variant, String needs) {
        Demo demo = demo(id);
        var result = CounterexampleSearch.search(demo, demo.variant(variant), params(demo, ALL_FAULTS), 1, 100,
                CounterexampleSearch.Budget.of(5_000, 2_000_000));
        assertTrue(result.found(), id + "/" + variant + " found no counterexample");
        Trace shrunk = result.trace().orElseThrow();
        List<Fault> faults = shrunk.faults();
        Trace original = result.original().orElseThrow();
        assertTrue(faults.size() <= original.faults().size(), "shrinking never adds faults");
        switch (needs) {
            case "none" -> assertEquals(List.of(), faults, "a logic bug needs no fault");
            case "clock" -> {
                assertEquals(1, faults.size(), "one clock error is enough: " + faults);
                assertTrue(faults.get(0) instanceof Fault.OfClock, "the fault is a clock error: " + faults);
            }
            default -> {
                assertTrue(faults.stream().anyMatch(f -> f instanceof Fault.Crash), "a crash: " + faults);
                assertTrue(faults.stream().anyMatch(f -> f instanceof Fault.Recover), "and the recovery that resets the clock: " + faults);
                assertTrue(faults.stream().allMatch(f -> f instanceof Fault.Crash || f instanceof Fault.Recover), "nothing else: " + faults);
            }
        }
        assertFalse(shrunk.ok());
        Trace again = demo.run(demo.variant(variant), shrunk.seed(), Params.parse(demo.params(), stringParams(shrunk)),
                shrunk.schedule(), true);
        assertEquals(shrunk.toJson(), again.toJson(), "the counterexample's seed, parameters and faults replay it");
    }

    @Test
    void theCorrectLamportClockFailsTheConverseWithoutAnyFault() {
        Demo demo = demo("lamport-clocks");
        var result = CounterexampleSearch.search(demo, demo.variant("correct"), params(demo, with(ALL_FAULTS, "check", "converse")),
                1, 20, CounterexampleSearch.Budget.of(2_000, 1_000_000));
        assertTrue(result.found());
        Trace shrunk = result.trace().orElseThrow();
        assertEquals(List.of(), shrunk.faults());
        assertEquals("lamport-order-implies-causality", shrunk.checks().get(0).name());
        assertTrue(shrunk.checks().get(0).detail().contains("concurrent"), shrunk.checks().get(0).detail());
    }

    @Test
    void aClickedDropReplacesTheSeededFaultsAndIsReproduced() {
        Demo demo = demo("vector-clocks");
        Params params = Params.defaults(demo.params());
        Schedule clicked = Schedule.parse("drop:n1/1", 3);
        Trace a = demo.run(demo.variant("correct"), 1, params, clicked, false);
        Trace b = demo.run(demo.variant("correct"), 1, params, clicked, false);
        assertEquals(a.toJson(), b.toJson());
        assertEquals(List.of("drop:n1/1"), a.faults().stream().map(Fault::text).toList());
        TraceEvent drop = a.events().stream().filter(e -> e.type() == EventType.DROP).findFirst().orElseThrow();
        assertEquals("loss", drop.label());
        assertEquals(0, drop.msg().orElseThrow().from());
    }

    @Test
    void aCrashIsInNobodysPastAndARecoveryTicksTheClock() {
        Demo demo = demo("vector-clocks");
        Params params = Params.defaults(demo.params());
        Trace t = demo.run(demo.variant("correct"), 1, params, Schedule.parse("crash:n2@30,recover:n2@60", 3), false);
        TraceEvent crash = t.events().stream().filter(e -> e.type() == EventType.CRASH).findFirst().orElseThrow();
        TraceEvent recover = t.events().stream().filter(e -> e.type() == EventType.RECOVER).findFirst().orElseThrow();
        assertFalse(crash.onTimeline());
        assertTrue(recover.onTimeline());
        assertEquals(recover.position(), recover.vector(VectorClocks.VALUE).orElseThrow().entry(1), "the recovery's own entry counts it, as its past does");
        assertTrue(t.ok(), t.checks().toString());
    }

    @Test
    void aFastClocksTimersFireEarlyOnTrueTime() {
        Demo demo = demo("lamport-clocks");
        Params params = params(demo, Map.of("nodes", "2", "localPercent", "100"));
        Trace plain = demo.run(demo.variant("correct"), 3, params, Schedule.parse("none", 2), false);
        Trace fast = demo.run(demo.variant("correct"), 3, params, Schedule.parse("drift:n1/100000", 2), false);
        long plainLast = lastOn(plain, 0);
        long fastLast = lastOn(fast, 0);
        assertTrue(fastLast < plainLast, "n1's clock runs 10 % fast, so its steps end sooner: " + fastLast + " vs " + plainLast);
        assertEquals(lastOn(plain, 1), lastOn(fast, 1), "n2's clock is untouched");
    }

    private static long lastOn(Trace t, int node) {
        return t.events().stream().filter(e -> e.node() == node).mapToLong(TraceEvent::t).max().orElseThrow();
    }

    private static Map<String, String> stringParams(Trace t) {
        Map<String, String> out = new LinkedHashMap<>();
        t.params().forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }
}
