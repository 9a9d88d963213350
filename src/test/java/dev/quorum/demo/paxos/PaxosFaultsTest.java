package dev.quorum.demo.paxos;

import static dev.quorum.demo.engine.Counterexamples.assertReplays;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorum.demo.AllDemos;
import dev.quorum.demo.engine.CounterexampleSearch;
import dev.quorum.demo.engine.Demo;
import dev.quorum.demo.engine.Fault;
import dev.quorum.demo.engine.Params;
import dev.quorum.demo.engine.Trace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Paxos under faults: the correct variant never chooses two values whatever the network and crashes do, a
 * trace's fault list replays it byte for byte, each broken variant fails only with what breaks it in real life
 * (forgets-promise: a crash; ignores-accepted: a second proposer), and its counterexample shrinks to that.
 */
class PaxosFaultsTest {

    private static final int SEEDS = 500;

    /** Every kind of fault at once: loss, duplication, reordering, crashes, a partition, clock skew and drift. */
    static final Map<String, String> ALL_FAULTS = Map.of("lossPercent", "20", "duplicatePercent", "20", "reorderPercent", "30",
            "crashes", "2", "partitionMs", "60", "skewMs", "40", "driftPpm", "5000");

    static Demo demo() {
        return AllDemos.registry().find("paxos").orElseThrow();
    }

    private static Params params(Map<String, String> overrides) {
        return Params.parse(demo().params(), overrides);
    }

    static Map<String, String> with(Map<String, String> base, String... pairs) {
        Map<String, String> all = new LinkedHashMap<>(base);
        for (int k = 0; k < pairs.length; k += 2) {
            all.put(pairs[k], pairs[k + 1]);
        }
        return all;
    }

    @ParameterizedTest(name = "{0} proposers, {1} acceptors")
    @CsvSource({"2, 3", "3, 5", "3, 4"})
    void theCorrectVariantNeverChoosesTwoValuesUnderEveryFault(String proposers, String acceptors) {
        Demo demo = demo();
        Params params = params(with(ALL_FAULTS, "proposers", proposers, "acceptors", acceptors));
        int chosen = 0;
        for (long seed = 0; seed < SEEDS; seed++) {
            Trace t = demo.run(demo.variant("correct"), seed, params);
            assertTrue(t.ok(), "seed " + seed + ": " + t.checks());
            chosen += t.checks().get(0).detail().startsWith("one value chosen") ? 1 : 0;
        }
        assertTrue(chosen > SEEDS / 2, "most runs choose a value: " + chosen);
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct", "forgets-promise", "ignores-accepted"})
    void aTracesFaultListReplaysItByteForByte(String variant) {
        Demo demo = demo();
        Params params = params(ALL_FAULTS);
        for (long seed = 0; seed < SEEDS; seed++) {
            Trace seeded = demo.run(demo.variant(variant), seed, params);
            assertFalse(seeded.faults().isEmpty());
            Trace replayed = demo.run(demo.variant(variant), seed, params, seeded.replay(), false);
            String expected = seeded.toJson().replace("\"schedule\":\"seeded\"", "\"schedule\":\"explicit\"");
            assertEquals(expected, replayed.toJson(), variant + " seed " + seed + " replayed from " + seeded.faults());
        }
    }

    @Test
    void forgetsPromiseFailsOnlyWithACrash() {
        Demo demo = demo();
        Params without = params(with(ALL_FAULTS, "crashes", "0"));
        Params withAll = params(ALL_FAULTS);
        Params crashesOnly = params(Map.of("crashes", "2"));
        int failedAll = 0;
        int failedCrashes = 0;
        for (long seed = 0; seed < SEEDS; seed++) {
            Trace clean = demo.run(demo.variant("forgets-promise"), seed, without);
            assertTrue(clean.ok(), "failed without a crash, seed " + seed + ": " + clean.checks());
            failedAll += demo.run(demo.variant("forgets-promise"), seed, withAll).ok() ? 0 : 1;
            failedCrashes += demo.run(demo.variant("forgets-promise"), seed, crashesOnly).ok() ? 0 : 1;
        }
        assertTrue(failedAll >= 10, "failed only " + failedAll + " of " + SEEDS + " runs with every fault");
        assertTrue(failedCrashes >= SEEDS / 20, "failed only " + failedCrashes + " of " + SEEDS + " runs with two crashes");
    }

    @Test
    void ignoresAcceptedNeedsASecondProposerAndNoFault() {
        Demo demo = demo();
        Params alone = params(with(ALL_FAULTS, "proposers", "1"));
        Params two = params(Map.of());
        int failed = 0;
        for (long seed = 0; seed < SEEDS; seed++) {
            Trace t = demo.run(demo.variant("ignores-accepted"), seed, alone);
            assertTrue(t.ok(), "one proposer cannot disagree with itself, seed " + seed + ": " + t.checks());
            failed += demo.run(demo.variant("ignores-accepted"), seed, two).ok() ? 0 : 1;
        }
        assertTrue(failed > SEEDS / 2, "two proposers, no faults: failed only " + failed);
    }

    /** With crashes the only fault, the shrunk counterexample is crashes and recoveries and nothing else. */
    @Test
    void forgetsPromiseShrinksToCrashesAndRecoveries() {
        Demo demo = demo();
        var result = CounterexampleSearch.search(demo, demo.variant("forgets-promise"), params(Map.of("crashes", "2")), 1, 100,
                CounterexampleSearch.Budget.of(5_000, 2_000_000));
        assertTrue(result.found(), "no counterexample in 100 seeds");
        Trace shrunk = result.trace().orElseThrow();
        List<Fault> faults = shrunk.faults();
        assertTrue(faults.stream().anyMatch(f -> f instanceof Fault.Crash), "a crash: " + faults);
        assertTrue(faults.stream().anyMatch(f -> f instanceof Fault.Recover), "and the restart that forgets: " + faults);
        assertTrue(faults.stream().allMatch(f -> f instanceof Fault.Crash || f instanceof Fault.Recover), "nothing else: " + faults);
        assertEquals("agreement", shrunk.checks().stream().filter(c -> !c.ok()).findFirst().orElseThrow().name());
        assertReplays(demo, "forgets-promise", shrunk);
    }

    /** With every fault on, the shrunk counterexample still keeps a crash and its recovery, and loses most of the rest. */
    @Test
    void forgetsPromiseUnderEveryFaultKeepsACrashAndARecovery() {
        Demo demo = demo();
        var result = CounterexampleSearch.search(demo, demo.variant("forgets-promise"), params(ALL_FAULTS), 1, 100,
                CounterexampleSearch.Budget.of(5_000, 2_000_000));
        assertTrue(result.found());
        Trace shrunk = result.trace().orElseThrow();
        List<Fault> faults = shrunk.faults();
        assertTrue(faults.stream().anyMatch(f -> f instanceof Fault.Crash), "a crash: " + faults);
        assertTrue(faults.stream().anyMatch(f -> f instanceof Fault.Recover), "a recovery: " + faults);
        assertTrue(faults.size() < result.original().orElseThrow().faults().size() / 2, "most faults removed: " + faults);
        assertReplays(demo, "forgets-promise", shrunk);
    }

    @Test
    void ignoresAcceptedShrinksToNoFaultAndTwoProposers() {
        Demo demo = demo();
        var result = CounterexampleSearch.search(demo, demo.variant("ignores-accepted"), params(ALL_FAULTS), 1, 100,
                CounterexampleSearch.Budget.of(5_000, 2_000_000));
        assertTrue(result.found());
        Trace shrunk = result.trace().orElseThrow();
        assertEquals(List.of(), shrunk.faults(), "a logic bug needs no fault");
        assertEquals(2L, shrunk.params().get("proposers"), "but it needs two proposers");
        assertReplays(demo, "ignores-accepted", shrunk);
    }

    @Test
    void theCorrectVariantHasNoCounterexample() {
        Demo demo = demo();
        var result = CounterexampleSearch.search(demo, demo.variant("correct"), params(ALL_FAULTS), 1, 100,
                CounterexampleSearch.Budget.of(5_000, 2_000_000));
        assertFalse(result.found());
    }

    /** Liveness is observed, not checked: a run where no value is chosen still passes, and says so. */
    @Test
    void aRunThatChoosesNothingPassesAndSaysSo() {
        Demo demo = demo();
        Params params = params(Map.of("ballots", "1", "lossPercent", "50"));
        int none = 0;
        for (long seed = 0; seed < 100; seed++) {
            Trace t = demo.run(demo.variant("correct"), seed, params);
            assertTrue(t.ok(), t.checks().toString());
            none += t.checks().get(0).detail().startsWith("no value was chosen") ? 1 : 0;
        }
        assertTrue(none > 0, "half the messages lost and one ballot each: some runs choose nothing");
    }
}
