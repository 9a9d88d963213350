package dev.quorum.demo.engine;

import java.util.List;

/** What an invariant may look at while a run proceeds: the events so far, in order. */
public interface RunView {

    List<TraceEvent> events();

    int nodeCount();

    String name(int node);

    /** Lamport's happened-before, from program order and send → receive only. */
    default boolean happensBefore(TraceEvent a, TraceEvent b) {
        return a != b && a.onTimeline() && b.onTimeline() && b.pastOf(a.node()) >= a.position();
    }

    /** The client operations recorded so far. */
    List<HistoryOp> history();
}
