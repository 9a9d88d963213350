package dev.quorum.demo.clocks;

import dev.quorum.demo.engine.Stamp;

/**
 * A node's clock: it ticks at each event, and what it does on a receive and after a crash is where variants
 * differ. Each call gets the node's physical clock reading ({@code wallMs}, skewed and drifting), which only
 * the wall-clock variant uses.
 */
sealed interface LogicalClock permits LamportClock, VectorClock, WallClock {

    Stamp local(long wallMs);

    Stamp send(long wallMs);

    Stamp receive(Stamp carried, long wallMs);

    /** The node has restarted: the recovery is an event of its own, and ticks the clock like one. */
    Stamp recover(long wallMs);
}
