package dev.quorum.demo.raft;

import static dev.quorum.demo.engine.Counterexamples.assertReplays;
import static dev.quorum.demo.engine.Counterexamples.firstFailed;
import static dev.quorum.demo.engine.Counterexamples.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorum.demo.AllDemos;
import dev.quorum.demo.engine.CounterexampleSearch;
import dev.quorum.demo.engine.Demo;
import dev.quorum.demo.engine.Fault;
import dev.quorum.demo.engine.Params;
import dev.quorum.demo.engine.Schedule;
import dev.quorum.demo.engine.Trace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Raft elections under faults: the correct variant elects one leader per term and keeps a leader once the faults
 * stop, whatever the crashes, partitions and cut links; a trace's fault list replays it; each broken variant fails
 * only with what breaks it in real life (plain: a cut link; forgets-vote: crashes and restarts), and its
 * counterexample shrinks to that.
 */
class RaftFaultsTest {

    private static final int SEEDS = 500;

    /** Every timed fault, a cut link that stays, and the network's duplication, reordering and clock drift. */
    static final Map<String, String> ALL_FAULTS = Map.of("duplicatePercent", "20", "reorderPercent", "30", "crashes", "2",
            "partitionMs", "400", "cut", "stays", "driftPpm", "5000", "runMs", "4000");

    /** The faults a cut link needs around it to show that it alone matters: a crash, duplication, reordering, drift. */
    static final Map<String, String> CUT_AND_MORE = Map.of("duplicatePercent", "20", "reorderPercent", "30", "crashes", "1",
            "cut", "stays", "driftPpm", "5000", "runMs", "4000");

    static Demo demo() {
        return AllDemos.registry().find("raft-election").orElseThrow();
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

    private static boolean failed(Trace t, String check) {
        return t.checks().stream().anyMatch(c -> !c.ok() && c.name().equals(check));
    }

    @Test
    void theCorrectVariantKeepsOneStableLeaderUnderEveryTimedFault() {
        Demo demo = demo();
        Params params = params(ALL_FAULTS);
        int cut = 0;
        for (long seed = 0; seed < SEEDS; seed++) {
            Trace t = demo.run(demo.variant("correct"), seed, params);
            assertTrue(t.ok(), "seed " + seed + ": " + t.checks());
            assertTrue(t.checks().get(1).detail().startsWith("by "), "judged: " + t.checks().get(1).detail());
            cut += t.faults().stream().anyMatch(f -> f instanceof Fault.Cut) ? 1 : 0;
        }
        assertEquals(SEEDS, cut, "every run has its cut link");
    }

    /**
     * Five servers with lost messages too: a leader cut off from one follower still hears from a majority. (With
     * three, the leader depends on a single link, and a few losses in a row make CheckQuorum step it down; that is
     * a real limit of three servers with a failed link, not a bug.)
     */
    @Test
    void theCorrectVariantOfFiveKeepsOneStableLeaderWithLossesToo() {
        Demo demo = demo();
        Params params = params(with(ALL_FAULTS, "nodes", "5", "lossPercent", "5", "runMs", "3500"));
        for (long seed = 0; seed < 200; seed++) {
            Trace t = demo.run(demo.variant("correct"), seed, params);
            assertTrue(t.ok(), "seed " + seed + ": " + t.checks());
        }
    }

    /** Safety does not depend on the network: with a fifth of all messages lost, still one leader per term. */
    @Test
    void heavyLossNeverElectsTwoLeadersInOneTerm() {
        Demo demo = demo();
        Params params = params(with(ALL_FAULTS, "lossPercent", "20", "runMs", "2500"));
        for (String variant : List.of("correct", "plain")) {
            for (long seed = 0; seed < 100; seed++) {
                Trace t = demo.run(demo.variant(variant), seed, params);
                assertFalse(failed(t, "one-leader-per-term"), variant + " seed " + seed + ": " + t.checks());
            }
        }
    }

    @Test
    void aTracesFaultListReplaysItByteForByte() {
        Demo demo = demo();
        Params params = params(with(ALL_FAULTS, "lossPercent", "10", "runMs", "2500"));
        for (String variant : List.of("correct", "plain", "forgets-vote")) {
            for (long seed = 0; seed < 30; seed++) {
                Trace seeded = demo.run(demo.variant(variant), seed, params);
                Trace replayed = demo.run(demo.variant(variant), seed, params, seeded.replay(), false);
                String expected = seeded.toJson().replace("\"schedule\":\"seeded\"", "\"schedule\":\"explicit\"");
                assertEquals(expected, replayed.toJson(), variant + " seed " + seed);
            }
        }
    }

    @Test
    void plainFailsLeaderStabilityWithACutLinkAndOnlyThen() {
        Demo demo = demo();
        Params withoutCut = params(with(ALL_FAULTS, "cut", "none"));
        Params cutOnly = params(Map.of("cut", "stays", "runMs", "4000"));
        int failed = 0;
        for (long seed = 0; seed < 100; seed++) {
            Trace clean = demo.run(demo.variant("plain"), seed, withoutCut);
            assertTrue(clean.ok(), "failed without a cut, seed " + seed + ": " + clean.checks());
            Trace cut = demo.run(demo.variant("plain"), seed, cutOnly);
            assertFalse(failed(cut, "one-leader-per-term"), "plain Raft is safe: " + cut.checks());
            failed += failed(cut, "leader-stability") ? 1 : 0;
        }
        // The cut link joins two random nodes; it hurts only when one end is the leader (two pairs of three).
        assertTrue(failed > 50, "a cut link broke plain Raft in only " + failed + " of 100 runs");
    }

    @Test
    void forgetsVoteFailsOnlyWithCrashes() {
        Demo demo = demo();
        Params without = params(with(ALL_FAULTS, "crashes", "0", "runMs", "2500"));
        Params crashes = params(Map.of("crashes", "3", "runMs", "2000"));
        int failed = 0;
        for (long seed = 0; seed < 100; seed++) {
            Trace clean = demo.run(demo.variant("forgets-vote"), seed, without);
            assertTrue(clean.ok(), "failed without a crash, seed " + seed + ": " + clean.checks());
            failed += failed(demo.run(demo.variant("forgets-vote"), seed, crashes), "one-leader-per-term") ? 1 : 0;
        }
        assertTrue(failed >= 5, "three crashes gave two leaders in one term in only " + failed + " of 100 runs");
    }

    /**
     * In plain Raft any node that cannot hear the leader keeps raising its term, so a partition that never heals
     * fails leader-stability too, and under every fault the search may keep that instead; with a crash, duplicates,
     * reordering and drift around the cut, the cut is what is left.
     */
    @Test
    void plainShrinksToTheCutLink() {
        Demo demo = demo();
        var result = CounterexampleSearch.search(demo, demo.variant("plain"), params(CUT_AND_MORE), 1, 100,
                CounterexampleSearch.Budget.of(3_000, 3_000_000));
        assertTrue(result.found(), "no counterexample in 100 seeds");
        Trace shrunk = result.trace().orElseThrow();
        assertEquals(1, shrunk.faults().size(), "one fault: " + shrunk.faults());
        assertTrue(shrunk.faults().get(0) instanceof Fault.Cut, "the cut link: " + shrunk.faults());
        assertEquals("leader-stability", firstFailed(shrunk));
        assertReplays(demo, "plain", shrunk);
        Trace healed = demo.run(demo.variant("plain"), shrunk.seed(), Params.parse(demo.params(), raw(shrunk)),
                Schedule.explicit(List.of()), false);
        assertTrue(healed.ok(), "without the cut it passes: " + healed.checks());
    }

    @Test
    void forgetsVoteShrinksToCrashesAndRestarts() {
        Demo demo = demo();
        var result = CounterexampleSearch.search(demo, demo.variant("forgets-vote"), params(Map.of("crashes", "3", "runMs", "2000")), 1, 100,
                CounterexampleSearch.Budget.of(3_000, 3_000_000));
        assertTrue(result.found(), "no counterexample in 100 seeds");
        Trace shrunk = result.trace().orElseThrow();
        List<Fault> faults = shrunk.faults();
        assertTrue(faults.stream().anyMatch(f -> f instanceof Fault.Crash), "a crash: " + faults);
        assertTrue(faults.stream().anyMatch(f -> f instanceof Fault.Recover), "and a restart that forgets: " + faults);
        assertTrue(faults.stream().allMatch(f -> f instanceof Fault.Crash || f instanceof Fault.Recover), "nothing else: " + faults);
        assertEquals("one-leader-per-term", firstFailed(shrunk));
        assertReplays(demo, "forgets-vote", shrunk);
        Trace durable = demo.run(demo.variant("correct"), shrunk.seed(), Params.parse(demo.params(), raw(shrunk)), shrunk.schedule(), false);
        assertFalse(failed(durable, "one-leader-per-term"), "on disk, the same crashes are harmless: " + durable.checks());
    }

    /** Under every fault the shrunk counterexample still keeps crashes and restarts, and loses most of the rest. */
    @Test
    void forgetsVoteUnderEveryFaultKeepsCrashesAndRestarts() {
        Demo demo = demo();
        var result = CounterexampleSearch.search(demo, demo.variant("forgets-vote"), params(with(ALL_FAULTS, "crashes", "3")), 1, 100,
                CounterexampleSearch.Budget.of(3_000, 3_000_000));
        assertTrue(result.found(), "no counterexample in 100 seeds");
        Trace shrunk = result.trace().orElseThrow();
        List<Fault> faults = shrunk.faults();
        assertTrue(faults.stream().anyMatch(f -> f instanceof Fault.Crash), "a crash: " + faults);
        assertTrue(faults.stream().anyMatch(f -> f instanceof Fault.Recover), "a restart: " + faults);
        assertTrue(faults.size() < result.original().orElseThrow().faults().size() / 2, "most faults removed: " + faults);
        assertReplays(demo, "forgets-vote", shrunk);
    }

    @Test
    void theCorrectVariantHasNoCounterexample() {
        Demo demo = demo();
        var result = CounterexampleSearch.search(demo, demo.variant("correct"), params(with(ALL_FAULTS, "crashes", "3")), 1, 100,
                CounterexampleSearch.Budget.of(3_000, 3_000_000));
        assertFalse(result.found());
    }
}
