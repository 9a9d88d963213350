package dev.quorum.demo.clocks;

import dev.quorum.demo.engine.Stamp;

/** A node's logical clock: it ticks at each event, and what it does on a receive is where variants differ. */
sealed interface LogicalClock permits LamportClock, VectorClock {

    Stamp local();

    Stamp send();

    Stamp receive(Stamp carried);
}
