package dev.quorum.demo.engine;

/**
 * One entry of a Jepsen-style history: a client {@code process} invokes an operation {@code f} with a
 * {@code value} and later sees it complete as {@code ok}, {@code fail} or {@code info} (unknown).
 * {@code i} is the position of the matching trace event. {@code value} is a number, a string or null.
 */
public record HistoryOp(String process, String type, String f, Object value, long t, int i) {
}
