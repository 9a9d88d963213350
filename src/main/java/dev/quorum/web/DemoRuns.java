package dev.quorum.web;

import dev.quorum.demo.AllDemos;
import dev.quorum.demo.engine.CounterexampleSearch;
import dev.quorum.demo.engine.Demo;
import dev.quorum.demo.engine.DemoRegistry;
import dev.quorum.demo.engine.Params;
import dev.quorum.demo.engine.Variant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The demo registry behind the API, and the bounds that keep a public endpoint from being a way to burn our
 * CPU: one run or search per core at a time (others wait a second, then get a 503), a run capped by the
 * engine's limits, a search capped in runs, events and wall-clock time.
 */
@ApplicationScoped
public class DemoRuns {

    static final long SEED_DEFAULT = 1;
    static final int SEEDS_DEFAULT = 100;
    static final int SEEDS_MAX = 500;
    /** A search's budget: a default clock-demo run is about 30 events, a large one a few hundred. */
    static final int SEARCH_RUNS_MAX = 2_000;
    static final long SEARCH_EVENTS_MAX = 400_000;
    static final long SEARCH_MILLIS_MAX = 3_000;

    private final DemoRegistry registry = AllDemos.registry();
    private final Semaphore slots = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()));

    List<Demo> all() {
        return registry.all();
    }

    Optional<Demo> find(String id) {
        return registry.find(id);
    }

    String run(Demo demo, Variant variant, long seed, Params params) {
        return bounded(() -> demo.run(variant, seed, params).toJson());
    }

    /** The search's JSON, and whether it is a pure function of its inputs (false when the deadline cut it short). */
    record Search(String json, boolean repeatable) {
    }

    Search counterexample(Demo demo, Variant variant, Params base, long firstSeed, int seeds) {
        return bounded(() -> {
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
        });
    }

    private <T> T bounded(java.util.function.Supplier<T> work) {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new WebApplicationException("the demo engine is busy; try again in a moment", null,
                    Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", "1").build());
        }
        try {
            return work.get();
        } finally {
            slots.release();
        }
    }
}
