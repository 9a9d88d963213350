package dev.quorum.demo.clocks;

import dev.quorum.demo.engine.Stamp;

/** Lamport's counter. The correct receiver takes max(own, message) + 1; the broken one only own + 1. */
final class LamportClock implements LogicalClock {

    private final boolean takesMax;
    private long time;

    LamportClock(boolean takesMax) {
        this.takesMax = takesMax;
    }

    @Override
    public Stamp local() {
        return Stamp.lamport(++time);
    }

    @Override
    public Stamp send() {
        return Stamp.lamport(++time);
    }

    @Override
    public Stamp receive(Stamp carried) {
        long theirs = carried.lamport().orElseThrow();
        time = (takesMax ? Math.max(time, theirs) : time) + 1;
        return Stamp.lamport(time);
    }
}
