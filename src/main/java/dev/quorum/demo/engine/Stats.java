package dev.quorum.demo.engine;

/**
 * Counts for a run: events recorded, messages sent, messages dropped, the time of the last event, and why
 * the run stopped: {@code quiescent} (nothing left to do), {@code max-events}, {@code max-time},
 * {@code max-pending} or {@code violation} (a search stops at the first one).
 */
public record Stats(int events, long messages, long dropped, long simTime, String stoppedBy) {
}
