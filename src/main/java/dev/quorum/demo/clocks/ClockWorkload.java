package dev.quorum.demo.clocks;

import dev.quorum.demo.engine.Annotation;
import dev.quorum.demo.engine.Display;
import dev.quorum.demo.engine.Fault;
import dev.quorum.demo.engine.Invariant;
import dev.quorum.demo.engine.Limits;
import dev.quorum.demo.engine.NetworkModel;
import dev.quorum.demo.engine.NetworkParams;
import dev.quorum.demo.engine.Node;
import dev.quorum.demo.engine.ParamSpec;
import dev.quorum.demo.engine.Panel;
import dev.quorum.demo.engine.Params;
import dev.quorum.demo.engine.RandomStreams;
import dev.quorum.demo.engine.Scenario;
import dev.quorum.demo.engine.SeededFaults;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * The parameters and setting the two clock demos share: nodes stepping at random, a network with the usual
 * faults, optional crashes and one partition. Defaults give a run small enough to draw (about 30 events).
 */
final class ClockWorkload {

    static final List<ParamSpec> PARAMS = ParamSpec.join(List.of(
            ParamSpec.integer("nodes", 2, 8, 3, "How many nodes take part").asShrinkable(),
            ParamSpec.integer("steps", 1, 40, 6, "Steps each node takes; a step is a local event or a send").asShrinkable(),
            ParamSpec.integer("localPercent", 0, 100, 25, "Share of steps that are local events rather than sends").asShrinkable(),
            ParamSpec.integer("intervalMs", 1, 1000, 20, "Mean time between a node's steps (exponential)")),
            NetworkParams.specs(15),
            List.of(
            ParamSpec.integer("crashes", 0, 3, 0, "Crashes, each of a random node that restarts a while later").asShrinkable(),
            ParamSpec.integer("partitionMs", 0, 2000, 0, "Length of a partition cutting the last node off, a third of the way in").asShrinkable(),
            ParamSpec.integer("skewMs", 0, 1000, 0, "Largest error of a node's physical clock, drawn per node").asShrinkable(),
            ParamSpec.integer("driftPpm", 0, 100_000, 0,
                    "Largest rate error of a node's physical clock, in parts per million; its step timer runs on that clock").asShrinkable()));

    /** The value of every event: the node's physical clock reading, skewed and drifting. */
    static final String WALL = "wall";
    /** And how far that reading is from true time. */
    static final String ERROR = "clockError";

    private static final Annotation WALL_VALUE = Annotation.of(WALL, Annotation.Kind.SCALAR, "Physical clock",
            "What the node's own physical clock read at this event: true time plus its skew and drift").unit("ms");
    private static final Annotation ERROR_VALUE = Annotation.of(ERROR, Annotation.Kind.SCALAR, "Clock error",
            "The physical clock's reading minus true time: 0 for a perfect clock").unit("ms");

    private ClockWorkload() {
    }

    /**
     * A run of nodes keeping the clocks {@code clocks} makes, each event showing {@code clockValue}; with
     * {@code chartError} a chart of each node's clock error over time sits beside the diagram.
     */
    static Scenario scenario(Params p, long seed, IntFunction<LogicalClock> clocks, Annotation clockValue, Invariant invariant,
            boolean chartError) {
        int nodes = p.intValue("nodes");
        int steps = p.intValue("steps");
        long intervalMs = p.integer("intervalMs");
        List<Node> members = new ArrayList<>();
        for (int k = 0; k < nodes; k++) {
            members.add(new ClockNode(clocks.apply(k), clockValue.name(), steps, intervalMs, p.intValue("localPercent")));
        }
        NetworkModel network = NetworkParams.network(p);
        List<Panel> panels = new ArrayList<>(List.of(Panel.state(clockValue.name(), WALL, ERROR)));
        if (chartError) {
            panels.add(Panel.chart(ERROR));
        }
        return new Scenario(members, network, faults(p, seed, nodes, steps * intervalMs), p.integer("skewMs"),
                p.integer("driftPpm"), List.of(invariant), Limits.demo())
                .withDisplay(Display.of(List.of(clockValue, WALL_VALUE, ERROR_VALUE), panels));
    }


    /** Crashes at random times in the run's expected span, each node down for a quarter of it; then the partition. */
    private static List<Fault> faults(Params p, long seed, int nodes, long spanMs) {
        SplittableRandom random = RandomStreams.faults(seed);
        List<Fault> faults = new ArrayList<>();
        long downMs = Math.max(1, spanMs / 4);
        SeededFaults.crashes(faults, random, p.intValue("crashes"), 0, nodes, spanMs, downMs);
        long partitionMs = p.integer("partitionMs");
        if (partitionMs > 0) {
            SeededFaults.cutOff(faults, nodes - 1, Math.max(1, spanMs / 3), partitionMs);
        }
        return faults;
    }
}
