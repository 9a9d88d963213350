package dev.quorum.content;

import java.util.Set;

/**
 * The demo ids a topic may reference. Content may not import the demos themselves (the linter runs without
 * them), so the ids are listed here, and KnownDemosTest fails when this set and the demo registry disagree.
 */
final class KnownDemos {

    static final Set<String> IDS = Set.of("lamport-clocks", "vector-clocks");

    private KnownDemos() {
    }
}
