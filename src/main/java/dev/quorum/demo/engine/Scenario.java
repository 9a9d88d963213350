package dev.quorum.demo.engine;

import java.util.List;

/**
 * Everything one run needs besides its seed: the nodes (fresh objects, one run only), the network, the
 * faults, the per-node clock error bounds, the invariants to check, the limits, and how the run shows itself
 * (the values its events carry and the panels beside the diagram).
 *
 * @param clockSkewMsMax each node's clock is off by a skew drawn from [-max, max]
 * @param clockDriftPpmMax and runs fast or slow by a drift drawn from [-max, max] parts per million
 */
public record Scenario(List<Node> nodes, NetworkModel network, List<Fault> faults, long clockSkewMsMax,
        long clockDriftPpmMax, List<Invariant> invariants, Limits limits, Display display) {

    public static final int NODES_MAX = 64;

    public Scenario {
        Check.range("number of nodes", nodes.size(), 1, NODES_MAX);
        nodes = List.copyOf(nodes);
        faults = List.copyOf(faults);
        invariants = List.copyOf(invariants);
        java.util.Objects.requireNonNull(display, "display");
        Check.range("clock skew", clockSkewMsMax, 0, Limits.TIME_MS_MAX);
        Check.range("clock drift", clockDriftPpmMax, 0, 500_000);
        for (Fault f : faults) {
            if (f instanceof Fault.Timed t) {
                Check.range("fault time", t.atMs(), 0, Limits.TIME_MS_MAX);
            }
            if (!f.fits(nodes.size())) {
                throw new IllegalArgumentException("fault " + f.text() + " names a node beyond the run's " + nodes.size());
            }
        }
    }

    public Scenario(List<Node> nodes, NetworkModel network, List<Fault> faults, long clockSkewMsMax, long clockDriftPpmMax,
            List<Invariant> invariants, Limits limits) {
        this(nodes, network, faults, clockSkewMsMax, clockDriftPpmMax, invariants, limits, Display.NONE);
    }

    public Scenario(List<Node> nodes, NetworkModel network, List<Invariant> invariants, Limits limits) {
        this(nodes, network, List.of(), 0, 0, invariants, limits);
    }

    /** The same run, shown with {@code display}. */
    public Scenario withDisplay(Display display) {
        return new Scenario(nodes, network, faults, clockSkewMsMax, clockDriftPpmMax, invariants, limits, display);
    }
}
