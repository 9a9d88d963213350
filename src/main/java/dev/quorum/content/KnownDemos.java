package dev.quorum.content;

import java.util.Set;

/**
 * The demo ids a topic may reference. There are no runnable demos yet, so a topic that names one is an
 * error; the demo registry will supply this set once demos exist.
 */
final class KnownDemos {

    static final Set<String> IDS = Set.of();

    private KnownDemos() {
    }
}
