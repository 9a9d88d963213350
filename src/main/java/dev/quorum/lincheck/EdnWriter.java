package dev.quorum.lincheck;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Writes histories and values as the EDN that {@link EdnReader} reads back to the same thing. */
final class EdnWriter {

    private EdnWriter() {
    }

    /** One event per line, in index order, the way Jepsen writes {@code history.edn}. */
    static String history(History history) {
        List<long[]> events = new ArrayList<>();
        for (Operation op : history.operations()) {
            events.add(new long[] {op.invokeIndex(), op.id(), 0});
            if (op.completed()) {
                events.add(new long[] {op.completeIndex(), op.id(), 1});
            }
        }
        events.sort((a, b) -> Long.compare(a[0], b[0]));
        StringBuilder out = new StringBuilder(events.size() * 64);
        for (long[] e : events) {
            Operation op = history.operations().get((int) e[1]);
            boolean invoke = e[2] == 0;
            out.append("{:process ");
            value(out, op.process());
            out.append(", :type :").append(invoke ? "invoke" : op.outcome().keyword());
            out.append(", :f :").append(op.f()).append(", :value ");
            value(out, invoke ? op.input() : op.output());
            long time = invoke ? op.invokeTime() : op.completeTime();
            if (time != Operation.NONE) {
                out.append(", :time ").append(time);
            }
            out.append(", :index ").append(e[0]).append("}\n");
        }
        return out.toString();
    }

    static void value(StringBuilder out, Object v) {
        if (v == null) {
            out.append("nil");
        } else if (v instanceof BigInteger b) {
            out.append(b).append('N');
        } else if (v instanceof String s) {
            string(out, s);
        } else if (v instanceof Character c) {
            character(out, c);
        } else if (v instanceof List<?> list) {
            sequence(out, "[", list, "]");
        } else if (v instanceof Set<?> set) {
            sequence(out, "#{", set, "}");
        } else if (v instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(first ? "" : ", ");
                value(out, e.getKey());
                out.append(' ');
                value(out, e.getValue());
                first = false;
            }
            out.append('}');
        } else {
            out.append(v); // Long, Double, Boolean, Keyword and Symbol print as EDN
        }
    }

    private static void sequence(StringBuilder out, String open, Iterable<?> items, String close) {
        out.append(open);
        boolean first = true;
        for (Object item : items) {
            out.append(first ? "" : " ");
            value(out, item);
            first = false;
        }
        out.append(close);
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void character(StringBuilder out, char c) {
        switch (c) {
            case ' ' -> out.append("\\space");
            case '\n' -> out.append("\\newline");
            case '\t' -> out.append("\\tab");
            case '\r' -> out.append("\\return");
            case '\f' -> out.append("\\formfeed");
            case '\b' -> out.append("\\backspace");
            default -> {
                if (c > 0x20 && c < 0x7f) {
                    out.append('\\').append(c);
                } else {
                    out.append(String.format("\\u%04x", (int) c));
                }
            }
        }
    }
}
