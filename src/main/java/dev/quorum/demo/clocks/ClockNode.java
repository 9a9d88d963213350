package dev.quorum.demo.clocks;

import dev.quorum.demo.engine.Context;
import dev.quorum.demo.engine.Latency;
import dev.quorum.demo.engine.Message;
import dev.quorum.demo.engine.Node;
import dev.quorum.demo.engine.Timer;
import dev.quorum.demo.engine.Value;
import java.util.List;

/**
 * A node that takes a fixed number of steps at random intervals, each a local event or a message to a
 * random peer, and keeps a clock over all of it. Its step timer runs on the node's own physical clock, so a
 * drifting clock steps faster or slower. A recovery is an event the clock stamps; whether the clock kept its
 * value through the crash is the clock's business. Every event shows the clock, the node's physical clock
 * and its error, and says in words how the clock got its value (words made only if the trace is shown, from
 * the immutable values and the rules' final fields).
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
        Value before = clock.current();
        List<String> names = ctx.names();
        Value after = clock.recover(ctx.localTimeMs());
        String me = me(ctx);
        show(ctx, after);
        ctx.describe(() -> me + " recovers " + clock.recoverRule(text(names, before), text(names, after)));
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
        Value before = clock.current();
        List<String> names = ctx.names();
        String me = me(ctx);
        if (roll < localPercent) {
            Value after = clock.local(ctx.localTimeMs());
            ctx.local("step");
            show(ctx, after);
            ctx.describe(() -> me + " takes a local step and " + clock.tickRule(text(names, before), text(names, after)));
        } else {
            Value after = clock.send(ctx.localTimeMs());
            int to = peer >= ctx.self() ? peer + 1 : peer;
            ctx.send(to, new ClockMessage.App(after));
            show(ctx, after);
            String receiver = ctx.name(to);
            ctx.describe(() -> me + " " + clock.tickRule(text(names, before), text(names, after)) + ", and sends it to " + receiver);
        }
        scheduleStep(ctx);
    }

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        if (message instanceof ClockMessage.App app) {
            Value before = clock.current();
        List<String> names = ctx.names();
            Value after = clock.receive(app.clock(), ctx.localTimeMs());
            show(ctx, after);
            String me = me(ctx);
            String sender = ctx.name(from);
            ctx.describe(() -> me + " receives " + text(names, app.clock()) + " from " + sender + " and "
                    + clock.receiveRule(text(names, before), text(names, app.clock()), text(names, after)));
        }
    }

    private void show(Context ctx, Value after) {
        ctx.annotate(value, after);
        ctx.annotate(ClockWorkload.WALL, Value.scalar(ctx.localTimeMs()));
        ctx.annotate(ClockWorkload.ERROR, Value.scalar(ctx.localTimeMs() - ctx.nowMs()));
    }

    private static String me(Context ctx) {
        return ctx.name(ctx.self());
    }

    private static String text(List<String> names, Value v) {
        return v.text(names);
    }

    private void scheduleStep(Context ctx) {
        if (stepsLeft > 0) {
            ctx.setTimer(STEP, 1 + interval.sampleMs(ctx.random()));
        }
    }
}
