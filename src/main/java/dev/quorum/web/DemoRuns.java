package dev.quorum.web;

import dev.quorum.content.DemoCatalog;
import dev.quorum.demo.AllDemos;
import dev.quorum.demo.engine.CounterexampleSearch;
import dev.quorum.demo.engine.Demo;
import dev.quorum.demo.engine.Guide;
import dev.quorum.demo.engine.Histories;
import dev.quorum.lincheck.Edn;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import dev.quorum.demo.engine.DemoRegistry;
import dev.quorum.demo.engine.InvalidParameter;
import dev.quorum.demo.engine.Params;
import dev.quorum.demo.engine.Schedule;
import dev.quorum.demo.engine.Variant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The demo registry behind the API, and the bounds that keep a public endpoint from being a way to burn our
 * CPU: one run per core at a time, and counterexample searches (up to a few seconds each) in their own smaller
 * pool, half the cores, so searches can never starve runs; a call that finds its pool full waits a second, then
 * gets a 503. A run is capped by the engine's limits, a search in runs, events and wall-clock time. The run with
 * the default seed and parameters of each variant, which topic pages embed, is made once and kept: a pure
 * function of its inputs, it needs no slot after the first time.
 */
@ApplicationScoped
public class DemoRuns {

    static final long SEED_DEFAULT = 1;
    static final int SEEDS_DEFAULT = 100;
    static final int SEEDS_MAX = 500;
    /** A fault list longer than this is not one a reader clicked together or a search left. */
    static final int FAULTS_CHARS_MAX = 16_000;
    /** A search's budget: a default clock-demo run is about 30 events, a large one a few hundred. */
    static final int SEARCH_RUNS_MAX = 2_000;
    static final long SEARCH_EVENTS_MAX = 400_000;
    static final long SEARCH_MILLIS_MAX = 3_000;

    private final DemoRegistry registry = AllDemos.registry();

    @jakarta.inject.Inject
    MeterRegistry meters;

    /** The demo ids content may name, for the linter: the registry's own, so there is no list to keep in step. */
    @jakarta.enterprise.inject.Produces
    @jakarta.inject.Singleton
    DemoCatalog demoCatalog() {
        return registry::ids;
    }
    /**
     * Runs, downloads and searches at once: one fewer than the cores (at least one), so however many are asked for,
     * a core is left for pages, search and the API. A search also holds one of the {@code SEARCH_SLOTS}, so
     * searches, the longest requests, never take every slot.
     */
    static final int RUN_SLOTS = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    static final int SEARCH_SLOTS = Math.max(1, RUN_SLOTS / 2);
    private static final long WAIT_MILLIS = 1_000;

    private final Semaphore runSlots = new Semaphore(RUN_SLOTS);
    private final Semaphore searchSlots = new Semaphore(SEARCH_SLOTS);
    /**
     * The runs every visitor sees, made once: "demo/variant" → its default run, "demo?guide=id" → a guided
     * scenario's run (the ones topic pages embed). Bounded by the registry: one entry per variant and per scenario.
     */
    private final Map<String, String> wellKnownRuns = new ConcurrentHashMap<>();

    List<Demo> all() {
        return registry.all();
    }

    Optional<Demo> find(String id) {
        return registry.find(id);
    }

    /**
     * The run's trace JSON; a 503 when every run slot stays busy for a second. With {@code stopAtViolation} the run
     * ends where a check first fails, as a counterexample search's runs do, so it gives their traces byte for byte.
     */
    String run(Demo demo, Variant variant, long seed, Params params, Schedule schedule, boolean stopAtViolation) {
        return tryRun(demo, variant, seed, params, schedule, stopAtViolation).orElseThrow(DemoRuns::busy);
    }

    /**
     * The {@code faults} query parameter, checked against the run it is for (its node names): absent or blank,
     * the run's faults are drawn from its seed; {@code none} or a list, the run has exactly those.
     */
    static Schedule schedule(Demo demo, Variant variant, long seed, Params params, String faults) {
        if (faults == null || faults.isBlank()) {
            return Schedule.SEEDED;
        }
        if (faults.length() > FAULTS_CHARS_MAX) {
            throw new InvalidParameter("parameter 'faults' is longer than " + FAULTS_CHARS_MAX + " characters");
        }
        return Schedule.parse(faults, demo.scenario(variant, params, seed).nodes().size());
    }

    /**
     * The run's client history as Jepsen EDN, one operation map per line, for the checker tool or a Jepsen
     * checker of one's own; empty for a run with no clients. A 503 when every run slot stays busy for a second.
     */
    String historyEdn(Demo demo, Variant variant, long seed, Params params, Schedule schedule, boolean stopAtViolation) {
        return bounded(List.of(runSlots), "history", demo, () -> Edn.write(Histories.of(demo.run(variant, seed, params, schedule, stopAtViolation).history())))
                .orElseThrow(DemoRuns::busy);
    }

    /** The run's trace JSON, or empty when every run slot stays busy for a second (a page then shows the run later). */
    Optional<String> tryRun(Demo demo, Variant variant, long seed, Params params, Schedule schedule, boolean stopAtViolation) {
        Optional<String> key = stopAtViolation ? Optional.empty() : wellKnown(demo, variant, seed, params, schedule);
        if (key.isPresent()) {
            // A few entries per demo, each made once: cheap enough to make without a slot.
            return Optional.of(wellKnownRuns.computeIfAbsent(key.get(), k -> demo.run(variant, seed, params, schedule, false).toJson()));
        }
        return bounded(List.of(runSlots), "run", demo, () -> demo.run(variant, seed, params, schedule, stopAtViolation).toJson());
    }

    /** The cache key of a default run or a guided scenario's run, or empty for any other run. */
    private static Optional<String> wellKnown(Demo demo, Variant variant, long seed, Params params, Schedule schedule) {
        if (schedule.seeded() && seed == SEED_DEFAULT && params.equals(Params.defaults(demo.params()))) {
            return Optional.of(demo.id() + "/" + variant.name());
        }
        for (Guide g : demo.guides()) {
            if (g.seed() == seed && g.variant().equals(variant.name()) && Params.parse(demo.params(), g.params()).equals(params)
                    && guideSchedule(demo, variant, g, params).equals(schedule)) {
                return Optional.of(demo.id() + "?guide=" + g.id());
            }
        }
        return Optional.empty();
    }

    private static Schedule guideSchedule(Demo demo, Variant variant, Guide g, Params params) {
        return g.faults().isEmpty() ? Schedule.SEEDED : Schedule.parse(g.faults(), demo.scenario(variant, params, g.seed()).nodes().size());
    }

    /** The {@code stop} query parameter: absent (run to the end) or {@code violation}. */
    static boolean stopAtViolation(String raw) {
        if (raw == null || raw.isBlank() || raw.trim().equals("end")) {
            return false;
        }
        if (raw.trim().equals("violation")) {
            return true;
        }
        throw new BadRequest("parameter 'stop' must be 'violation' or 'end', got '" + Identifiers.shown(raw) + "'");
    }

    /** The search's JSON, and whether it is a pure function of its inputs (false when the deadline cut it short). */
    record Search(String json, boolean repeatable) {
    }

    Search counterexample(Demo demo, Variant variant, Params base, long firstSeed, int seeds) {
        return bounded(List.of(searchSlots, runSlots), "search", demo, () -> {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SEARCH_MILLIS_MAX);
            AtomicBoolean late = new AtomicBoolean();
            var budget = new CounterexampleSearch.Budget(SEARCH_RUNS_MAX, SEARCH_EVENTS_MAX, () -> {
                if (System.nanoTime() > deadline) {
                    late.set(true);
                }
                return late.get();
            });
            var result = CounterexampleSearch.search(demo, variant, base, firstSeed, seeds, budget);
            return new Search(result.toJson(), !late.get());
        }).orElseThrow(DemoRuns::busy);
    }

    /** For tests: the pools, to hold their slots and see what still answers. */
    Semaphore runSlots() {
        return runSlots;
    }

    Semaphore searchSlots() {
        return searchSlots;
    }

    private static WebApplicationException busy() {
        return new WebApplicationException("the demo engine is busy; try again in a moment", null,
                Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", "1").build());
    }

    /**
     * Does {@code work} holding one permit of each of {@code slots} (taken in order), timed as
     * {@code quorum.demo.runs} by demo and kind (run, history, search); a call that cannot get them all within a
     * second is counted as {@code quorum.demo.busy} and holds nothing.
     */
    private <T> Optional<T> bounded(List<Semaphore> slots, String kind, Demo demo, Supplier<T> work) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
        List<Semaphore> held = new ArrayList<>(slots.size());
        try {
            for (Semaphore slot : slots) {
                if (!slot.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    break;
                }
                held.add(slot);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (held.size() < slots.size()) {
            held.forEach(Semaphore::release);
            meters.counter("quorum.demo.busy", "kind", kind).increment();
            return Optional.empty();
        }
        long started = System.nanoTime();
        try {
            return Optional.of(work.get());
        } finally {
            held.forEach(Semaphore::release);
            Timer.builder("quorum.demo.runs").description("Demo runs and counterexample searches, by demo and kind")
                    .tag("demo", demo.id()).tag("kind", kind).publishPercentileHistogram().register(meters)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }
}
