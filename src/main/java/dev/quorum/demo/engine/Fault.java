package dev.quorum.demo.engine;

import java.util.List;

/** Something that happens to the system at a scheduled time; each appears in the trace as its own event. */
public sealed interface Fault {

    long atMs();

    /** The node stops: its timers are lost and messages to it are dropped. */
    record Crash(long atMs, int node) implements Fault {
    }

    /** The node starts again ({@link Node#onRecover}). */
    record Recover(long atMs, int node) implements Fault {
    }

    /**
     * The network splits: messages pass only within a group. Nodes in no group form one group together.
     * A message is dropped if its ends were apart when it was sent or when it arrives.
     */
    record Partition(long atMs, List<List<Integer>> groups) implements Fault {
        public Partition {
            groups = groups.stream().map(List::copyOf).toList();
        }
    }

    /** Every partition ends. */
    record Heal(long atMs) implements Fault {
    }
}
