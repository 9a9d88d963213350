package dev.quorum.demo.clocks;

import dev.quorum.demo.engine.Annotation;
import dev.quorum.demo.engine.Demo;
import dev.quorum.demo.engine.Guide;
import dev.quorum.demo.engine.ParamSpec;
import dev.quorum.demo.engine.Params;
import dev.quorum.demo.engine.Scenario;
import dev.quorum.demo.engine.Variant;
import java.util.List;

/** Vector clocks, which capture happens-before exactly, and what goes wrong when a receiver does not merge. */
public final class VectorClocks implements Demo {

    static final Variant CORRECT = new Variant("correct", true,
            "On a receive, the clock takes the entry-wise maximum with the message's vector, then counts the event.");
    static final Variant NO_MERGE = new Variant("no-merge", false,
            "On a receive, the clock counts the event but forgets to merge the message's vector.");
    static final Variant RESET_ON_CRASH = new Variant("reset-on-crash", false,
            "The clock lives in memory only: a node that crashes restarts it from zeros, forgetting what it had seen.");

    /** The value the check reads. */
    static final String VALUE = "vector";
    private static final Annotation VECTOR = Annotation.of(VALUE, Annotation.Kind.VECTOR, "Vector clock",
            "The node's vector clock after this event: for each node, how many of its events this one knows of").onDiagram();

    private static final List<Guide> GUIDES = ClockGuides.vector();

    @Override
    public String id() {
        return "vector-clocks";
    }

    @Override
    public String title() {
        return "Vector clocks";
    }

    @Override
    public String summary() {
        return "Each node keeps a counter per node; the check: a happens before b exactly when V(a) < V(b), "
                + "and events with incomparable vectors are concurrent.";
    }

    @Override
    public List<Variant> variants() {
        return List.of(CORRECT, NO_MERGE, RESET_ON_CRASH);
    }

    @Override
    public List<Guide> guides() {
        return GUIDES;
    }

    @Override
    public List<ParamSpec> params() {
        return ClockWorkload.PARAMS;
    }

    @Override
    public Scenario scenario(Variant variant, Params params, long seed) {
        String name = variant(variant.name()).name();
        boolean merges = !name.equals(NO_MERGE.name());
        boolean survivesCrash = !name.equals(RESET_ON_CRASH.name());
        int nodes = params.intValue("nodes");
        return ClockWorkload.scenario(params, seed, node -> new VectorClock(merges, survivesCrash, node, nodes), VECTOR,
                new StrongClockCondition(), params.integer("skewMs") > 0 || params.integer("driftPpm") > 0);
    }
}
