package dev.quorum.demo.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A discrete-event simulator: one queue ordered by (simulated time, sequence number), handlers run one at a
 * time, time jumps from one queued item to the next. No threads, no wall clock, no I/O: the same scenario
 * and seed give the same trace, event for event.
 */
public final class Simulation implements RunView {

    private final Scenario scenario;
    private final long seed;
    private final Schedule schedule;
    /** Explicit message faults by sender and ordinal ({@link #messageKey}); empty for a seeded run. */
    private final Map<Long, List<Fault.OnMessage>> messageFaults = new TreeMap<>();
    /** Every fault that took effect, as the trace lists it. */
    private final List<Fault> taken = new ArrayList<>();
    private final int[] sends;
    /** The faults this run starts with: the scenario's when seeded, the schedule's otherwise; in {@link Fault#ORDER}. */
    private final List<Fault> planned;
    private final boolean stopOnViolation;
    private final int n;
    private final List<String> names;
    private final Limits limits;
    private final NetworkModel network;
    private final long reorderMsMax;

    private final PriorityQueue<Pending> queue = new PriorityQueue<>();
    private long seq;
    private long now;
    private long nextMessageId = 1;
    private long nextTimerId = 1;

    private final SplittableRandom[] protocolRandom;
    private final SplittableRandom[] networkRandom;
    private final long[] skewMs;
    private final long[] driftPpm;
    private final boolean[] up;
    private final int[] epoch;
    private final int[] group;
    /** {@code cut[a][b]}: the link between a and b drops messages both ways ({@link Fault.Cut}). */
    private final boolean[][] cut;
    private final Set<Long> cancelledTimers = new HashSet<>();

    private final ArrayList<TraceEvent> events = new ArrayList<>();
    private final List<TraceEvent> eventsView = Collections.unmodifiableList(events);
    private final ArrayList<HistoryOp> history = new ArrayList<>();
    private final List<HistoryOp> historyView = Collections.unmodifiableList(history);
    private final int[][] timeline;
    private final ArrayList<int[]> sendPast = new ArrayList<>();
    private long messages;
    private long dropped;

    private final Display display;
    private final List<Annotation> declared;

    private final Invariant[] invariants;
    private final int[] firstViolation;
    private final String[] violationDetail;
    private int checked;
    private boolean violated;

    private final Handler handler = new Handler();
    /** Whether protocols' descriptions are made; off for runs nobody will read ({@link #withoutWords}). */
    private boolean words = true;

    public Simulation(Scenario scenario, long seed, boolean stopOnViolation) {
        this(scenario, seed, Schedule.SEEDED, stopOnViolation);
    }

    /**
     * The same run without the protocol's words: identical events, values and checks, but each event's text is
     * the engine's plain one. For the many runs a counterexample search makes and shows none of.
     */
    Simulation withoutWords() {
        this.words = false;
        return this;
    }

    /** A run with the faults of {@code schedule}: drawn from the seed, or exactly those listed. */
    public Simulation(Scenario scenario, long seed, Schedule schedule, boolean stopOnViolation) {
        this.scenario = scenario;
        this.display = scenario.display();
        this.declared = display.annotations();
        this.seed = seed;
        this.schedule = schedule;
        this.stopOnViolation = stopOnViolation;
        this.n = scenario.nodes().size();
        this.limits = scenario.limits();
        this.network = scenario.network();
        this.reorderMsMax = 4 * Math.max(1, network.latency().meanMs());
        String[] nodeNames = new String[n];
        protocolRandom = new SplittableRandom[n];
        networkRandom = new SplittableRandom[n];
        skewMs = new long[n];
        driftPpm = new long[n];
        for (int k = 0; k < n; k++) {
            nodeNames[k] = "n" + (k + 1);
            protocolRandom[k] = RandomStreams.stream(seed, RandomStreams.PROTOCOL, k);
            networkRandom[k] = RandomStreams.stream(seed, RandomStreams.NETWORK, k);
            SplittableRandom clock = RandomStreams.stream(seed, RandomStreams.CLOCK, k);
            long skew = clock.nextLong(-scenario.clockSkewMsMax(), scenario.clockSkewMsMax() + 1);
            long drift = clock.nextLong(-scenario.clockDriftPpmMax(), scenario.clockDriftPpmMax() + 1);
            if (schedule.seeded()) {
                skewMs[k] = skew;
                driftPpm[k] = drift;
            }
        }
        sends = new int[n];
        planned = (schedule.seeded() ? scenario.faults() : schedule.faults()).stream().sorted(Fault.ORDER).toList();
        for (Fault f : planned) {
            if (!f.fits(n)) {
                throw new InvalidParameter("fault " + f.text() + " names a node this run does not have (it has n1 to n" + n + ")");
            }
            if (f instanceof Fault.Skew sk) {
                skewMs[sk.node()] = sk.ms();
            } else if (f instanceof Fault.Drift d) {
                driftPpm[d.node()] = d.ppm();
            } else if (f instanceof Fault.OnMessage m) {
                messageFaults.computeIfAbsent(messageKey(m.node(), m.nth()), key -> new ArrayList<>()).add(m);
            }
        }
        for (int k = 0; k < n; k++) {
            if (skewMs[k] != 0) {
                taken.add(new Fault.Skew(k, skewMs[k]));
            }
            if (driftPpm[k] != 0) {
                taken.add(new Fault.Drift(k, driftPpm[k]));
            }
        }
        this.names = List.of(nodeNames);
        up = new boolean[n];
        Arrays.fill(up, true);
        epoch = new int[n];
        group = new int[n];
        cut = new boolean[n][n];
        timeline = new int[n][];
        invariants = scenario.invariants().toArray(new Invariant[0]);
        firstViolation = new int[invariants.length];
        Arrays.fill(firstViolation, -1);
        violationDetail = new String[invariants.length];
    }

    /** Runs to the end (or a limit) and returns the trace, labelled with what was asked for. */
    public Trace run(String demo, String variant, Map<String, Object> params) {
        for (int k = 0; k < n; k++) {
            push(0, new Start(k));
        }
        // In one order whatever the source, so faults at the same instant happen alike in a run and its replay.
        for (Fault f : planned) {
            if (f instanceof Fault.Timed t) {
                push(t.atMs(), new Scheduled(t));
            }
        }
        String stoppedBy = loop();
        List<CheckResult> checks = finishChecks();
        long simTime = events.isEmpty() ? 0 : events.get(events.size() - 1).t();
        Stats stats = new Stats(events.size(), messages, dropped, simTime, stoppedBy);
        return new Trace(demo, variant, seed, params, schedule, taken, names, display, events, history, checks, stats);
    }

    private String loop() {
        try {
            while (!queue.isEmpty()) {
                Pending next = queue.peek();
                if (next.time > limits.maxTimeMs()) {
                    return "max-time";
                }
                if (events.size() >= limits.maxEvents()) {
                    return "max-events";
                }
                queue.poll();
                now = next.time;
                step(next.item);
                checkInvariants();
                if (stopOnViolation && violated) {
                    return "violation";
                }
            }
            return "quiescent";
        } catch (LimitReached e) {
            checkInvariants();
            return e.reason;
        }
    }

    private void step(Item item) {
        if (item instanceof Delivery d) {
            deliver(d);
        } else if (item instanceof Firing f) {
            fire(f);
        } else if (item instanceof Start s) {
            handler.run(s.node, null, () -> scenario.nodes().get(s.node).onStart(handler));
        } else if (item instanceof Scheduled s) {
            fault(s.fault);
        }
    }

    private void deliver(Delivery d) {
        Envelope env = d.envelope;
        String reason = d.lost ? "loss"
                : !up[env.to()] ? "crashed"
                : d.apartAtSend || group[env.from()] != group[env.to()] ? "partition"
                : d.cutAtSend || cut[env.from()][env.to()] ? "cut"
                : null;
        if (reason != null) {
            dropped++;
            record(env.to(), EventType.DROP, env, reason, null, d.duplicate);
            return;
        }
        TraceEvent head = record(env.to(), EventType.RECEIVE, env, null, null, d.duplicate);
        handler.run(env.to(), head, () -> scenario.nodes().get(env.to()).onMessage(handler, env.from(), env.message()));
    }

    private void fire(Firing f) {
        if (cancelledTimers.remove(f.id) || !up[f.node] || epoch[f.node] != f.epoch) {
            return;
        }
        TraceEvent head = f.timer.traced() ? record(f.node, EventType.TIMER, null, f.timer.type(), f.timer, false) : null;
        handler.run(f.node, head, () -> scenario.nodes().get(f.node).onTimer(handler, f.timer));
    }

    private void fault(Fault.Timed fault) {
        if (fault instanceof Fault.Crash c) {
            if (up[c.node()]) {
                taken.add(c);
                up[c.node()] = false;
                epoch[c.node()]++;
                record(c.node(), EventType.CRASH, null, null, null, false);
                scenario.nodes().get(c.node()).onCrash();
            }
        } else if (fault instanceof Fault.Recover r) {
            if (!up[r.node()]) {
                taken.add(r);
                up[r.node()] = true;
                TraceEvent head = record(r.node(), EventType.RECOVER, null, null, null, false);
                handler.run(r.node(), head, () -> scenario.nodes().get(r.node()).onRecover(handler));
            }
        } else if (fault instanceof Fault.Partition p) {
            taken.add(p);
            List<List<Integer>> groups = partition(p.groups());
            record(TraceEvent.NETWORK, EventType.PARTITION, null, null, groups, false);
        } else if (fault instanceof Fault.Cut c) {
            taken.add(c);
            cut[c.a()][c.b()] = true;
            cut[c.b()][c.a()] = true;
            record(TraceEvent.NETWORK, EventType.CUT, null, null, List.of(c.a(), c.b()), false);
        } else if (fault instanceof Fault.Heal h) {
            taken.add(h);
            boolean partitioned = false;
            for (int k = 1; k < n; k++) {
                partitioned |= group[k] != group[0];
            }
            Arrays.fill(group, 0);
            List<List<Integer>> links = new ArrayList<>();
            for (int a = 0; a < n; a++) {
                for (int b = a + 1; b < n; b++) {
                    if (cut[a][b]) {
                        links.add(List.of(a, b));
                        cut[a][b] = false;
                        cut[b][a] = false;
                    }
                }
            }
            // A heal that ends no cut is written as it always was, so traces without cuts keep their bytes.
            record(TraceEvent.NETWORK, EventType.HEAL, null, null,
                    links.isEmpty() ? null : new TraceEvent.Healed(partitioned, List.copyOf(links)), false);
        }
    }

    /** Assigns group numbers; returns every group, the leftover one included, each sorted. */
    private List<List<Integer>> partition(List<List<Integer>> given) {
        Arrays.fill(group, given.size());
        for (int g = 0; g < given.size(); g++) {
            for (int node : given.get(g)) {
                group[node] = g;
            }
        }
        List<List<Integer>> all = new ArrayList<>();
        for (int g = 0; g <= given.size(); g++) {
            List<Integer> members = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                if (group[k] == g) {
                    members.add(k);
                }
            }
            if (!members.isEmpty()) {
                all.add(List.copyOf(members));
            }
        }
        return List.copyOf(all);
    }

    private TraceEvent record(int node, EventType type, Envelope msg, String label, Object detail, boolean duplicate) {
        if (events.size() >= limits.maxEvents()) {
            throw new LimitReached("max-events");
        }
        TraceEvent e = new TraceEvent(events.size(), now, node, type, msg, declared, label, detail, duplicate);
        if (type.onTimeline()) {
            int[] past = timeline[node] == null ? new int[n] : timeline[node].clone();
            if (type == EventType.RECEIVE) {
                int[] sent = sendPast.get((int) (msg.id() - 1));
                for (int k = 0; k < n; k++) {
                    past[k] = Math.max(past[k], sent[k]);
                }
            }
            past[node]++;
            timeline[node] = past;
            e.past(past);
            if (type == EventType.SEND) {
                sendPast.add(past);
            }
        }
        events.add(e);
        return e;
    }

    /** What the network does to one message, set by {@link #decideFate}; fields, so a send allocates nothing for it. */
    private boolean fateLost;
    private boolean fateDuplicated;
    private long fateExtraMs;

    /**
     * Decides what happens to the {@code nth} message of {@code node}: in a seeded run what the network model drew
     * (a duplicate whose copy would be lost counts as no duplicate, so the fault list replays it), in an explicit
     * one what the schedule lists for it. Each decision that is a fault goes on the trace's list.
     */
    private void decideFate(int node, int nth, boolean drawnLoss, boolean drawnDuplicate, long drawnExtraMs) {
        if (schedule.seeded()) {
            fateLost = drawnLoss;
            fateDuplicated = drawnDuplicate;
            fateExtraMs = drawnExtraMs;
            if (drawnLoss) {
                taken.add(new Fault.Drop(node, nth));
            }
            if (drawnDuplicate) {
                taken.add(new Fault.Duplicate(node, nth));
            }
            if (drawnExtraMs > 0) {
                taken.add(new Fault.Delay(node, nth, drawnExtraMs));
            }
            return;
        }
        fateLost = false;
        fateDuplicated = false;
        fateExtraMs = 0;
        for (Fault.OnMessage m : messageFaults.getOrDefault(messageKey(node, nth), List.of())) {
            taken.add(m);
            if (m instanceof Fault.Drop) {
                fateLost = true;
            } else if (m instanceof Fault.Duplicate) {
                fateDuplicated = true;
            } else if (m instanceof Fault.Delay d) {
                fateExtraMs += d.ms();
            }
        }
    }

    private static long messageKey(int node, int nth) {
        return ((long) node << 32) | nth;
    }

    /**
     * A timer runs on its node's own clock: a delay of d on a clock running {@code ppm} fast passes after
     * d / (1 + ppm/10^6) of true time, rounded up, so a fast node's timers fire early and a slow one's late.
     */
    static long trueDelayMs(long localDelayMs, long ppm) {
        long rate = 1_000_000L + ppm;
        return ppm == 0 ? localDelayMs : Math.floorDiv(localDelayMs * 1_000_000L + rate - 1, rate);
    }

    private void push(long time, Item item) {
        if (queue.size() >= limits.maxPending()) {
            throw new LimitReached("max-pending");
        }
        queue.add(new Pending(time, seq++, item));
    }

    private void checkInvariants() {
        for (; checked < events.size(); checked++) {
            TraceEvent e = events.get(checked);
            for (int k = 0; k < invariants.length; k++) {
                if (firstViolation[k] >= 0) {
                    continue;
                }
                var found = invariants[k].check(e, this);
                if (found.isPresent()) {
                    firstViolation[k] = e.i();
                    violationDetail[k] = found.get();
                    e.markViolation();
                    violated = true;
                }
            }
        }
    }

    private List<CheckResult> finishChecks() {
        List<CheckResult> results = new ArrayList<>();
        for (int k = 0; k < invariants.length; k++) {
            Invariant inv = invariants[k];
            if (firstViolation[k] >= 0) {
                results.add(new CheckResult(inv.name(), false, violationDetail[k], OptionalInt.of(firstViolation[k])));
                continue;
            }
            var atEnd = inv.atEnd(this);
            results.add(atEnd.map(d -> new CheckResult(inv.name(), false, d, OptionalInt.empty()))
                    .orElseGet(() -> new CheckResult(inv.name(), true, inv.summary(), OptionalInt.empty())));
        }
        return results;
    }

    @Override
    public List<TraceEvent> events() {
        return eventsView;
    }

    @Override
    public int nodeCount() {
        return n;
    }

    @Override
    public String name(int node) {
        return names.get(node);
    }

    @Override
    public List<HistoryOp> history() {
        return historyView;
    }

    /** The context handed to a node: one object, re-aimed at each handler call. */
    private final class Handler implements Context {

        private int self;
        private TraceEvent head;
        private TraceEvent latest;

        void run(int node, TraceEvent handled, Runnable body) {
            self = node;
            head = handled;
            latest = handled;
            try {
                body.run();
            } catch (LimitReached e) {
                throw e;
            } catch (RuntimeException e) {
                throw new IllegalStateException(names.get(node) + " failed at t=" + now + " ms: " + e.getMessage(), e);
            } finally {
                head = null;
                latest = null;
            }
        }

        @Override
        public int self() {
            return self;
        }

        @Override
        public int nodeCount() {
            return n;
        }

        @Override
        public String name(int node) {
            return names.get(node);
        }

        @Override
        public List<String> names() {
            return names;
        }

        @Override
        public SplittableRandom random() {
            return protocolRandom[self];
        }

        @Override
        public long nowMs() {
            return now;
        }

        @Override
        public long localTimeMs() {
            return now + skewMs[self] + Math.floorDiv(now * driftPpm[self], 1_000_000L);
        }

        @Override
        public void send(int to, Message message) {
            requireRecord("message", message);
            if (to < 0 || to >= n || to == self) {
                throw new IllegalArgumentException(names.get(self) + " cannot send to node index " + to);
            }
            Envelope env = new Envelope(nextMessageId++, self, to, message);
            latest = record(self, EventType.SEND, env, null, null, false);
            messages++;
            // A fixed number of draws per send keeps the sender's stream aligned whatever the network decides.
            SplittableRandom r = networkRandom[self];
            double loss1 = r.nextDouble();
            double loss2 = r.nextDouble();
            double duplicate = r.nextDouble();
            double reorder = r.nextDouble();
            long delay1 = network.latency().sampleMs(r);
            long delay2 = network.latency().sampleMs(r);
            long extra1 = Math.floorMod(r.nextLong(), reorderMsMax + 1);
            long extra2 = Math.floorMod(r.nextLong(), reorderMsMax + 1);
            boolean apart = group[self] != group[to];
            boolean cutApart = cut[self][to];
            decideFate(self, ++sends[self], loss1 < network.loss(), duplicate < network.duplication() && !(loss2 < network.loss()),
                    reorder < network.reordering() ? extra1 : 0);
            boolean lost = fateLost;
            boolean duplicated = fateDuplicated;
            long extraMs = fateExtraMs;
            // Every message takes some time: a receive is never at the instant of its send.
            push(now + Math.max(1, delay1) + extraMs, new Delivery(env, lost, apart, cutApart, false));
            if (duplicated) {
                push(now + Math.max(1, delay2) + extraMs, new Delivery(env, false, apart, cutApart, true));
            }
        }

        @Override
        public void broadcast(Message message) {
            for (int to = 0; to < n; to++) {
                if (to != self) {
                    send(to, message);
                }
            }
        }

        @Override
        public long setTimer(Timer timer, long delayMs) {
            requireRecord("timer", timer);
            Check.range("timer delay", delayMs, 0, Limits.TIME_MS_MAX);
            long id = nextTimerId++;
            push(now + trueDelayMs(delayMs, driftPpm[self]), new Firing(self, id, epoch[self], timer));
            return id;
        }

        /** Messages and timers are immutable records: the trace shows their components, and nothing can change them in flight. */
        private static void requireRecord(String what, Object value) {
            if (value == null) {
                throw new IllegalArgumentException("a " + what + " must not be null");
            }
            if (!(value instanceof Record)) {
                throw new IllegalArgumentException("a " + what + " must be a record (immutable, shown in the trace by its "
                        + "components), got " + value.getClass().getName());
            }
        }

        @Override
        public void cancelTimer(long timerId) {
            cancelledTimers.add(timerId);
        }

        @Override
        public void local(String label) {
            latest = record(self, EventType.LOCAL, null, label, null, false);
        }

        @Override
        public void annotate(String name, Value value) {
            if (latest == null) {
                throw new IllegalStateException("no event to set '" + name + "' on (an untraced timer or the start)");
            }
            int k = display.indexOf(name);
            if (k < 0) {
                throw new IllegalArgumentException("value '" + name + "' is not declared in the scenario's display");
            }
            Annotation a = declared.get(k);
            if (value == null || value.kind() != a.kind()) {
                throw new IllegalArgumentException("value '" + name + "' is declared " + a.kind().json() + ", got "
                        + (value == null ? "null" : value.kind().json()));
            }
            if (value instanceof Value.PerNode p && p.size() != n) {
                throw new IllegalArgumentException("value '" + name + "' needs " + n + " entries, one per node, got " + p.size());
            }
            latest.value(k, value);
        }

        @Override
        public void describe(java.util.function.Supplier<String> text) {
            if (latest == null) {
                throw new IllegalStateException("no event to describe (an untraced timer or the start)");
            }
            java.util.Objects.requireNonNull(text, "text");
            if (words) {
                latest.text(EventText.oneLine(text.get()));
            }
        }

        @Override
        public void invoke(String process, String f, Object value) {
            operation(EventType.INVOKE, process, "invoke", f, value);
        }

        @Override
        public void complete(String process, String outcome, String f, Object value) {
            if (!outcome.equals("ok") && !outcome.equals("fail") && !outcome.equals("info")) {
                throw new IllegalArgumentException("an outcome is ok, fail or info, got '" + outcome + "'");
            }
            operation(EventType.COMPLETE, process, outcome, f, value);
        }

        private void operation(EventType type, String process, String outcome, String f, Object value) {
            HistoryOp op = new HistoryOp(process, outcome, f, value, now, events.size());
            latest = record(self, type, null, f, op, false);
            history.add(op);
        }
    }

    private sealed interface Item permits Start, Delivery, Firing, Scheduled {
    }

    private record Start(int node) implements Item {
    }

    private record Delivery(Envelope envelope, boolean lost, boolean apartAtSend, boolean cutAtSend, boolean duplicate)
            implements Item {
    }

    private record Firing(int node, long id, int epoch, Timer timer) implements Item {
    }

    private record Scheduled(Fault.Timed fault) implements Item {
    }

    private static final class Pending implements Comparable<Pending> {
        final long time;
        final long seq;
        final Item item;

        Pending(long time, long seq, Item item) {
            this.time = time;
            this.seq = seq;
            this.item = item;
        }

        @Override
        public int compareTo(Pending o) {
            int c = Long.compare(time, o.time);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    /** Unwinds a handler that hit a bound; carries the bound's name into the trace's stats. */
    private static final class LimitReached extends RuntimeException {
        final String reason;

        LimitReached(String reason) {
            super(reason, null, false, false);
            this.reason = reason;
        }
    }
}
