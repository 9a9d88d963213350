package dev.quorum.demo.engine;

import java.util.SplittableRandom;

/**
 * Every random value of a run comes from a stream derived from the run's seed, a purpose and an index.
 * Each node has its own streams (one for the protocol, one for the network's treatment of what it sends,
 * one for its clock error), so adding a node, or a node drawing more often, leaves the others' draws alone.
 */
public final class RandomStreams {

    static final int PROTOCOL = 1;
    static final int NETWORK = 2;
    static final int CLOCK = 3;
    static final int FAULTS = 4;
    static final int WORKLOAD = 5;

    private RandomStreams() {
    }

    /** The stream a demo draws its fault schedule from. */
    public static SplittableRandom faults(long seed) {
        return stream(seed, FAULTS, 0);
    }

    /** A stream for a demo's own setup decisions (not per node). */
    public static SplittableRandom workload(long seed) {
        return stream(seed, WORKLOAD, 0);
    }

    static SplittableRandom stream(long seed, int purpose, int index) {
        return new SplittableRandom(mix(mix(seed) ^ mix(((long) purpose << 32) | (index & 0xffffffffL))));
    }

    /** SplitMix64's finaliser: nearby inputs give unrelated outputs. */
    static long mix(long z) {
        z += 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
