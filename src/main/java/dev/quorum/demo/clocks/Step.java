package dev.quorum.demo.clocks;

import dev.quorum.demo.engine.Timer;

/** Time for a node to take its next step. Untraced: the step itself (a local event or a send) is what the trace shows. */
record Step() implements Timer {

    @Override
    public boolean traced() {
        return false;
    }
}
