package dev.quorum.demo.engine;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The timed faults most demos draw from their seed, in one place so every protocol draws them the same way:
 * crashes of random nodes, each followed by its recovery, one node cut off for a while, and (for the demos that
 * ask for it) one link cut. Each method draws only what it says, so a demo that does not call one draws as before.
 */
public final class SeededFaults {

    private SeededFaults() {
    }

    /**
     * Adds {@code count} crashes, each of a node drawn from {@code [firstNode, nodes)} at a time drawn from
     * {@code [1, spanMs]}, and each node's recovery {@code downMs} later. Two draws per crash, from {@code random}.
     */
    public static void crashes(List<Fault> out, SplittableRandom random, int count, int firstNode, int nodes, long spanMs,
            long downMs) {
        for (int c = 0; c < count; c++) {
            int node = firstNode + random.nextInt(nodes - firstNode);
            long at = 1 + random.nextLong(Math.max(1, spanMs));
            out.add(new Fault.Crash(at, node));
            out.add(new Fault.Recover(at + downMs, node));
        }
    }

    /** Adds a partition that cuts {@code node} off from the others at {@code atMs}, and its heal {@code forMs} later. */
    public static void cutOff(List<Fault> out, int node, long atMs, long forMs) {
        out.add(new Fault.Partition(atMs, List.of(List.of(node))));
        out.add(new Fault.Heal(atMs + forMs));
    }

    /**
     * Adds a cut of the link between two different nodes drawn from {@code [0, nodes)} at a time drawn from
     * {@code [1, spanMs]}, and its heal {@code forMs} later, or none when {@code forMs} is 0 (the link stays cut).
     * Three draws, from {@code random}.
     */
    public static void cutLink(List<Fault> out, SplittableRandom random, int nodes, long spanMs, long forMs) {
        int a = random.nextInt(nodes);
        int b = (a + 1 + random.nextInt(nodes - 1)) % nodes;
        long at = 1 + random.nextLong(Math.max(1, spanMs));
        out.add(new Fault.Cut(at, a, b));
        if (forMs > 0) {
            out.add(new Fault.Heal(at + forMs));
        }
    }
}
