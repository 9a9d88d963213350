package dev.quorum.demo.clocks;

import dev.quorum.demo.engine.Value;

/**
 * Timestamps from the node's physical clock, in microseconds: the reading in milliseconds, and within one
 * millisecond the next microsecond, so a node's own stamps always grow. A receive ignores the message's
 * stamp, as "order by wall-clock time" does. With perfect clocks that is enough, since every message takes
 * at least a millisecond; a clock that is behind, or runs slow, stamps a receive before its send.
 */
final class WallClock implements LogicalClock {

    private long last = -1;

    @Override
    public Value current() {
        return Value.scalar(Math.max(0, last));
    }

    @Override
    public Value local(long wallMs) {
        return next(wallMs);
    }

    @Override
    public Value send(long wallMs) {
        return next(wallMs);
    }

    @Override
    public Value receive(Value carried, long wallMs) {
        return next(wallMs);
    }

    @Override
    public Value recover(long wallMs) {
        return next(wallMs);
    }

    private Value next(long wallMs) {
        // A clock set far behind true time reads negative; a stamp is not negative, so it is cut at zero.
        last = Math.max(Math.max(0, wallMs) * 1000, last + 1);
        return Value.scalar(last);
    }

    @Override
    public String tickRule(String before, String after) {
        return "reads its physical clock: " + after + " µs";
    }

    @Override
    public String receiveRule(String before, String carried, String after) {
        return "ignores it, reading its own physical clock: " + after + " µs";
    }

    @Override
    public String recoverRule(String before, String after) {
        return "and reads its physical clock: " + after + " µs";
    }
}
