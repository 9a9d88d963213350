package dev.quorum.demo.engine;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * A small JSON writer whose output depends on nothing but its input: keys in the order given (maps that do
 * not promise an order are sorted, and so are sets: a HashSet's order must never leak), no whitespace but the newlines the caller asks for, numbers as Java
 * prints longs. Records are written as objects of their components, so message bodies need no mapping.
 */
public final class Json {

    private final StringBuilder out;
    private final List<String> nodeNames;

    Json(StringBuilder out, List<String> nodeNames) {
        this.out = out;
        this.nodeNames = nodeNames;
    }

    /** Writes a value on its own, e.g. for a response that wraps a trace. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        new Json(out, List.of()).value(value);
        return out.toString();
    }

    Json raw(String s) {
        out.append(s);
        return this;
    }

    Json key(String name) {
        string(name);
        out.append(':');
        return this;
    }

    Json string(String s) {
        out.append('"');
        if (plain(s)) {
            // Most keys and texts need no escape: one append instead of one per character.
            out.append(s).append('"');
            return this;
        }
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    // Also escape the separators JavaScript source cannot hold and '<', so output is safe inline.
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || c == '<') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
        return this;
    }

    /** An annotation's value, in the shape docs/trace-format.md gives its kind. */
    Json annotation(Value v) {
        if (v instanceof Value.Scalar x) {
            out.append(x.value());
        } else if (v instanceof Value.PerNode p) {
            out.append('{');
            for (int k = 0; k < p.size(); k++) {
                if (k > 0) {
                    out.append(',');
                }
                key(node(k)).out.append(p.entry(k));
            }
            out.append('}');
        } else if (v instanceof Value.Interval i) {
            out.append('{');
            key("lo").out.append(i.lo()).append(',');
            key("hi").out.append(i.hi()).append('}');
        } else if (v instanceof Value.Register r) {
            value(r.value());
        } else if (v instanceof Value.Role r) {
            string(r.name());
        } else if (v instanceof Value.Log l) {
            value(l.entries());
        }
        return this;
    }

    /** Whether {@code s} has no character that {@link #string} escapes. */
    private static boolean plain(String s) {
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return true;
    }

    String node(int index) {
        return index < nodeNames.size() ? nodeNames.get(index) : "n" + (index + 1);
    }

    Json value(Object v) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof String s) {
            string(s);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            out.append(((Number) v).longValue());
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                out.append("null");
            } else {
                out.append(d);
            }
        } else if (v instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (v instanceof Enum<?> e) {
            string(e.name());
        } else if (v instanceof Value x) {
            annotation(x);
        } else if (v instanceof int[] a) {
            out.append('[');
            for (int k = 0; k < a.length; k++) {
                out.append(k > 0 ? "," : "").append(a[k]);
            }
            out.append(']');
        } else if (v instanceof long[] a) {
            out.append('[');
            for (int k = 0; k < a.length; k++) {
                out.append(k > 0 ? "," : "").append(a[k]);
            }
            out.append(']');
        } else if (v instanceof Map<?, ?> m) {
            map(m);
        } else if (v instanceof Set<?> set && !(set instanceof SortedSet) && !(set instanceof LinkedHashSet)) {
            sortedSet(set);
        } else if (v instanceof Collection<?> c) {
            out.append('[');
            boolean first = true;
            for (Object item : c) {
                if (!first) {
                    out.append(',');
                }
                value(item);
                first = false;
            }
            out.append(']');
        } else if (v instanceof Record r) {
            record(r);
        } else {
            string(v.toString());
        }
        return this;
    }

    /** A set without an order, as an array sorted by each element's JSON (so mixed or non-comparable elements sort too). */
    private void sortedSet(Set<?> set) {
        List<String> items = new ArrayList<>(set.size());
        for (Object item : set) {
            StringBuilder one = new StringBuilder();
            new Json(one, nodeNames).value(item);
            items.add(one.toString());
        }
        items.sort(Json::compareJson);
        out.append('[').append(String.join(",", items)).append(']');
    }

    /** Numbers by value (so 9 before 10), anything else by its text. */
    private static int compareJson(String a, String b) {
        boolean na = a.matches("-?\\d+");
        boolean nb = b.matches("-?\\d+");
        if (na && nb) {
            return new java.math.BigInteger(a).compareTo(new java.math.BigInteger(b));
        }
        return na != nb ? (na ? -1 : 1) : a.compareTo(b);
    }

    private void map(Map<?, ?> m) {
        Map<?, ?> ordered = m instanceof SortedMap || m instanceof java.util.LinkedHashMap ? m : sorted(m);
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : ordered.entrySet()) {
            if (!first) {
                out.append(',');
            }
            key(String.valueOf(e.getKey())).value(e.getValue());
            first = false;
        }
        out.append('}');
    }

    /** A map whose iteration order the caller vouches for (a trace's parameters), written in that order. */
    Json inOrder(Map<String, Object> m) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> e : m.entrySet()) {
            if (!first) {
                out.append(',');
            }
            key(e.getKey()).value(e.getValue());
            first = false;
        }
        out.append('}');
        return this;
    }

    private static Map<String, Object> sorted(Map<?, ?> m) {
        Map<String, Object> copy = new TreeMap<>();
        m.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }

    /** A record as an object of its components, in declaration order. */
    Json record(Record r) {
        out.append('{');
        boolean first = true;
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            if (!first) {
                out.append(',');
            }
            key(c.getName()).value(component(r, c));
            first = false;
        }
        out.append('}');
        return this;
    }

    private static Object component(Record r, RecordComponent c) {
        try {
            var accessor = c.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(r);
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + r.getClass().getSimpleName() + "." + c.getName(), e);
        }
    }
}
