package dev.quorum.demo.clocks;

import dev.quorum.demo.engine.Stamp;

/**
 * Timestamps from the node's physical clock, in microseconds: the reading in milliseconds, and within one
 * millisecond the next microsecond, so a node's own stamps always grow. A receive ignores the message's
 * stamp, as "order by wall-clock time" does. With perfect clocks that is enough, since every message takes
 * at least a millisecond; a clock that is behind, or runs slow, stamps a receive before its send.
 */
final class WallClock implements LogicalClock {

    private long last = -1;

    @Override
    public Stamp local(long wallMs) {
        return next(wallMs);
    }

    @Override
    public Stamp send(long wallMs) {
        return next(wallMs);
    }

    @Override
    public Stamp receive(Stamp carried, long wallMs) {
        return next(wallMs);
    }

    @Override
    public Stamp recover(long wallMs) {
        return next(wallMs);
    }

    private Stamp next(long wallMs) {
        // A clock set far behind true time reads negative; a stamp is not negative, so it is cut at zero.
        last = Math.max(Math.max(0, wallMs) * 1000, last + 1);
        return Stamp.lamport(last);
    }
}
