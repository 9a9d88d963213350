package dev.quorum.demo.clocks;

import dev.quorum.demo.engine.Context;
import dev.quorum.demo.engine.Latency;
import dev.quorum.demo.engine.Message;
import dev.quorum.demo.engine.Node;
import dev.quorum.demo.engine.Stamp;
import dev.quorum.demo.engine.Timer;

/**
 * A node that takes a fixed number of steps at random intervals, each a local event or a message to a
 * random peer, and keeps a clock over all of it. Its step timer runs on the node's own physical clock, so a
 * drifting clock steps faster or slower. A recovery is an event the clock stamps; whether the clock kept its
 * value through the crash is the clock's business.
 */
final class ClockNode implements Node {

    private static final Step STEP = new Step();

    private final LogicalClock clock;
    private final Latency interval;
    private final int localPercent;
    private final boolean showsWallClock;
    private int stepsLeft;

    ClockNode(LogicalClock clock, int steps, long intervalMs, int localPercent, boolean showsWallClock) {
        this.clock = clock;
        this.stepsLeft = steps;
        this.interval = new Latency.Exponential(intervalMs);
        this.localPercent = localPercent;
        this.showsWallClock = showsWallClock;
    }

    @Override
    public void onStart(Context ctx) {
        scheduleStep(ctx);
    }

    @Override
    public void onRecover(Context ctx) {
        ctx.stamp(clock.recover(ctx.localTimeMs()));
        showWallClock(ctx);
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
        if (roll < localPercent) {
            ctx.local("step", clock.local(ctx.localTimeMs()));
        } else {
            Stamp stamp = clock.send(ctx.localTimeMs());
            ctx.send(peer >= ctx.self() ? peer + 1 : peer, new ClockMessage.App(stamp), stamp);
        }
        showWallClock(ctx);
        scheduleStep(ctx);
    }

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        if (message instanceof ClockMessage.App app) {
            ctx.stamp(clock.receive(app.clock(), ctx.localTimeMs()));
            showWallClock(ctx);
        }
    }

    private void scheduleStep(Context ctx) {
        if (stepsLeft > 0) {
            ctx.setTimer(STEP, 1 + interval.sampleMs(ctx.random()));
        }
    }

    private void showWallClock(Context ctx) {
        if (showsWallClock || ctx.localTimeMs() != ctx.nowMs()) {
            ctx.state("wallMs", ctx.localTimeMs());
        }
    }
}
