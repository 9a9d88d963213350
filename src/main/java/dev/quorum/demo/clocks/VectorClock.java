package dev.quorum.demo.clocks;

import dev.quorum.demo.engine.Value;
import java.util.Arrays;

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
    public Value current() {
        return Value.vector(entries);
    }

    @Override
    public Value local(long wallMs) {
        entries[self]++;
        return Value.vector(entries);
    }

    @Override
    public Value send(long wallMs) {
        return local(wallMs);
    }

    @Override
    public Value receive(Value carried, long wallMs) {
        if (merges) {
            Value.PerNode theirs = (Value.PerNode) carried;
            for (int k = 0; k < entries.length; k++) {
                entries[k] = Math.max(entries[k], theirs.entry(k));
            }
        }
        entries[self]++;
        return Value.vector(entries);
    }

    @Override
    public Value recover(long wallMs) {
        if (!survivesCrash) {
            Arrays.fill(entries, 0);
        }
        return local(wallMs);
    }

    @Override
    public String tickRule(String before, String after) {
        return "ticks its own entry: " + after;
    }

    @Override
    public String receiveRule(String before, String carried, String after) {
        return merges ? "merges it into " + before + " (entry-wise max), then ticks its own entry: " + after
                : "does not merge it into " + before + ", only ticks its own entry: " + after;
    }

    @Override
    public String recoverRule(String before, String after) {
        return survivesCrash ? "with its clock kept at " + before + " and ticks its own entry: " + after
                : "with its clock reset to zeros, forgetting " + before + ", and ticks its own entry: " + after;
    }
}
