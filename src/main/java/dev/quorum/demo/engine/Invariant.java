package dev.quorum.demo.engine;

import java.util.Optional;

/**
 * A named property checked after every event (and once more when the run ends). An invariant may keep
 * state between calls, so a run needs fresh instances. The first event for which it answers a description
 * is the run's first violation of it; later events are not checked against it again.
 */
public interface Invariant {

    /** A short kebab-case name, e.g. {@code clock-condition}. */
    String name();

    /** A description of the violation {@code latest} causes, or empty while the property holds. */
    Optional<String> check(TraceEvent latest, RunView run);

    /** A violation visible only at the end (a history check); empty by default. */
    default Optional<String> atEnd(RunView run) {
        return Optional.empty();
    }

    /** What to report when the property held throughout, e.g. how much was compared. */
    default String summary() {
        return "";
    }
}
