package dev.quorum.lincheck;

/** What the checker concluded; {@code UNKNOWN} when the budget ran out before it could say. */
public enum Verdict {
    LINEARIZABLE, NOT_LINEARIZABLE, UNKNOWN
}
