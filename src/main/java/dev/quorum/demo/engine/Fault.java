package dev.quorum.demo.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Something that goes wrong in a run. A seeded run draws its faults (the scenario's crashes, partitions and cut links,
 * the network's losses, duplicates and delays, each node's clock error) and its trace lists every one that
 * took effect; a run given an explicit list has exactly those faults, so a trace's list replays it, a reader's
 * clicks edit it, and a counterexample search deletes from it. Each fault has one line of text, the form the
 * trace and permalinks use ({@link #text}, {@link #parse}).
 */
public sealed interface Fault {

    /** A fault scheduled at a moment of simulated time; each appears in the trace as its own event. */
    sealed interface Timed extends Fault {
        long atMs();
    }

    /** What the network does to one message: the {@code nth} (from 1) that {@code node} sends. */
    sealed interface OnMessage extends Fault {
        int node();

        int nth();
    }

    /** A node's physical clock error, present from the start. */
    sealed interface OfClock extends Fault {
        int node();
    }

    /** The node stops: its timers are lost and messages to it are dropped. {@code crash:n2@120} */
    record Crash(long atMs, int node) implements Timed {
    }

    /** The node starts again ({@link Node#onRecover}). {@code recover:n2@170} */
    record Recover(long atMs, int node) implements Timed {
    }

    /**
     * The network splits: messages pass only within a group. Nodes in no group form one group together.
     * A message is dropped if its ends were apart when it was sent or when it arrives. {@code partition:n1.n2|n3@50}
     */
    record Partition(long atMs, List<List<Integer>> groups) implements Timed {
        public Partition {
            groups = groups.stream().map(List::copyOf).toList();
        }
    }

    /**
     * One link fails: messages between {@code a} and {@code b} are dropped both ways, while each still reaches
     * every other node (an asymmetric, or partial, partition). Like a partition, a message is dropped if its ends
     * were cut apart when it was sent or when it arrives. The nodes are kept in order, {@code a < b}.
     * {@code cut:n1-n2@120}
     */
    record Cut(long atMs, int a, int b) implements Timed {
        public Cut {
            if (a == b) {
                throw new IllegalArgumentException("a cut link joins two different nodes, got n" + (a + 1) + " twice");
            }
            if (a > b) {
                int t = a;
                a = b;
                b = t;
            }
        }
    }

    /** Every partition and every cut link ends. {@code heal@200} */
    record Heal(long atMs) implements Timed {
    }

    /** The network loses the message (its first copy, if it is duplicated). {@code drop:n1/3} */
    record Drop(int node, int nth) implements OnMessage {
    }

    /** The network delivers the message twice. {@code dup:n1/3} */
    record Duplicate(int node, int nth) implements OnMessage {
    }

    /** The network holds the message back this much longer than its latency. {@code delay:n1/3/40} */
    record Delay(int node, int nth, long ms) implements OnMessage {
    }

    /** The node's clock reads this far from true time (negative: behind). {@code skew:n2/-50} */
    record Skew(int node, long ms) implements OfClock {
    }

    /** The node's clock runs fast (positive) or slow by this many parts per million. {@code drift:n1/2000} */
    record Drift(int node, long ppm) implements OfClock {
    }

    long SKEW_MS_MAX = Limits.TIME_MS_MAX;
    long DRIFT_PPM_MAX = 500_000;
    /** How many faults one run may be given: more than a trace can show, few enough to parse in no time. */
    int LIST_MAX = 1_000;

    /** Clock errors first, then timed faults by time, then message faults by sender and message. */
    Comparator<Fault> ORDER = Comparator.comparingInt(Fault::rank).thenComparingLong(Fault::sortKey).thenComparingInt(Fault::sortNode)
            .thenComparingInt(f -> f instanceof OnMessage m ? m.nth() : 0).thenComparingInt(Fault::kindRank);

    /** The fault as one line of text, with node names as the trace has them ({@code n1} for node 0). */
    default String text() {
        if (this instanceof Crash c) {
            return "crash:" + name(c.node()) + "@" + c.atMs();
        }
        if (this instanceof Recover r) {
            return "recover:" + name(r.node()) + "@" + r.atMs();
        }
        if (this instanceof Partition p) {
            return "partition:" + String.join("|", p.groups().stream()
                    .map(g -> String.join(".", g.stream().map(Fault::name).toList())).toList()) + "@" + p.atMs();
        }
        if (this instanceof Cut c) {
            return "cut:" + name(c.a()) + "-" + name(c.b()) + "@" + c.atMs();
        }
        if (this instanceof Heal h) {
            return "heal@" + h.atMs();
        }
        if (this instanceof Drop d) {
            return "drop:" + name(d.node()) + "/" + d.nth();
        }
        if (this instanceof Duplicate d) {
            return "dup:" + name(d.node()) + "/" + d.nth();
        }
        if (this instanceof Delay d) {
            return "delay:" + name(d.node()) + "/" + d.nth() + "/" + d.ms();
        }
        if (this instanceof Skew sk) {
            return "skew:" + name(sk.node()) + "/" + sk.ms();
        }
        Drift d = (Drift) this;
        return "drift:" + name(d.node()) + "/" + d.ppm();
    }

    /** Whether the fault names only nodes below {@code nodes}. */
    default boolean fits(int nodes) {
        if (this instanceof Partition p) {
            return p.groups().stream().flatMap(List::stream).allMatch(k -> k < nodes);
        }
        if (this instanceof Cut c) {
            return c.b() < nodes;
        }
        return this instanceof Heal || sortNode() < nodes;
    }

    private static String name(int node) {
        return "n" + (node + 1);
    }

    private int rank() {
        return this instanceof OfClock ? 0 : this instanceof Timed ? 1 : 2;
    }

    private long sortKey() {
        return this instanceof Timed t ? t.atMs() : 0;
    }

    private int sortNode() {
        if (this instanceof Crash c) {
            return c.node();
        }
        if (this instanceof Recover r) {
            return r.node();
        }
        if (this instanceof Cut c) {
            return c.a();
        }
        if (this instanceof OnMessage m) {
            return m.node();
        }
        return this instanceof OfClock c ? c.node() : -1;
    }

    /** Ties between faults at one moment, or on one message, break in the order of {@link Kinds#ORDER}. */
    private int kindRank() {
        return Kinds.ORDER.indexOf(getClass());
    }

    /** The kinds of fault in tie-breaking order; a holder class, since an interface cannot keep a private constant. */
    final class Kinds {
        static final List<Class<?>> ORDER = List.of(Skew.class, Drift.class, Crash.class, Recover.class, Partition.class,
                Cut.class, Heal.class, Drop.class, Duplicate.class, Delay.class);

        private Kinds() {
        }
    }

    /**
     * Reads a list of faults written as {@link #text}, separated by commas (white space around them ignored),
     * for a run of {@code nodes} nodes; returns them in {@link #ORDER}. Anything malformed, out of range or
     * naming a node the run does not have is an {@link InvalidParameter} that quotes it.
     */
    static List<Fault> parse(String list, int nodes) {
        List<Fault> faults = new ArrayList<>();
        if (list == null || list.isBlank()) {
            return faults;
        }
        String[] items = list.split(",", -1);
        if (items.length > LIST_MAX) {
            throw new InvalidParameter("parameter 'faults' lists " + items.length + " faults; at most " + LIST_MAX);
        }
        for (String item : items) {
            faults.add(Parser.one(item.strip(), nodes));
        }
        faults.sort(ORDER);
        return faults;
    }

    /** The list as {@link #parse} reads it. */
    static String text(List<Fault> faults) {
        return String.join(",", faults.stream().sorted(ORDER).map(Fault::text).toList());
    }

    /** The grammar of one fault; kept apart so the interface shows the vocabulary, not the parsing. */
    final class Parser {
        private static final String NODE = "n(\\d{1,3})";
        private static final String NUMBER = "(-?\\d{1,9})";
        private static final Pattern TIMED = Pattern.compile("(crash|recover):" + NODE + "@(\\d{1,9})");
        private static final Pattern PARTITION = Pattern.compile("partition:([n0-9.|]{1,400})@(\\d{1,9})");
        private static final Pattern CUT = Pattern.compile("cut:" + NODE + "-" + NODE + "@(\\d{1,9})");
        private static final Pattern HEAL = Pattern.compile("heal@(\\d{1,9})");
        private static final Pattern MESSAGE = Pattern.compile("(drop|dup):" + NODE + "/(\\d{1,6})");
        private static final Pattern DELAY = Pattern.compile("delay:" + NODE + "/(\\d{1,6})/(\\d{1,9})");
        private static final Pattern CLOCK = Pattern.compile("(skew|drift):" + NODE + "/" + NUMBER);

        private Parser() {
        }

        static Fault one(String item, int nodes) {
            String s = item.toLowerCase(Locale.ROOT);
            Matcher m;
            if ((m = TIMED.matcher(s)).matches()) {
                int node = node(m.group(2), nodes, item);
                long at = time(m.group(3), item);
                return m.group(1).equals("crash") ? new Crash(at, node) : new Recover(at, node);
            }
            if ((m = PARTITION.matcher(s)).matches()) {
                List<List<Integer>> groups = new ArrayList<>();
                boolean[] seen = new boolean[nodes];
                for (String group : m.group(1).split("\\|", -1)) {
                    List<Integer> members = new ArrayList<>();
                    for (String name : group.split("\\.", -1)) {
                        Matcher n = Pattern.compile(NODE).matcher(name);
                        if (!n.matches()) {
                            throw bad(item, "a partition lists node names such as n1, groups separated by '|' and members by '.'");
                        }
                        int node = node(n.group(1), nodes, item);
                        if (seen[node]) {
                            throw bad(item, "n" + (node + 1) + " is in two groups");
                        }
                        seen[node] = true;
                        members.add(node);
                    }
                    groups.add(members);
                }
                return new Partition(time(m.group(2), item), groups);
            }
            if ((m = CUT.matcher(s)).matches()) {
                int a = node(m.group(1), nodes, item);
                int b = node(m.group(2), nodes, item);
                if (a == b) {
                    throw bad(item, "a cut link joins two different nodes");
                }
                return new Cut(time(m.group(3), item), a, b);
            }
            if ((m = HEAL.matcher(s)).matches()) {
                return new Heal(time(m.group(1), item));
            }
            if ((m = MESSAGE.matcher(s)).matches()) {
                int node = node(m.group(2), nodes, item);
                int nth = nth(m.group(3), item);
                return m.group(1).equals("drop") ? new Drop(node, nth) : new Duplicate(node, nth);
            }
            if ((m = DELAY.matcher(s)).matches()) {
                long ms = Long.parseLong(m.group(3));
                if (ms > Limits.LATENCY_MS_MAX) {
                    throw bad(item, "a delay is at most " + Limits.LATENCY_MS_MAX + " ms");
                }
                return new Delay(node(m.group(1), nodes, item), nth(m.group(2), item), ms);
            }
            if ((m = CLOCK.matcher(s)).matches()) {
                int node = node(m.group(2), nodes, item);
                long value = Long.parseLong(m.group(3));
                if (m.group(1).equals("skew")) {
                    if (Math.abs(value) > SKEW_MS_MAX) {
                        throw bad(item, "a skew is at most " + SKEW_MS_MAX + " ms either way");
                    }
                    return new Skew(node, value);
                }
                if (Math.abs(value) > DRIFT_PPM_MAX) {
                    throw bad(item, "a drift is at most " + DRIFT_PPM_MAX + " ppm either way");
                }
                return new Drift(node, value);
            }
            throw bad(item, "expected one of crash:n2@120, recover:n2@170, partition:n1.n2|n3@50, cut:n1-n2@120, "
                    + "heal@200, drop:n1/3, dup:n1/3, delay:n1/3/40, skew:n2/-50, drift:n1/2000");
        }

        private static int node(String digits, int nodes, String item) {
            int k = Integer.parseInt(digits);
            if (k < 1 || k > nodes) {
                throw bad(item, "this run has nodes n1 to n" + nodes);
            }
            return k - 1;
        }

        private static long time(String digits, String item) {
            long at = Long.parseLong(digits);
            if (at > Limits.TIME_MS_MAX) {
                throw bad(item, "times are at most " + Limits.TIME_MS_MAX + " ms");
            }
            return at;
        }

        private static int nth(String digits, String item) {
            int nth = Integer.parseInt(digits);
            if (nth < 1) {
                throw bad(item, "messages are counted from 1");
            }
            return nth;
        }

        private static InvalidParameter bad(String item, String why) {
            return new InvalidParameter("parameter 'faults': cannot read '" + ParamSpec.shown(item) + "': " + why);
        }
    }
}
