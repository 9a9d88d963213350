package dev.quorum.demo.engine;

import java.util.List;

/**
 * One entry of a Jepsen-style history: a client {@code process} invokes an operation {@code f} with a
 * {@code value} and later sees it complete as {@code ok}, {@code fail} or {@code info} (unknown).
 * {@code i} is the position of the matching trace event. {@code value} is a number, a string, null, or a
 * short list of those (a compare-and-set's {@code [expected new]}).
 */
public record HistoryOp(String process, String type, String f, Object value, long t, int i) {

    /** The longest list a history value may be. */
    public static final int LIST_MAX = 8;

    public HistoryOp {
        value = checkedValue(value);
    }

    private static Object checkedValue(Object value) {
        if (value instanceof List<?> list) {
            if (list.size() > LIST_MAX) {
                throw new IllegalArgumentException("a history value lists at most " + LIST_MAX + " items, got " + list.size());
            }
            for (Object item : list) {
                scalar(item);
            }
            return java.util.Collections.unmodifiableList(new java.util.ArrayList<>(list));
        }
        scalar(value);
        return value;
    }

    private static void scalar(Object v) {
        if (v != null && !(v instanceof Number) && !(v instanceof String)) {
            throw new IllegalArgumentException("a history value is a number, a string, null or a short list of those");
        }
    }
}
