package dev.quorum.demo.paxos;

import dev.quorum.demo.engine.Guide;
import java.util.List;

/** The guided scenarios of the Paxos demo; PaxosGuidesTest pins each run, so the narration cannot drift from it. */
final class PaxosGuides {

    static final List<Guide> ALL = List.of();

    private PaxosGuides() {
    }
}
