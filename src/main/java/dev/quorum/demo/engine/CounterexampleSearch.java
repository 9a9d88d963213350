package dev.quorum.demo.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Break-it mode: runs a variant under consecutive seeds until a check fails, then shrinks the failure.
 * Runs stop at their first violation, so a failing trace ends where the property broke, and its length is
 * the number of events it takes to break it. Shrinking never makes that longer: it lowers each shrinkable
 * parameter in declaration order, trying values from the smallest up and a few seeds for each, and keeps the
 * first that fails in no more events; it repeats until nothing shrinks, then keeps the seed whose failure
 * comes soonest. The result is the shortest failing trace found, with the smallest parameters that give it.
 * Every step is deterministic, and all of it is bounded by a {@link Budget}.
 */
public final class CounterexampleSearch {

    /** Seeds tried for each candidate while shrinking: the failing one first, then the first few of the search. */
    static final int SHRINK_SEEDS = 6;

    /**
     * @param maxRuns runs in all, search and shrinking together
     * @param maxEvents events in all, summed over those runs
     * @param stop asked between runs; lets a caller add a deadline without the engine reading a clock
     */
    public record Budget(int maxRuns, long maxEvents, BooleanSupplier stop) {
        public static Budget of(int maxRuns, long maxEvents) {
            return new Budget(maxRuns, maxEvents, () -> false);
        }
    }

    /**
     * @param seed the seed of the returned trace (after shrinking), when found
     * @param tried seeds tried before the first failure (all of them when none failed)
     * @param runs runs made in all, shrinking included
     * @param original the first failing run, before shrinking
     * @param exhausted whether the budget ran out before the search (or the shrinking) was done
     */
    public record Result(boolean found, long seed, int tried, int runs, boolean exhausted, Optional<Trace> trace,
            Optional<Trace> original) {

        /** {@code {"found", "seed", "tried", "runs", "exhausted", "original", "trace"}}, the trace in full. */
        public String toJson() {
            StringBuilder out = new StringBuilder();
            Json json = new Json(out, List.of());
            out.append('{');
            json.key("found").raw(Boolean.toString(found)).raw(",");
            json.key("seed").raw(found ? Long.toString(seed) : "null").raw(",");
            json.key("tried").raw(Integer.toString(tried)).raw(",");
            json.key("runs").raw(Integer.toString(runs)).raw(",");
            json.key("exhausted").raw(Boolean.toString(exhausted)).raw(",");
            json.key("original");
            if (original.isPresent()) {
                Trace o = original.get();
                json.raw("{").key("seed").raw(Long.toString(o.seed())).raw(",").key("params").inOrder(o.params())
                        .raw(",").key("events").raw(Integer.toString(o.events().size())).raw("}");
            } else {
                json.raw("null");
            }
            json.raw(",\n").key("trace").raw(trace.map(Trace::toJson).orElse("null"));
            out.append("}\n");
            return out.toString();
        }
    }

    private final Demo demo;
    private final Variant variant;
    private final Budget budget;
    private final long firstSeed;
    private int runs;
    private long events;

    private CounterexampleSearch(Demo demo, Variant variant, long firstSeed, Budget budget) {
        this.demo = demo;
        this.variant = variant;
        this.firstSeed = firstSeed;
        this.budget = budget;
    }

    public static Result search(Demo demo, Variant variant, Params base, long firstSeed, int seeds, Budget budget) {
        Check.range("seeds", seeds, 1, 1_000_000);
        return new CounterexampleSearch(demo, variant, firstSeed, budget).search(base, seeds);
    }

    private Result search(Params base, int seeds) {
        int tried = 0;
        for (int k = 0; k < seeds && !exhausted() && firstSeed + k <= Demo.SEED_MAX; k++) {
            Trace t = run(firstSeed + k, base);
            tried++;
            if (!t.ok()) {
                Trace shrunk = shrink(t, base);
                return new Result(true, shrunk.seed(), tried, runs, exhausted(), Optional.of(shrunk), Optional.of(t));
            }
        }
        return new Result(false, 0, tried, runs, tried < seeds, Optional.empty(), Optional.empty());
    }

    private Trace shrink(Trace failing, Params params) {
        Trace best = failing;
        Params bestParams = params;
        boolean improved = true;
        while (improved && !exhausted()) {
            improved = false;
            for (ParamSpec spec : demo.params()) {
                if (!spec.shrinkable() || exhausted()) {
                    continue;
                }
                Optional<Trace> smaller = lower(spec, bestParams, best);
                if (smaller.isPresent()) {
                    best = smaller.get();
                    bestParams = bestParams.with(spec.name(), (Long) best.params().get(spec.name()));
                    improved = true;
                }
            }
        }
        for (long seed : seeds(best.seed())) {
            if (exhausted()) {
                break;
            }
            if (seed != best.seed()) {
                Trace t = run(seed, bestParams);
                if (!t.ok() && t.events().size() < best.events().size()) {
                    best = t;
                }
            }
        }
        return best;
    }

    /** The smallest value of one parameter below its current one at which some seed fails in no more events. */
    private Optional<Trace> lower(ParamSpec spec, Params params, Trace best) {
        long current = params.integer(spec.name());
        for (long v : candidates(spec.min(), current)) {
            Params candidate = params.with(spec.name(), v);
            for (long seed : seeds(best.seed())) {
                if (exhausted()) {
                    return Optional.empty();
                }
                Trace t = run(seed, candidate);
                if (!t.ok() && t.events().size() <= best.events().size()) {
                    return Optional.of(t);
                }
            }
        }
        return Optional.empty();
    }

    /** Values below {@code current}, smallest first: all of them in a small range, 16 steps in a large one. */
    static List<Long> candidates(long min, long current) {
        List<Long> values = new ArrayList<>();
        long span = current - min;
        if (span <= 16) {
            for (long v = min; v < current; v++) {
                values.add(v);
            }
            return values;
        }
        for (int k = 0; k < 16; k++) {
            values.add(min + span * k / 16);
        }
        return values;
    }

    private List<Long> seeds(long failingSeed) {
        List<Long> seeds = new ArrayList<>();
        seeds.add(failingSeed);
        for (long s = firstSeed; s < firstSeed + SHRINK_SEEDS && s <= Demo.SEED_MAX; s++) {
            if (s != failingSeed) {
                seeds.add(s);
            }
        }
        return seeds;
    }

    private Trace run(long seed, Params params) {
        Trace t = demo.run(variant, seed, params, true);
        runs++;
        events += t.events().size();
        return t;
    }

    private boolean exhausted() {
        return runs >= budget.maxRuns() || events >= budget.maxEvents() || budget.stop().getAsBoolean();
    }
}
