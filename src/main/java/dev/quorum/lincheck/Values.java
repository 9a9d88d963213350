package dev.quorum.lincheck;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values a history holds, in one canonical form so that equal EDN values are equal Java values (and hash
 * alike, which the search's memo needs): {@code null} for nil, {@link Long} for integers ({@link BigInteger}
 * only beyond a long), finite {@link Double}, {@link Boolean}, {@link String}, {@link Character},
 * {@link Keyword}, {@link Symbol}, and unmodifiable {@link List}, {@link Set} and {@link Map} of these.
 */
final class Values {

    /** How deep collections may nest, here and in the EDN reader: far beyond any history, far below the stack. */
    static final int DEPTH_MAX = 64;

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private Values() {
    }

    /** The canonical form of {@code value}; {@code what} names it in the message if it cannot be held. */
    static Object canonical(Object value, String what) {
        return canonical(value, what, 0);
    }

    private static Object canonical(Object v, String what, int depth) {
        if (v == null || v instanceof Long || v instanceof String || v instanceof Boolean || v instanceof Keyword
                || v instanceof Symbol || v instanceof Character) {
            return v;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger b) {
            return b.compareTo(LONG_MIN) >= 0 && b.compareTo(LONG_MAX) <= 0 ? (Object) b.longValue() : b;
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException(what + " is not a finite number: " + d);
            }
            return d;
        }
        if (depth >= DEPTH_MAX && (v instanceof List || v instanceof Set || v instanceof Map)) {
            throw new IllegalArgumentException(what + " nests deeper than " + DEPTH_MAX);
        }
        if (v instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object e : list) {
                copy.add(canonical(e, what, depth + 1));
            }
            return Collections.unmodifiableList(copy);
        }
        if (v instanceof Set<?> set) {
            Set<Object> copy = new LinkedHashSet<>();
            for (Object e : set) {
                copy.add(canonical(e, what, depth + 1));
            }
            return Collections.unmodifiableSet(copy);
        }
        if (v instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                copy.put(canonical(e.getKey(), what, depth + 1), canonical(e.getValue(), what, depth + 1));
            }
            return Collections.unmodifiableMap(copy);
        }
        throw new IllegalArgumentException(what + " is not a value a history can hold: " + v.getClass().getSimpleName());
    }

    /** The value as EDN, for messages: {@code nil}, {@code 3}, {@code [1 2]}, {@code "a"}. */
    static String edn(Object value) {
        StringBuilder out = new StringBuilder();
        EdnWriter.value(out, value);
        return out.toString();
    }
}
