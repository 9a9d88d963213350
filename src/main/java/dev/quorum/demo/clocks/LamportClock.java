package dev.quorum.demo.clocks;

import dev.quorum.demo.engine.Value;

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
    public Value current() {
        return Value.scalar(time);
    }

    @Override
    public Value local(long wallMs) {
        return Value.scalar(++time);
    }

    @Override
    public Value send(long wallMs) {
        return Value.scalar(++time);
    }

    @Override
    public Value receive(Value carried, long wallMs) {
        long theirs = ((Value.Scalar) carried).value();
        time = (takesMax ? Math.max(time, theirs) : time) + 1;
        return Value.scalar(time);
    }

    @Override
    public Value recover(long wallMs) {
        return Value.scalar(++time);
    }

    @Override
    public String tickRule(String before, String after) {
        return "ticks " + before + " → " + after;
    }

    @Override
    public String receiveRule(String before, String carried, String after) {
        return takesMax ? "takes max(" + before + ", " + carried + ") + 1 = " + after
                : "ignores it: " + before + " + 1 = " + after;
    }

    @Override
    public String recoverRule(String before, String after) {
        return "with its clock kept at " + before + " and ticks to " + after;
    }
}
