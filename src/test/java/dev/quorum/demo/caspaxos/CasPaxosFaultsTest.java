package dev.quorum.demo.caspaxos;

import static dev.quorum.demo.engine.Counterexamples.assertReplays;
import static dev.quorum.demo.engine.Counterexamples.firstFailed;
import static dev.quorum.demo.engine.Counterexamples.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorum.demo.AllDemos;
import dev.quorum.demo.engine.CounterexampleSearch;
import dev.quorum.demo.engine.Demo;
import dev.quorum.demo.engine.HistoryOp;
import dev.quorum.demo.engine.Params;
import dev.quorum.demo.engine.Schedule;
import dev.quorum.demo.engine.Trace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CASPaxos under faults: the correct variant's client history is linearizable whatever the network and crashes
 * do, a trace's fault list replays it byte for byte, and each broken variant fails only with what breaks it in
 * real life, a second proposer competing for the register, to which its counterexample shrinks.
 */
class CasPaxosFaultsTest {

    /** Every kind of fault at once: loss, duplication, reordering, crashes, a partition, clock skew and drift. */
    static final Map<String, String> ALL_FAULTS = Map.of("lossPercent", "20", "duplicatePercent", "20", "reorderPercent", "30",
            "crashes", "2", "partitionMs", "60", "skewMs", "40", "driftPpm", "5000");

    static Demo demo() {
        return AllDemos.registry().find("caspaxos").orElseThrow();
    }

    static Params params(Map<String, String> overrides) {
        return Params.parse(demo().params(), overrides);
    }

    static Map<String, String> with(Map<String, String> base, String... pairs) {
        Map<String, String> all = new LinkedHashMap<>(base);
        for (int k = 0; k < pairs.length; k += 2) {
            all.put(pairs[k], pairs[k + 1]);
        }
        return all;
    }

    @ParameterizedTest(name = "{0} proposers, {1} acceptors, {2} clients, {3} seeds")
    @CsvSource({"2, 3, 3, 500", "3, 5, 4, 100", "2, 4, 2, 100"})
    void theCorrectVariantIsLinearizableUnderEveryFault(String proposers, String acceptors, String clients, int seeds) {
        Demo demo = demo();
        Params params = params(with(ALL_FAULTS, "proposers", proposers, "acceptors", acceptors, "clients", clients, "ops", "3"));
        Map<String, Integer> outcomes = new LinkedHashMap<>(Map.of("ok", 0, "fail", 0, "info", 0));
        for (long seed = 0; seed < seeds; seed++) {
            Trace t = demo.run(demo.variant("correct"), seed, params);
            assertTrue(t.ok(), "seed " + seed + ": " + t.checks());
            for (HistoryOp op : t.history()) {
                outcomes.computeIfPresent(op.type(), (k, n) -> n + 1);
            }
        }
        assertTrue(outcomes.get("ok") > outcomes.get("info"), "more operations complete ok than indeterminate: " + outcomes);
        assertTrue(outcomes.get("info") > 0, "lost accepts leave some operations indeterminate: " + outcomes);
    }

    /** Without faults, an operation is indeterminate only when a competing ballot refused its accept. */
    @Test
    void withOneProposerAndNoFaultEveryOperationIsDefinite() {
        Demo demo = demo();
        Params params = params(Map.of("proposers", "1"));
        for (long seed = 0; seed < 100; seed++) {
            Trace t = demo.run(demo.variant("correct"), seed, params);
            assertTrue(t.ok(), t.checks().toString());
            assertTrue(t.history().stream().noneMatch(op -> op.type().equals("info")), "seed " + seed + ": " + t.history());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct", "accepts-any-ballot", "skips-prepare"})
    void aTracesFaultListReplaysItByteForByte(String variant) {
        Demo demo = demo();
        Params params = params(ALL_FAULTS);
        for (long seed = 0; seed < 40; seed++) {
            Trace seeded = demo.run(demo.variant(variant), seed, params);
            assertFalse(seeded.faults().isEmpty());
            Trace replayed = demo.run(demo.variant(variant), seed, params, seeded.replay(), false);
            String expected = seeded.toJson().replace("\"schedule\":\"seeded\"", "\"schedule\":\"explicit\"");
            assertEquals(expected, replayed.toJson(), variant + " seed " + seed + " replayed from " + seeded.faults());
        }
    }

    /**
     * Both broken variants need a second proposer: alone, a proposer's own ballots only rise and its memory of the
     * state is the truth, whatever the network does; with a rival and no fault at all, many runs fail.
     */
    @ParameterizedTest
    @ValueSource(strings = {"accepts-any-ballot", "skips-prepare"})
    void aBrokenVariantFailsOnlyWithACompetingProposer(String variant) {
        Demo demo = demo();
        Params alone = params(with(ALL_FAULTS, "proposers", "1"));
        Params rivals = params(Map.of());
        int failed = 0;
        for (long seed = 0; seed < 200; seed++) {
            Trace t = demo.run(demo.variant(variant), seed, alone);
            assertTrue(t.ok(), "one proposer, every fault, seed " + seed + ": " + t.checks());
            Trace r = demo.run(demo.variant(variant), seed, rivals);
            failed += r.ok() ? 0 : 1;
            if (!r.ok()) {
                assertEquals("linearizable", firstFailed(r), "seed " + seed);
            }
        }
        assertTrue(failed >= 10, "two proposers, no fault: failed only " + failed + " of 200");
    }

    /**
     * With the default parameters (no fault), the shrunk counterexample is the race itself: two proposers. Under every
     * fault it drops all but at most two of them (a partition that leaves both proposers the same two acceptors can
     * stay) and still keeps the second proposer; in both, the same run with one proposer passes, and so does the
     * correct variant.
     */
    @ParameterizedTest(name = "{0}, every fault: {1}")
    @CsvSource({"accepts-any-ballot, false", "skips-prepare, false", "accepts-any-ballot, true", "skips-prepare, true"})
    void aBrokenVariantShrinksToTwoProposers(String variant, boolean everyFault) {
        Demo demo = demo();
        var result = CounterexampleSearch.search(demo, demo.variant(variant), params(everyFault ? ALL_FAULTS : Map.of()), 1, 300,
                CounterexampleSearch.Budget.of(5_000, 2_000_000));
        assertTrue(result.found(), "no counterexample in 300 seeds");
        Trace shrunk = result.trace().orElseThrow();
        if (everyFault) {
            assertTrue(shrunk.faults().size() <= 2, "most faults removed: " + shrunk.faults());
            assertTrue(result.original().orElseThrow().faults().size() > 10, "from many: " + result.original().orElseThrow().faults());
        } else {
            assertEquals(List.of(), shrunk.faults(), "a race needs no fault");
        }
        assertEquals(2L, shrunk.params().get("proposers"), "but it needs two proposers");
        assertEquals("linearizable", firstFailed(shrunk));
        assertReplays(demo, variant, shrunk);
        Map<String, String> raw = raw(shrunk);
        raw.put("proposers", "1");
        Params alone = Params.parse(demo.params(), raw);
        int nodes = alone.intValue("proposers") + alone.intValue("acceptors");
        Trace single = demo.run(demo.variant(variant), shrunk.seed(), alone,
                Schedule.explicit(shrunk.faults().stream().filter(f -> f.fits(nodes)).toList()), true);
        assertTrue(single.ok(), "the same run with one proposer passes: " + single.checks());
        Trace correct = demo.run(demo.variant("correct"), shrunk.seed(), Params.parse(demo.params(), raw(shrunk)), shrunk.schedule(), true);
        assertTrue(correct.ok(), "the correct variant passes the same run: " + correct.checks());
    }

    @Test
    void theCorrectVariantHasNoCounterexample() {
        Demo demo = demo();
        var result = CounterexampleSearch.search(demo, demo.variant("correct"), params(ALL_FAULTS), 1, 100,
                CounterexampleSearch.Budget.of(5_000, 2_000_000));
        assertFalse(result.found());
    }
}
