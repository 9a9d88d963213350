package dev.quorum.demo.clocks;

import dev.quorum.demo.engine.Demo;
import dev.quorum.demo.engine.ParamSpec;
import dev.quorum.demo.engine.Params;
import dev.quorum.demo.engine.Scenario;
import dev.quorum.demo.engine.Variant;
import java.util.List;

/** Lamport clocks, and what goes wrong when a receiver ignores the time a message carries. */
public final class LamportClocks implements Demo {

    static final Variant CORRECT = new Variant("correct", true,
            "On a receive, the clock becomes one more than the larger of its own time and the message's.");
    static final Variant NO_MAX = new Variant("no-max", false,
            "On a receive, the clock just adds one to its own time and ignores the message's.");

    @Override
    public String id() {
        return "lamport-clocks";
    }

    @Override
    public String title() {
        return "Lamport clocks";
    }

    @Override
    public String summary() {
        return "Nodes count events and pass their counts on messages; the check: if a happens before b, then L(a) < L(b).";
    }

    @Override
    public List<Variant> variants() {
        return List.of(CORRECT, NO_MAX);
    }

    @Override
    public List<ParamSpec> params() {
        return ClockWorkload.PARAMS;
    }

    @Override
    public Scenario scenario(Variant variant, Params params, long seed) {
        boolean takesMax = variant(variant.name()).correct();
        return ClockWorkload.scenario(params, seed, node -> new LamportClock(takesMax), new ClockCondition());
    }
}
