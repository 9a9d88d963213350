package dev.quorum.demo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SimulationTest {

    private static final Limits ROOMY = new Limits(100_000, 1_000_000, 100_000);

    private static Scenario chatter(int nodes, NetworkModel network, List<Fault> faults) {
        return new Scenario(Chatter.nodes(nodes, -1, 10, 5), network, faults, 0, 0, List.of(), ROOMY);
    }

    private static final NetworkModel LOSSY = new NetworkModel(new Latency.Exponential(10), 0.2, 0.2, 0.3);

    @Test
    void theSameScenarioAndSeedGiveTheSameBytes() {
        String first = Chatter.run(chatter(4, LOSSY, List.of()), 7).toJson();
        String second = Chatter.run(chatter(4, LOSSY, List.of()), 7).toJson();
        assertEquals(first, second);
        assertNotEquals(first, Chatter.run(chatter(4, LOSSY, List.of()), 8).toJson());
    }

    @Test
    void eventsAreNumberedInOrderAndTimeNeverGoesBack() {
        Trace trace = Chatter.run(chatter(4, LOSSY, List.of()), 3);
        for (int k = 0; k < trace.events().size(); k++) {
            assertEquals(k, trace.events().get(k).i());
            if (k > 0) {
                assertTrue(trace.events().get(k - 1).t() <= trace.events().get(k).t());
            }
        }
        assertEquals("quiescent", trace.stats().stoppedBy());
    }

    @Test
    void everyReceiveAndDropCarriesTheIdOfAnEarlierSend() {
        Trace trace = Chatter.run(chatter(4, LOSSY, List.of()), 11);
        Map<Long, TraceEvent> sends = new HashMap<>();
        int receives = 0;
        int drops = 0;
        for (TraceEvent e : trace.events()) {
            Envelope m = e.msg().orElse(null);
            switch (e.type()) {
                case SEND -> assertEquals(null, sends.put(m.id(), e));
                case RECEIVE, DROP -> {
                    TraceEvent send = sends.get(m.id());
                    assertTrue(send != null && send.i() < e.i(), "no earlier send for " + m.id());
                    assertEquals(send.msg().orElseThrow(), m);
                    assertEquals(m.to(), e.node());
                    if (e.type() == EventType.RECEIVE) {
                        receives++;
                    } else {
                        drops++;
                    }
                }
                default -> {
                }
            }
        }
        assertEquals(trace.stats().messages(), sends.size());
        assertEquals(trace.stats().dropped(), drops);
        assertTrue(receives > 0 && drops > 0);
        assertTrue(trace.events().stream().anyMatch(TraceEvent::duplicate), "some message should be duplicated");
    }

    @Test
    void aReliableNetworkDeliversEveryMessageOnceAfterItsLatency() {
        Trace trace = Chatter.run(chatter(3, NetworkModel.reliable(7), List.of()), 1);
        long sends = count(trace, EventType.SEND);
        assertEquals(3 * 2 * 10, sends);
        assertEquals(sends, count(trace, EventType.RECEIVE));
        for (TraceEvent e : trace.events()) {
            if (e.type() == EventType.RECEIVE) {
                long id = e.msg().orElseThrow().id();
                TraceEvent send = trace.events().stream().filter(s -> s.type() == EventType.SEND && s.msg().orElseThrow().id() == id).findFirst().orElseThrow();
                assertEquals(send.t() + 7, e.t());
            }
        }
    }

    @Test
    void aPartitionDropsMessagesAcrossItUntilItHeals() {
        List<Fault> faults = List.of(new Fault.Partition(12, List.of(List.of(0))), new Fault.Heal(30));
        Trace trace = Chatter.run(chatter(3, NetworkModel.reliable(1), faults), 1);
        TraceEvent partition = only(trace, EventType.PARTITION);
        assertEquals(TraceEvent.NETWORK, partition.node());
        assertTrue(trace.toJson().contains("\"node\":null,\"type\":\"partition\",\"text\":\"partition {n1} | {n2, n3}\",\"groups\":[[\"n1\"],[\"n2\",\"n3\"]]"));
        for (TraceEvent e : trace.events()) {
            if (e.type() == EventType.DROP) {
                assertEquals("partition", e.label());
                assertTrue(e.t() >= 12 && e.t() <= 31, "drop at " + e.t());
                Envelope m = e.msg().orElseThrow();
                assertTrue(m.from() == 0 || m.to() == 0);
            }
            if (e.type() == EventType.RECEIVE && e.t() > 13 && e.t() < 30) {
                Envelope m = e.msg().orElseThrow();
                assertFalse(m.from() == 0 || m.to() == 0, "crossed the partition: " + m);
            }
        }
        assertTrue(count(trace, EventType.DROP) > 0);
        assertEquals(30, only(trace, EventType.HEAL).t());
    }

    @Test
    void aCrashedNodeMissesItsMessagesAndTimersAndRecoversLater() {
        List<Fault> faults = List.of(new Fault.Crash(12, 1), new Fault.Recover(40, 1));
        Trace trace = Chatter.run(chatter(3, NetworkModel.reliable(1), faults), 1);
        assertEquals(12, only(trace, EventType.CRASH).t());
        assertEquals(40, only(trace, EventType.RECOVER).t());
        for (TraceEvent e : trace.events()) {
            if (e.node() == 1 && e.t() > 12 && e.t() < 40) {
                assertTrue(e.type() == EventType.DROP, "n2 acted while down: " + e.type() + " at " + e.t());
                assertEquals("crashed", e.label());
            }
        }
        assertTrue(trace.events().stream().anyMatch(e -> e.node() == 1 && e.type() == EventType.SEND && e.t() > 40),
                "n2 restarts its timer on recovery");
    }

    @Test
    void addingANodeLeavesTheOtherNodesDrawsAlone() {
        // n1 sends only to n2, so its sends are the same in both runs; so must their delays be.
        NetworkModel net = new NetworkModel(new Latency.Exponential(20), 0, 0, 0);
        Trace three = Chatter.run(new Scenario(Chatter.nodes(3, 1, 10, 5), net, List.of(), ROOMY), 5);
        Trace four = Chatter.run(new Scenario(Chatter.nodes(4, 1, 10, 5), net, List.of(), ROOMY), 5);
        assertEquals(delaysOfN1(three), delaysOfN1(four));
        assertEquals(10, delaysOfN1(three).size());
    }

    private static List<Long> delaysOfN1(Trace trace) {
        Map<Long, Long> sentAt = new HashMap<>();
        List<Long> delays = new ArrayList<>();
        for (TraceEvent e : trace.events()) {
            Envelope m = e.msg().orElse(null);
            if (m == null || m.from() != 0) {
                continue;
            }
            if (e.type() == EventType.SEND) {
                sentAt.put(m.id(), e.t());
            } else if (e.type() == EventType.RECEIVE) {
                delays.add(e.t() - sentAt.get(m.id()));
            }
        }
        return delays;
    }

    @Test
    void aRunStopsAtItsEventLimitEvenInsideAHandler() {
        Node flood = new Node() {
            @Override
            public void onStart(Context ctx) {
                for (int k = 0; k < 1_000; k++) {
                    ctx.local("spin");
                }
            }

            @Override
            public void onMessage(Context ctx, int from, Message message) {
            }
        };
        Trace trace = Chatter.run(new Scenario(List.of(flood), NetworkModel.reliable(1), List.of(), new Limits(50, 1000, 100)), 1);
        assertEquals(50, trace.events().size());
        assertEquals("max-events", trace.stats().stoppedBy());
    }

    @Test
    void aRunStopsAtItsTimeLimit() {
        Trace trace = Chatter.run(new Scenario(Chatter.nodes(2, -1, 1_000, 10), NetworkModel.reliable(1), List.of(), new Limits(100_000, 95, 1000)), 1);
        assertEquals("max-time", trace.stats().stoppedBy());
        assertTrue(trace.stats().simTime() <= 95);
        assertEquals(9 * 2, count(trace, EventType.SEND));
    }

    @Test
    void aRunStopsWhenTooMuchIsPending() {
        Trace trace = Chatter.run(new Scenario(Chatter.nodes(8, -1, 100, 1), new NetworkModel(new Latency.Constant(10_000), 0, 0, 0),
                List.of(), new Limits(100_000, 1_000_000, 200)), 1);
        assertEquals("max-pending", trace.stats().stoppedBy());
    }

    @Test
    void timersCanBeCancelled() {
        Node node = new Node() {
            @Override
            public void onStart(Context ctx) {
                long id = ctx.setTimer(new Chatter.Tick(), 5);
                ctx.setTimer(new Chatter.Tick(), 6);
                ctx.cancelTimer(id);
            }

            @Override
            public void onMessage(Context ctx, int from, Message message) {
            }
        };
        Trace trace = Chatter.run(new Scenario(List.of(node), NetworkModel.reliable(1), List.of(), ROOMY), 1);
        assertEquals(1, trace.events().size());
        assertEquals(EventType.TIMER, trace.events().get(0).type());
        assertEquals(6, trace.events().get(0).t());
        assertTrue(trace.toJson().contains("\"timer\":{\"type\":\"Tick\",\"body\":{}}"));
    }

    @Test
    void localClocksCarrySkewAndDrift() {
        List<Long> readings = new ArrayList<>();
        Node reader = new Node() {
            @Override
            public void onStart(Context ctx) {
                ctx.setTimer(new Chatter.Tick(), 1_000_000);
            }

            @Override
            public void onTimer(Context ctx, Timer timer) {
                readings.add(ctx.localTimeMs() - ctx.nowMs());
            }

            @Override
            public void onMessage(Context ctx, int from, Message message) {
            }
        };
        List<Node> nodes = List.of(reader, reader, reader, reader);
        Chatter.run(new Scenario(nodes, NetworkModel.reliable(1), List.of(), 50, 1_000, List.of(), new Limits(100, 2_000_000, 100)), 9);
        assertEquals(4, readings.size());
        for (long offset : readings) {
            assertTrue(Math.abs(offset) <= 50 + 1_000, "offset " + offset);
        }
        assertTrue(readings.stream().distinct().count() > 1, "nodes' clocks should disagree");
    }

    @Test
    void clientOperationsFormAHistory() {
        Node register = new Node() {
            @Override
            public void onStart(Context ctx) {
                ctx.invoke("c1", "write", 3);
                ctx.setTimer(new Chatter.Tick(), 5);
            }

            @Override
            public void onTimer(Context ctx, Timer timer) {
                ctx.complete("c1", "ok", "write", 3);
            }

            @Override
            public void onMessage(Context ctx, int from, Message message) {
            }
        };
        Trace trace = Chatter.run(new Scenario(List.of(register), NetworkModel.reliable(1), List.of(), ROOMY), 1);
        assertEquals(List.of(new HistoryOp("c1", "invoke", "write", 3, 0, 0), new HistoryOp("c1", "ok", "write", 3, 5, 2)), trace.history());
        assertTrue(trace.toJson().contains("\"history\":[{\"process\":\"c1\",\"type\":\"invoke\",\"f\":\"write\",\"value\":3,\"t\":0,\"i\":0},"));
        assertThrows(IllegalStateException.class, () -> Chatter.run(new Scenario(List.of(new Node() {
            @Override
            public void onStart(Context ctx) {
                ctx.complete("c1", "maybe", "write", 3);
            }

            @Override
            public void onMessage(Context ctx, int from, Message message) {
            }
        }), NetworkModel.reliable(1), List.of(), ROOMY), 1));
    }

    /** A node that records one local event and does {@code body} to it. */
    private static Trace annotated(Display display, java.util.function.Consumer<Context> body) {
        Node node = new Node() {
            @Override
            public void onStart(Context ctx) {
                ctx.local("step");
                body.accept(ctx);
            }

            @Override
            public void onMessage(Context ctx, int from, Message message) {
            }
        };
        return Chatter.run(new Scenario(List.of(node, node), NetworkModel.reliable(1), List.of(), ROOMY).withDisplay(display), 1);
    }

    @Test
    void valuesMustBeDeclaredWithTheirKindAndAreWrittenInDeclarationOrder() {
        Display display = Display.of(List.of(Annotation.of("term", Annotation.Kind.SCALAR, "Term", "t").onDiagram(),
                Annotation.of("role", Annotation.Kind.ROLE, "Role", "r"),
                Annotation.of("lease", Annotation.Kind.INTERVAL, "Lease", "l").unit("ms"),
                Annotation.of("seen", Annotation.Kind.VECTOR, "Seen", "s")), List.of(Panel.state("role", "term"), Panel.chart("lease")));
        Trace trace = annotated(display, ctx -> {
            ctx.annotate("lease", Value.interval(5, 9));
            ctx.annotate("role", Value.role("leader"));
            ctx.annotate("term", Value.scalar(2));
            ctx.describe(() -> "n" + (ctx.self() + 1) + " becomes\nleader ");
        });
        String json = trace.toJson();
        assertTrue(json.contains("\"text\":\"n1 becomes leader\",\"label\":\"step\"") || json.contains("\"text\":\"n1 becomes leader\""), json);
        assertTrue(json.contains("\"values\":{\"term\":2,\"role\":\"leader\",\"lease\":{\"lo\":5,\"hi\":9}}"), json);
        assertTrue(json.contains("\"annotations\":[{\"name\":\"term\",\"kind\":\"scalar\",\"label\":\"Term\",\"unit\":\"\",\"diagram\":true"), json);
        assertTrue(json.contains("\"panels\":[{\"kind\":\"state\",\"values\":[\"role\",\"term\"]},{\"kind\":\"chart\",\"values\":[\"lease\"]}]"), json);
        assertEquals(2, trace.events().get(0).scalar("term").getAsLong());

        assertThrows(IllegalStateException.class, () -> annotated(display, ctx -> ctx.annotate("height", Value.scalar(1))));
        assertThrows(IllegalStateException.class, () -> annotated(display, ctx -> ctx.annotate("term", Value.role("leader"))));
        assertThrows(IllegalStateException.class, () -> annotated(display, ctx -> ctx.annotate("seen", Value.vector(new int[] {1}))));
        assertThrows(IllegalArgumentException.class, () -> Display.of(List.of(), List.of(Panel.state("term"))));
        assertThrows(IllegalArgumentException.class, () -> Display.of(List.of(Annotation.of("role", Annotation.Kind.ROLE, "Role", "r")),
                List.of(Panel.chart("role"))), "a chart plots numbers");
        String plain = annotated(Display.NONE, ctx -> { }).toJson();
        assertTrue(plain.contains("\"type\":\"local\",\"text\":\"n1 step\""), "the engine's words when the protocol has none: " + plain);
        String longText = annotated(Display.NONE, ctx -> ctx.describe(() -> "x".repeat(1000))).toJson();
        assertTrue(longText.contains("\"text\":\"" + "x".repeat(EventText.MAX - 1) + "…\""), "cut to one short line");
    }

    @Test
    void theFirstViolatingEventIsMarkedAndTheCheckStopsThere() {
        Invariant noThirdSend = new Invariant() {
            int sends;

            @Override
            public String name() {
                return "at-most-two-sends";
            }

            @Override
            public Optional<String> check(TraceEvent latest, RunView run) {
                return latest.type() == EventType.SEND && ++sends > 2 ? Optional.of("send number " + sends) : Optional.empty();
            }
        };
        Scenario s = new Scenario(Chatter.nodes(2, -1, 5, 5), NetworkModel.reliable(1), List.of(), 0, 0, List.of(noThirdSend), ROOMY);
        Trace trace = Chatter.run(s, 1);
        CheckResult check = trace.checks().get(0);
        assertFalse(check.ok());
        assertEquals("send number 3", check.detail());
        TraceEvent marked = trace.events().get(check.firstViolation().getAsInt());
        assertTrue(marked.violation());
        assertEquals(1, trace.events().stream().filter(TraceEvent::violation).count());
        assertEquals("quiescent", trace.stats().stoppedBy());
    }

    @Test
    void happensBeforeFollowsProgramOrderAndMessages() {
        Trace trace = Chatter.run(new Scenario(Chatter.nodes(2, 1, 1, 5), NetworkModel.reliable(3), List.of(), ROOMY), 1);
        // n1 sends at t=5; n2 receives at t=8; n1's timer events are on its line too.
        TraceEvent send = trace.events().stream().filter(e -> e.type() == EventType.SEND).findFirst().orElseThrow();
        TraceEvent receive = trace.events().stream().filter(e -> e.type() == EventType.RECEIVE).findFirst().orElseThrow();
        TraceEvent n2First = trace.events().stream().filter(e -> e.node() == 1).findFirst().orElseThrow();
        assertTrue(receive.pastOf(0) >= send.position());
        assertTrue(n2First.pastOf(0) == 0 || n2First == receive);
        assertTrue(trace.toJson().contains("\"past\":{\"n1\":"));
    }

    @Test
    void nodesAreCheckedAsTheyAct() {
        Node rude = new Node() {
            @Override
            public void onStart(Context ctx) {
                ctx.send(ctx.self(), new Chatter.Note(1));
            }

            @Override
            public void onMessage(Context ctx, int from, Message message) {
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Chatter.run(new Scenario(List.of(rude, rude), NetworkModel.reliable(1), List.of(), ROOMY), 1));
        assertTrue(e.getMessage().startsWith("n1 failed at t=0 ms: n1 cannot send to node index 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new NetworkModel(new Latency.Constant(1), 1.5, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Limits(0, 10, 10));
        assertThrows(IllegalArgumentException.class, () -> new Scenario(List.of(rude), NetworkModel.reliable(1),
                List.of(new Fault.Crash(1, 3)), 0, 0, List.of(), ROOMY));
    }

    /** A message that is not a record: mutable, and the trace could not show its fields. */
    static final class Mutable implements Message {
        int value;
    }

    static final class Alarm implements Timer {
    }

    @Test
    void messagesAndTimersMustBeRecords() {
        Node sender = new Node() {
            @Override
            public void onStart(Context ctx) {
                ctx.send(1 - ctx.self(), new Mutable());
            }

            @Override
            public void onMessage(Context ctx, int from, Message message) {
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Chatter.run(new Scenario(List.of(sender, sender), NetworkModel.reliable(1), List.of(), ROOMY), 1));
        assertTrue(e.getMessage().contains("a message must be a record") && e.getMessage().contains(Mutable.class.getName()),
                e.getMessage());
        Node timed = new Node() {
            @Override
            public void onStart(Context ctx) {
                ctx.setTimer(new Alarm(), 5);
            }

            @Override
            public void onMessage(Context ctx, int from, Message message) {
            }
        };
        e = assertThrows(IllegalStateException.class,
                () -> Chatter.run(new Scenario(List.of(timed), NetworkModel.reliable(1), List.of(), ROOMY), 1));
        assertTrue(e.getMessage().contains("a timer must be a record") && e.getMessage().contains(Alarm.class.getName()),
                e.getMessage());
    }

    private static long count(Trace trace, EventType type) {
        return trace.events().stream().filter(e -> e.type() == type).count();
    }

    private static TraceEvent only(Trace trace, EventType type) {
        List<TraceEvent> found = trace.events().stream().filter(e -> e.type() == type).toList();
        assertEquals(1, found.size(), type + " events");
        return found.get(0);
    }
}
