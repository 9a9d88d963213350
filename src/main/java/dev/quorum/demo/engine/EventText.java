package dev.quorum.demo.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The engine's plain words for an event, used when the protocol wrote none: "n1 sends App #3 to n2". They
 * say what happened, never why; a protocol's {@link Context#describe} says why.
 */
final class EventText {

    /** The longest text a protocol may write for one event. */
    static final int MAX = 300;

    private EventText() {
    }

    /** A protocol's words as a trace holds them: one line, at most {@link #MAX} characters; null when blank. */
    static String oneLine(String words) {
        if (words == null || words.isBlank()) {
            return null;
        }
        String line = words.strip();
        for (int k = 0; k < line.length(); k++) {
            if (line.charAt(k) < 0x20 || line.charAt(k) == '\u2028' || line.charAt(k) == '\u2029') {
                line = line.replaceAll("[\\s\\u2028\\u2029]+", " ");
                break;
            }
        }
        return line.length() <= MAX ? line : line.substring(0, MAX - 1) + "…";
    }

    static String plain(TraceEvent e, List<String> names) {
        String where = e.node() == TraceEvent.NETWORK ? "network" : name(e.node(), names);
        String dup = e.duplicate() ? " (duplicate)" : "";
        Envelope m = e.msg().orElse(null);
        String what = m == null ? "" : m.message().type() + " #" + m.id();
        return switch (e.type()) {
            case SEND -> where + " sends " + what + " to " + name(m.to(), names);
            case RECEIVE -> where + " receives " + what + " from " + name(m.from(), names) + dup;
            case DROP -> what + " from " + name(m.from(), names) + " to " + name(m.to(), names) + " is dropped"
                    + (e.label().isEmpty() ? "" : " (" + reason(e.label()) + ")") + dup;
            case CRASH -> where + " crashes";
            case RECOVER -> where + " recovers";
            case PARTITION -> "partition " + groups(e.groups(), names);
            case CUT -> "the link between " + name(e.link().get(0), names) + " and " + name(e.link().get(1), names)
                    + " is cut: messages between them are dropped both ways";
            case HEAL -> healed(e, names);
            case TIMER -> where + "'s " + e.label() + " timer fires";
            case INVOKE, COMPLETE -> where + (e.type() == EventType.INVOKE ? " invokes " : " completes ") + op((HistoryOp) e.detail(), e, names);
            case LOCAL -> where + " " + (e.label().isEmpty() ? "takes a local step" : e.label());
        };
    }

    private static String reason(String label) {
        return switch (label) {
            case "loss" -> "lost by the network";
            case "crashed" -> "the receiver is down";
            case "partition" -> "partitioned";
            case "cut" -> "the link is cut";
            default -> label;
        };
    }

    private static String op(HistoryOp op, TraceEvent e, List<String> names) {
        String value = op.value() == null ? "" : " " + op.value();
        String outcome = e.type() == EventType.COMPLETE ? " → " + op.type() : "";
        String who = op.process().equals(name(e.node(), names)) ? "" : " for " + op.process();
        return op.f() + value + outcome + who;
    }

    private static String healed(TraceEvent e, List<String> names) {
        List<List<Integer>> links = e.healedLinks();
        if (links.isEmpty()) {
            return "the partition heals";
        }
        List<String> named = new ArrayList<>();
        for (List<Integer> l : links) {
            named.add(name(l.get(0), names) + "–" + name(l.get(1), names));
        }
        String which = (links.size() == 1 ? "the cut link " : "the cut links ") + String.join(", ", named);
        return e.healedPartition() ? "the partition and " + which + " heal" : which + (links.size() == 1 ? " heals" : " heal");
    }

    private static String groups(List<List<Integer>> groups, List<String> names) {
        List<String> sides = new ArrayList<>();
        for (List<Integer> g : groups) {
            sides.add("{" + String.join(", ", g.stream().map(k -> name(k, names)).toList()) + "}");
        }
        return String.join(" | ", sides);
    }

    private static String name(int node, List<String> names) {
        return node >= 0 && node < names.size() ? names.get(node) : "n" + (node + 1);
    }
}
