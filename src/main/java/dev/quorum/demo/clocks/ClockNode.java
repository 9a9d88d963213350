package dev.quorum.demo.clocks;

import dev.quorum.demo.engine.Context;
import dev.quorum.demo.engine.Latency;
import dev.quorum.demo.engine.Message;
import dev.quorum.demo.engine.Node;
import dev.quorum.demo.engine.Timer;
import dev.quorum.demo.engine.Value;

/**
 * A node that takes a fixed number of steps at random intervals, each a local event or a message to a
 * random peer, and keeps a clock over all of it. Its step timer runs on the node's own physical clock, so a
 * drifting clock steps faster or slower. A recovery is an event the clock stamps; whether the clock kept its
 * value through the crash is the clock's business. Every event shows the clock, the node's physical clock
 * and its error, and says in words how the clock got its value.
 */
final class ClockNode implements Node {

    private static final Step STEP = new Step();

    private final LogicalClock clock;
    private final String value;
    private final Latency interval;
    private final int localPercent;
    private int stepsLeft;

    ClockNode(LogicalClock clock, String value, int steps, long intervalMs, int localPercent) {
        this.clock = clock;
        this.value = value;
        this.stepsLeft = steps;
        this.interval = new Latency.Exponential(intervalMs);
        this.localPercent = localPercent;
    }

    @Override
    public void onStart(Context ctx) {
        scheduleStep(ctx);
    }

    @Override
    public void onRecover(Context ctx) {
        String before = text(ctx, clock.current());
        Value after = clock.recover(ctx.localTimeMs());
        show(ctx, after, me(ctx) + " recovers " + clock.recoverRule(before, text(ctx, after)));
        scheduleStep(ctx);
    }

    @Override
    public void onTimer(Context ctx, Timer timer) {
        if (!(timer instanceof Step) || stepsLeft == 0) {
            return;
        }
        stepsLeft--;
        // Both draws every step, so a node's choices do not shift with the share of local events.
        int roll = ctx.random().nextInt(100);
        int peer = ctx.random().nextInt(ctx.nodeCount() - 1);
        String before = text(ctx, clock.current());
        if (roll < localPercent) {
            Value after = clock.local(ctx.localTimeMs());
            ctx.local("step");
            show(ctx, after, me(ctx) + " takes a local step and " + clock.tickRule(before, text(ctx, after)));
        } else {
            Value after = clock.send(ctx.localTimeMs());
            int to = peer >= ctx.self() ? peer + 1 : peer;
            ctx.send(to, new ClockMessage.App(after));
            show(ctx, after, me(ctx) + " " + clock.tickRule(before, text(ctx, after)) + ", and sends it to " + ctx.name(to));
        }
        scheduleStep(ctx);
    }

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        if (message instanceof ClockMessage.App app) {
            String before = text(ctx, clock.current());
            Value after = clock.receive(app.clock(), ctx.localTimeMs());
            show(ctx, after, me(ctx) + " receives " + text(ctx, app.clock()) + " from " + ctx.name(from) + " and "
                    + clock.receiveRule(before, text(ctx, app.clock()), text(ctx, after)));
        }
    }

    private void show(Context ctx, Value after, String words) {
        ctx.annotate(value, after);
        ctx.annotate(ClockWorkload.WALL, Value.scalar(ctx.localTimeMs()));
        ctx.annotate(ClockWorkload.ERROR, Value.scalar(ctx.localTimeMs() - ctx.nowMs()));
        ctx.describe(words);
    }

    private static String me(Context ctx) {
        return ctx.name(ctx.self());
    }

    private static String text(Context ctx, Value v) {
        return v.text(ctx.names());
    }

    private void scheduleStep(Context ctx) {
        if (stepsLeft > 0) {
            ctx.setTimer(STEP, 1 + interval.sampleMs(ctx.random()));
        }
    }
}
