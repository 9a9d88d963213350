package dev.quorum.demo.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Break-it mode: runs a variant under consecutive seeds until a check fails, then shrinks the failure.
 * Runs stop at their first violation, so a failing trace ends where the property broke, and its length is
 * the number of events it takes to break it. Shrinking first removes faults (every drop, duplicate, delay,
 * crash, partition and clock error the run had, written out as an explicit {@link Schedule}) while the same
 * check still fails, then lowers parameters; what is left is the faults the failure needs. Every step is
 * deterministic, and all of it is bounded by a {@link Budget}.
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
                        .raw(",").key("events").raw(Integer.toString(o.events().size()))
                        .raw(",").key("faults").raw(Integer.toString(o.faults().size())).raw("}");
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
                Trace shrunk = retold(shrink(t, base));
                return new Result(true, shrunk.seed(), tried, runs, exhausted(), Optional.of(shrunk), Optional.of(t));
            }
        }
        return new Result(false, 0, tried, runs, tried < seeds, Optional.empty(), Optional.empty());
    }

    /**
     * Shrinks a failing run. It first replays the run with its faults written out (the same events, now
     * editable), then repeats until nothing shrinks: delete faults while the same check still fails (delta
     * debugging), then lower each shrinkable parameter, keeping what still fails with no more faults and no
     * more events. Faults that name a node a smaller run lacks are left out of its schedule.
     */
    private Trace shrink(Trace failing, Params params) {
        String target = firstFailed(failing);
        Trace best = run(failing.seed(), params, failing.replay());
        if (!fails(best, target)) {
            return failing; // the replay should be identical; if it is not, the seeded run is the honest answer
        }
        Params bestParams = params;
        boolean improved = true;
        while (improved && !exhausted()) {
            improved = false;
            Optional<Trace> fewer = fewerFaults(best, bestParams, target);
            if (fewer.isPresent()) {
                best = fewer.get();
                improved = true;
            }
            for (ParamSpec spec : demo.params()) {
                if (!spec.shrinkable() || exhausted()) {
                    continue;
                }
                Optional<Trace> smaller = lower(spec, bestParams, best, target);
                if (smaller.isPresent()) {
                    best = smaller.get();
                    bestParams = bestParams.with(spec.name(), (Long) best.params().get(spec.name()));
                    improved = true;
                }
            }
        }
        return best;
    }

    /** Delta debugging (Zeller's ddmin) over the run's faults: the smallest list found that still fails. */
    private Optional<Trace> fewerFaults(Trace best, Params params, String target) {
        List<Fault> faults = best.faults();
        if (faults.isEmpty()) {
            return Optional.empty();
        }
        Trace found = null;
        Trace none = run(best.seed(), params, Schedule.explicit(List.of()));
        if (fails(none, target)) {
            return Optional.of(none);
        }
        int granularity = 2;
        while (faults.size() >= 2 && !exhausted()) {
            List<List<Fault>> chunks = split(faults, granularity);
            Trace reduced = null;
            for (List<Fault> chunk : chunks) {
                Trace t = run(best.seed(), params, Schedule.explicit(chunk));
                if (fails(t, target)) {
                    reduced = t;
                    granularity = 2;
                    break;
                }
            }
            if (reduced == null && granularity > 2) {
                for (List<Fault> chunk : chunks) {
                    List<Fault> rest = new ArrayList<>(faults);
                    rest.removeAll(chunk);
                    Trace t = run(best.seed(), params, Schedule.explicit(rest));
                    if (fails(t, target)) {
                        reduced = t;
                        granularity = Math.max(granularity - 1, 2);
                        break;
                    }
                }
            }
            if (reduced != null) {
                found = reduced;
                faults = reduced.faults();
            } else if (granularity >= faults.size()) {
                break;
            } else {
                granularity = Math.min(2 * granularity, faults.size());
            }
        }
        return found != null && found.faults().size() < best.faults().size() ? Optional.of(found) : Optional.empty();
    }

    /** {@code list} in {@code parts} consecutive chunks of nearly equal size. */
    static <T> List<List<T>> split(List<T> list, int parts) {
        List<List<T>> chunks = new ArrayList<>();
        int from = 0;
        for (int k = 0; k < parts; k++) {
            int to = from + (list.size() - from) / (parts - k);
            if (to > from) {
                chunks.add(List.copyOf(list.subList(from, to)));
            }
            from = to;
        }
        return chunks;
    }

    /** The smallest value of one parameter below its current one at which some seed fails, with no more faults or events. */
    private Optional<Trace> lower(ParamSpec spec, Params params, Trace best, String target) {
        long current = params.integer(spec.name());
        for (long v : candidates(spec.min(), current)) {
            Params candidate = params.with(spec.name(), v);
            for (long seed : seeds(best.seed())) {
                if (exhausted()) {
                    return Optional.empty();
                }
                int nodes = nodeCount(candidate, seed);
                List<Fault> fitting = best.faults().stream().filter(f -> f.fits(nodes)).toList();
                Trace t = run(seed, candidate, Schedule.explicit(fitting));
                if (fails(t, target) && t.faults().size() <= best.faults().size() && t.events().size() <= best.events().size()) {
                    return Optional.of(t);
                }
            }
        }
        return Optional.empty();
    }

    private int nodeCount(Params params, long seed) {
        return demo.scenario(variant, params, seed).nodes().size();
    }

    private static String firstFailed(Trace t) {
        return t.checks().stream().filter(c -> !c.ok()).map(CheckResult::name).findFirst().orElseThrow();
    }

    /** Whether the run fails the check the search started from (not some other one it stumbled on). */
    private static boolean fails(Trace t, String check) {
        return t.checks().stream().anyMatch(c -> !c.ok() && c.name().equals(check));
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
        return run(seed, params, Schedule.SEEDED);
    }

    private Trace run(long seed, Params params, Schedule schedule) {
        Trace t = new Simulation(demo.scenario(variant, params, seed), seed, schedule, true).withoutWords()
                .run(demo.id(), variant.name(), params.asMap());
        runs++;
        events += t.events().size();
        return t;
    }

    /**
     * The shrunk run again, this time with the protocol's words: the search's runs skip them, since nobody reads
     * them. Not counted in {@code runs}; it is the same run, told.
     */
    private Trace retold(Trace shrunk) {
        Map<String, String> raw = new java.util.LinkedHashMap<>();
        shrunk.params().forEach((k, v) -> raw.put(k, String.valueOf(v)));
        return demo.run(variant, shrunk.seed(), Params.parse(demo.params(), raw), shrunk.schedule(), true);
    }

    private boolean exhausted() {
        return runs >= budget.maxRuns() || events >= budget.maxEvents() || budget.stop().getAsBoolean();
    }
}
