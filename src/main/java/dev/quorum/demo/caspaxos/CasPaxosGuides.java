package dev.quorum.demo.caspaxos;

import dev.quorum.demo.engine.Guide;
import java.util.List;

/** The guided scenarios of the CASPaxos demo; CasPaxosGuidesTest pins each run's trace, so the narration cannot drift. */
final class CasPaxosGuides {

    static final List<Guide> ALL = List.of();

    private CasPaxosGuides() {
    }
}
