package dev.quorum.demo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CounterexampleSearchTest {

    /**
     * A toy demo whose broken variant fails once some node has sent three messages, but only under seeds
     * whose first node draws an even number: the search has to look, and a smaller run fails too.
     */
    static final class CountingDemo implements Demo {
        static final Variant CORRECT = new Variant("correct", true, "never fails");
        static final Variant BROKEN = new Variant("broken", false, "fails after three sends, on some seeds");

        @Override
        public String id() {
            return "counting";
        }

        @Override
        public String title() {
            return "Counting";
        }

        @Override
        public String summary() {
            return "A test demo.";
        }

        @Override
        public List<Variant> variants() {
            return List.of(CORRECT, BROKEN);
        }

        @Override
        public List<ParamSpec> params() {
            return List.of(ParamSpec.integer("nodes", 2, 6, 5, "nodes").asShrinkable(),
                    ParamSpec.integer("rounds", 1, 40, 30, "rounds").asShrinkable(),
                    ParamSpec.integer("delayMs", 1, 100, 10, "delay"));
        }

        @Override
        public Scenario scenario(Variant variant, Params params, long seed) {
            boolean unlucky = RandomStreams.workload(seed).nextInt(3) == 0;
            Invariant fewSends = new Invariant() {
                int sends;

                @Override
                public String name() {
                    return "few-sends";
                }

                @Override
                public Optional<String> check(TraceEvent latest, RunView run) {
                    boolean broken = variant.equals(BROKEN) && unlucky;
                    return broken && latest.type() == EventType.SEND && ++sends >= 3 ? Optional.of("three sends") : Optional.empty();
                }
            };
            return new Scenario(Chatter.nodes(params.intValue("nodes"), -1, params.intValue("rounds"), params.integer("delayMs")),
                    NetworkModel.reliable(1), List.of(), 0, 0, List.of(fewSends), Limits.demo());
        }
    }

    private final CountingDemo demo = new CountingDemo();

    @Test
    void aCorrectVariantYieldsNothingAfterTryingEverySeed() {
        var result = CounterexampleSearch.search(demo, CountingDemo.CORRECT, Params.defaults(demo.params()), 1, 20,
                CounterexampleSearch.Budget.of(1000, 1_000_000));
        assertFalse(result.found());
        assertEquals(20, result.tried());
        assertTrue(result.trace().isEmpty());
        assertFalse(result.exhausted());
        assertTrue(result.toJson().startsWith("{\"found\":false,\"seed\":null,\"tried\":20,"));
    }

    @Test
    void aBrokenVariantIsFoundAndShrunkToTheShortestTraceWithTheSmallestParameters() {
        var result = CounterexampleSearch.search(demo, CountingDemo.BROKEN, Params.defaults(demo.params()), 1, 50,
                CounterexampleSearch.Budget.of(1000, 1_000_000));
        assertTrue(result.found());
        Trace trace = result.trace().orElseThrow();
        assertFalse(trace.ok());
        // Five nodes fail at the first node's third send; two or three nodes would need more events, four do not.
        assertEquals(4L, trace.params().get("nodes"));
        assertEquals(1L, trace.params().get("rounds"));
        assertEquals(10L, trace.params().get("delayMs"), "not shrinkable, so untouched");
        assertEquals("violation", trace.stats().stoppedBy());
        assertEquals(trace.events().size() - 1, trace.firstViolation().getAsInt());
        assertTrue(result.original().orElseThrow().events().size() >= trace.events().size());
        assertEquals(trace.seed(), result.seed());
    }

    @Test
    void theBudgetBoundsTheWork() {
        var result = CounterexampleSearch.search(demo, CountingDemo.CORRECT, Params.defaults(demo.params()), 1, 500,
                CounterexampleSearch.Budget.of(7, 1_000_000));
        assertEquals(7, result.tried());
        assertEquals(7, result.runs());
        assertTrue(result.exhausted());
        List<Integer> calls = new ArrayList<>();
        var stopped = CounterexampleSearch.search(demo, CountingDemo.CORRECT, Params.defaults(demo.params()), 1, 500,
                new CounterexampleSearch.Budget(1000, 1_000_000, () -> {
                    calls.add(1);
                    return calls.size() > 3;
                }));
        assertEquals(3, stopped.tried());
    }

    @Test
    void shrinkingTriesEverySmallValueOfASmallRangeAndSixteenStepsOfALargeOne() {
        assertEquals(List.of(1L, 2L, 3L), CounterexampleSearch.candidates(1, 4));
        List<Long> large = CounterexampleSearch.candidates(0, 1600);
        assertEquals(16, large.size());
        assertEquals(0L, large.get(0));
        assertEquals(1500L, large.get(15));
    }
}
