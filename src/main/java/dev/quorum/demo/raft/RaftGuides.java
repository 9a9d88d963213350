package dev.quorum.demo.raft;

import dev.quorum.demo.engine.Guide;
import java.util.List;

/** The guided scenarios of the Raft election demo. */
final class RaftGuides {

    static final List<Guide> ALL = List.of();

    private RaftGuides() {
    }
}
