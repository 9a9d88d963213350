package dev.quorum.demo.clocks;

import dev.quorum.demo.engine.Value;

/**
 * A node's clock: it ticks at each event, and what it does on a receive and after a crash is where variants
 * differ. Each call gets the node's physical clock reading ({@code wallMs}, skewed and drifting), which only
 * the wall-clock variant uses. The {@code …Rule} methods put into words what the last call did, given the
 * values as text, so the trace can say why a clock reads what it reads.
 */
sealed interface LogicalClock permits LamportClock, VectorClock, WallClock {

    /** The clock's value before any event. */
    Value current();

    Value local(long wallMs);

    Value send(long wallMs);

    Value receive(Value carried, long wallMs);

    /** The node has restarted: the recovery is an event of its own, and ticks the clock like one. */
    Value recover(long wallMs);

    /** After "n1 …": how a local step or a send changed the clock, e.g. "ticks 2 → 3". */
    String tickRule(String before, String after);

    /** After "n2 receives 4 from n1 and …": how the receive set the clock. */
    String receiveRule(String before, String carried, String after);

    /** After "n2 recovers …": what the clock kept through the crash, and its tick. */
    String recoverRule(String before, String after);
}
