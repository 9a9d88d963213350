package dev.quorum.demo.engine;

import java.util.List;

/**
 * A runnable demo: a protocol with its variants, parameters and checks. A run is a pure function of
 * (variant, seed, parameters), which {@link #run} turns into a trace.
 */
public interface Demo {

    /** Largest seed: 2^53 − 1, the largest integer a JavaScript number holds exactly. */
    long SEED_MAX = (1L << 53) - 1;

    /** The id topics and URLs use, e.g. {@code lamport-clocks}. */
    String id();

    String title();

    /** One sentence on what the demo shows. */
    String summary();

    /** The correct variant first, then the broken ones. */
    List<Variant> variants();

    List<ParamSpec> params();

    /** Guided scenarios, the first one the one a topic page embeds; every demo should have two or three. */
    default List<Guide> guides() {
        return List.of();
    }

    default java.util.Optional<Guide> guide(String id) {
        return guides().stream().filter(g -> g.id().equals(id)).findFirst();
    }

    /** Fresh nodes, network, faults and invariants for one run. */
    Scenario scenario(Variant variant, Params params, long seed);

    default Variant variant(String name) {
        return variants().stream().filter(v -> v.name().equals(name)).findFirst()
                .orElseThrow(() -> new InvalidParameter("unknown variant '" + ParamSpec.shown(name) + "' of demo '" + id()
                        + "' (variants: " + String.join(", ", variants().stream().map(Variant::name).toList()) + ")"));
    }

    default Trace run(Variant variant, long seed, Params params) {
        return run(variant, seed, params, false);
    }

    /** Runs once; with {@code stopOnViolation} the run ends at the step where a check first fails. */
    default Trace run(Variant variant, long seed, Params params, boolean stopOnViolation) {
        return run(variant, seed, params, Schedule.SEEDED, stopOnViolation);
    }

    /** Runs once with the faults of {@code schedule}: drawn from the seed, or exactly those listed. */
    default Trace run(Variant variant, long seed, Params params, Schedule schedule, boolean stopOnViolation) {
        if (seed < 0 || seed > SEED_MAX) {
            throw new InvalidParameter("parameter 'seed' must be between 0 and " + SEED_MAX + ", got " + seed);
        }
        Scenario scenario = scenario(variant, params, seed);
        return new Simulation(scenario, seed, schedule, stopOnViolation).run(id(), variant.name(), params.asMap());
    }
}
