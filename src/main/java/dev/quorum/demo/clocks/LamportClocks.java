package dev.quorum.demo.clocks;

import dev.quorum.demo.engine.Annotation;
import dev.quorum.demo.engine.Demo;
import dev.quorum.demo.engine.Guide;
import dev.quorum.demo.engine.Invariant;
import dev.quorum.demo.engine.ParamSpec;
import dev.quorum.demo.engine.Params;
import dev.quorum.demo.engine.Scenario;
import dev.quorum.demo.engine.Variant;
import java.util.ArrayList;
import java.util.List;

/**
 * Lamport clocks, what goes wrong when a receiver ignores the time a message carries or trusts its wall
 * clock instead, and (with {@code check=converse}) why a smaller Lamport time does not mean "happened before".
 */
public final class LamportClocks implements Demo {

    static final Variant CORRECT = new Variant("correct", true,
            "On a receive, the clock becomes one more than the larger of its own time and the message's.");
    static final Variant NO_MAX = new Variant("no-max", false,
            "On a receive, the clock just adds one to its own time and ignores the message's.");
    static final Variant WALL_CLOCK = new Variant("wall-clock", false,
            "Events are stamped with the node's physical clock (in microseconds) instead of a counter; a receive "
                    + "ignores the message's stamp. Right while clocks agree, wrong once one is skewed or drifts.");

    /** The value the checks read: a Lamport time, or the wall-clock variant's timestamp, which takes its place. */
    static final String VALUE = "lamport";
    private static final Annotation TIME = Annotation.of(VALUE, Annotation.Kind.SCALAR, "Lamport time",
            "The node's Lamport clock after this event").onDiagram();
    private static final Annotation STAMP = Annotation.of(VALUE, Annotation.Kind.SCALAR, "Timestamp",
            "The timestamp this event got from its node's physical clock, used in place of a Lamport time").unit("µs").onDiagram();

    static final String CHECK_CONDITION = "clock-condition";
    static final String CHECK_CONVERSE = "converse";

    private static final List<ParamSpec> PARAMS = withCheck();

    private static List<ParamSpec> withCheck() {
        List<ParamSpec> all = new ArrayList<>(ClockWorkload.PARAMS);
        all.add(ParamSpec.choice("check", List.of(CHECK_CONDITION, CHECK_CONVERSE), CHECK_CONDITION,
                "What to check: the clock condition (a → b implies L(a) < L(b)), or its converse "
                        + "(L(a) < L(b) implies a → b), which no Lamport clock can promise"));
        return List.copyOf(all);
    }

    private static final List<Guide> GUIDES = ClockGuides.lamport();

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
        return List.of(CORRECT, NO_MAX, WALL_CLOCK);
    }

    @Override
    public List<Guide> guides() {
        return GUIDES;
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public Scenario scenario(Variant variant, Params params, long seed) {
        String name = variant(variant.name()).name();
        Invariant check = params.choice("check").equals(CHECK_CONVERSE) ? new ConverseClockCondition() : new ClockCondition();
        if (name.equals(WALL_CLOCK.name())) {
            return ClockWorkload.scenario(params, seed, node -> new WallClock(), STAMP, check, true);
        }
        boolean takesMax = name.equals(CORRECT.name());
        boolean clockFaults = params.integer("skewMs") > 0 || params.integer("driftPpm") > 0;
        return ClockWorkload.scenario(params, seed, node -> new LamportClock(takesMax), TIME, check, clockFaults);
    }
}
