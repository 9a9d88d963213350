package dev.quorum.demo.engine;

import java.util.List;

/**
 * Everything one run needs besides its seed: the nodes (fresh objects, one run only), the network, the
 * faults, the per-node clock error bounds, the invariants to check and the limits.
 *
 * @param clockSkewMsMax each node's clock is off by a skew drawn from [-max, max]
 * @param clockDriftPpmMax and runs fast or slow by a drift drawn from [-max, max] parts per million
 */
public record Scenario(List<Node> nodes, NetworkModel network, List<Fault> faults, long clockSkewMsMax,
        long clockDriftPpmMax, List<Invariant> invariants, Limits limits) {

    public static final int NODES_MAX = 64;

    public Scenario {
        Check.range("number of nodes", nodes.size(), 1, NODES_MAX);
        nodes = List.copyOf(nodes);
        faults = List.copyOf(faults);
        invariants = List.copyOf(invariants);
        Check.range("clock skew", clockSkewMsMax, 0, Limits.TIME_MS_MAX);
        Check.range("clock drift", clockDriftPpmMax, 0, 500_000);
        for (Fault f : faults) {
            Check.range("fault time", f.atMs(), 0, Limits.TIME_MS_MAX);
            if (f instanceof Fault.Crash c) {
                Check.range("crashed node", c.node(), 0, nodes.size() - 1);
            } else if (f instanceof Fault.Recover r) {
                Check.range("recovered node", r.node(), 0, nodes.size() - 1);
            } else if (f instanceof Fault.Partition p) {
                for (List<Integer> g : p.groups()) {
                    for (int member : g) {
                        Check.range("partitioned node", member, 0, nodes.size() - 1);
                    }
                }
            }
        }
    }

    public Scenario(List<Node> nodes, NetworkModel network, List<Invariant> invariants, Limits limits) {
        this(nodes, network, List.of(), 0, 0, invariants, limits);
    }
}
