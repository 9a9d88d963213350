package dev.quorum.demo.clocks;

import dev.quorum.demo.engine.Stamp;

/** One counter per node. The correct receiver merges (entry-wise max) then ticks its own entry; the broken one only ticks. */
final class VectorClock implements LogicalClock {

    private final boolean merges;
    private final int self;
    private final int[] entries;

    VectorClock(boolean merges, int self, int nodes) {
        this.merges = merges;
        this.self = self;
        this.entries = new int[nodes];
    }

    @Override
    public Stamp local() {
        entries[self]++;
        return Stamp.vector(entries);
    }

    @Override
    public Stamp send() {
        return local();
    }

    @Override
    public Stamp receive(Stamp carried) {
        if (merges) {
            for (int k = 0; k < entries.length; k++) {
                entries[k] = Math.max(entries[k], carried.entry(k));
            }
        }
        entries[self]++;
        return Stamp.vector(entries);
    }
}
