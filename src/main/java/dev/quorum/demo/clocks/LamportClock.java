package dev.quorum.demo.clocks;

import dev.quorum.demo.engine.Stamp;

/**
 * Lamport's counter. The correct receiver takes max(own, message) + 1; the broken one only own + 1. The
 * counter is kept as if on disk, so a recovery goes on from where the crash left it.
 */
final class LamportClock implements LogicalClock {

    private final boolean takesMax;
    private long time;

    LamportClock(boolean takesMax) {
        this.takesMax = takesMax;
    }

    @Override
    public Stamp local(long wallMs) {
        return Stamp.lamport(++time);
    }

    @Override
    public Stamp send(long wallMs) {
        return Stamp.lamport(++time);
    }

    @Override
    public Stamp receive(Stamp carried, long wallMs) {
        long theirs = carried.lamport().orElseThrow();
        time = (takesMax ? Math.max(time, theirs) : time) + 1;
        return Stamp.lamport(time);
    }

    @Override
    public Stamp recover(long wallMs) {
        return Stamp.lamport(++time);
    }
}
