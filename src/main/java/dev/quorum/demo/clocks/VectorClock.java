package dev.quorum.demo.clocks;

import dev.quorum.demo.engine.Stamp;

/**
 * One counter per node. The correct receiver merges (entry-wise max) then ticks its own entry; the broken one
 * only ticks. The correct clock is kept as if on disk and survives a crash; the reset-on-crash one lives in
 * memory and starts again from zeros, forgetting everything its node had seen.
 */
final class VectorClock implements LogicalClock {

    private final boolean merges;
    private final boolean survivesCrash;
    private final int self;
    private final int[] entries;

    VectorClock(boolean merges, boolean survivesCrash, int self, int nodes) {
        this.merges = merges;
        this.survivesCrash = survivesCrash;
        this.self = self;
        this.entries = new int[nodes];
    }

    @Override
    public Stamp local(long wallMs) {
        entries[self]++;
        return Stamp.vector(entries);
    }

    @Override
    public Stamp send(long wallMs) {
        return local(wallMs);
    }

    @Override
    public Stamp receive(Stamp carried, long wallMs) {
        if (merges) {
            for (int k = 0; k < entries.length; k++) {
                entries[k] = Math.max(entries[k], carried.entry(k));
            }
        }
        entries[self]++;
        return Stamp.vector(entries);
    }

    @Override
    public Stamp recover(long wallMs) {
        if (!survivesCrash) {
            java.util.Arrays.fill(entries, 0);
        }
        return local(wallMs);
    }
}
