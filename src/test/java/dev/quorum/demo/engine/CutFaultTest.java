package dev.quorum.demo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One cut link: written {@code cut:n1-n2@120}, it drops messages between those two nodes both ways until a heal. */
class CutFaultTest {

    private static final Limits ROOMY = new Limits(100_000, 1_000_000, 100_000);

    private static Trace chatter(List<Fault> faults, Schedule schedule) {
        Scenario scenario = new Scenario(Chatter.nodes(3, -1, 10, 5), NetworkModel.reliable(1), faults, 0, 0, List.of(), ROOMY);
        return new Simulation(scenario, 1, schedule, false).run("chatter", "correct", java.util.Map.of());
    }

    private static boolean onLink(Envelope m, int a, int b) {
        return (m.from() == a && m.to() == b) || (m.from() == b && m.to() == a);
    }

    @Test
    void aCutIsWrittenAndReadAsOneLine() {
        Fault cut = new Fault.Cut(120, 0, 1);
        assertEquals("cut:n1-n2@120", cut.text());
        assertEquals(List.of(cut), Fault.parse("cut:n1-n2@120", 3));
        assertEquals(List.of(cut), Fault.parse(" CUT:n2-n1@120 ", 3), "the two ends in either order name the same link");
        assertEquals("cut:n2-n3@5,heal@9", Fault.text(Fault.parse("heal@9,cut:n3-n2@5", 3)));
        assertTrue(cut.fits(2));
        assertFalse(new Fault.Cut(1, 0, 2).fits(2));
    }

    @Test
    void aCutNamesTwoDifferentNodesTheRunHas() {
        InvalidParameter self = assertThrows(InvalidParameter.class, () -> Fault.parse("cut:n1-n1@5", 3));
        assertEquals("parameter 'faults': cannot read 'cut:n1-n1@5': a cut link joins two different nodes", self.getMessage());
        InvalidParameter unknown = assertThrows(InvalidParameter.class, () -> Fault.parse("cut:n1-n4@5", 3));
        assertEquals("parameter 'faults': cannot read 'cut:n1-n4@5': this run has nodes n1 to n3", unknown.getMessage());
        assertThrows(InvalidParameter.class, () -> Fault.parse("cut:n1@5", 3));
        assertTrue(assertThrows(InvalidParameter.class, () -> Fault.parse("explode", 3)).getMessage().contains("cut:n1-n2@120"));
    }

    @Test
    void aCutDropsMessagesBothWaysOnThatLinkOnly() {
        Trace trace = chatter(List.of(new Fault.Cut(12, 0, 2)), Schedule.SEEDED);
        TraceEvent cut = trace.events().stream().filter(e -> e.type() == EventType.CUT).findFirst().orElseThrow();
        assertEquals(TraceEvent.NETWORK, cut.node());
        assertEquals(12, cut.t());
        assertFalse(cut.onTimeline());
        assertTrue(trace.toJson().contains("\"node\":null,\"type\":\"cut\",\"text\":\"the link between n1 and n3 is cut: "
                + "messages between them are dropped both ways\",\"link\":[\"n1\",\"n3\"]}"), trace.toJson());
        boolean oneWay = false;
        boolean otherWay = false;
        for (TraceEvent e : trace.events()) {
            if (e.type() == EventType.DROP) {
                Envelope m = e.msg().orElseThrow();
                assertTrue(onLink(m, 0, 2), "only n1–n3 drops: " + m);
                assertEquals("cut", e.label());
                assertTrue(e.t() >= 12);
                oneWay |= m.from() == 0;
                otherWay |= m.from() == 2;
            }
            if (e.type() == EventType.RECEIVE && e.t() > 12) {
                assertFalse(onLink(e.msg().orElseThrow(), 0, 2), "crossed the cut: " + e.msg());
            }
        }
        assertTrue(oneWay && otherWay, "both directions are dropped");
        assertTrue(trace.events().stream().anyMatch(e -> e.type() == EventType.RECEIVE && e.t() > 12
                && onLink(e.msg().orElseThrow(), 0, 1)), "n1 still reaches n2");
        assertTrue(trace.events().stream().anyMatch(e -> e.type() == EventType.RECEIVE && e.t() > 12
                && onLink(e.msg().orElseThrow(), 1, 2)), "and n2 still reaches n3");
        assertEquals(List.of(new Fault.Cut(12, 0, 2)), trace.faults());
    }

    @Test
    void aHealEndsCutsAsWellAsPartitions() {
        List<Fault> faults = List.of(new Fault.Cut(12, 0, 2), new Fault.Heal(30));
        Trace trace = chatter(faults, Schedule.explicit(faults));
        TraceEvent heal = trace.events().stream().filter(e -> e.type() == EventType.HEAL).findFirst().orElseThrow();
        assertEquals(30, heal.t());
        assertEquals("the cut link n1–n3 heals", trace.text(heal));
        assertTrue(trace.toJson().contains("\"type\":\"heal\",\"text\":\"the cut link n1–n3 heals\",\"links\":[[\"n1\",\"n3\"]]}"));
        for (TraceEvent e : trace.events()) {
            if (e.type() == EventType.DROP) {
                assertTrue(e.t() >= 12 && e.t() <= 31, "a drop after the heal, at " + e.t());
            }
        }
        assertTrue(trace.events().stream().anyMatch(e -> e.type() == EventType.RECEIVE && e.t() > 31
                && onLink(e.msg().orElseThrow(), 0, 2)), "n1 and n3 talk again after the heal");
        assertEquals("cut:n1-n3@12,heal@30", Fault.text(trace.faults()));
    }

    @Test
    void aHealOfAPartitionAloneKeepsItsWords() {
        List<Fault> faults = List.of(new Fault.Partition(12, List.of(List.of(0))), new Fault.Heal(30));
        Trace trace = chatter(faults, Schedule.explicit(faults));
        TraceEvent heal = trace.events().stream().filter(e -> e.type() == EventType.HEAL).findFirst().orElseThrow();
        assertEquals("the partition heals", trace.text(heal));
        assertFalse(trace.toJson().contains("\"links\""));
        List<Fault> both = List.of(new Fault.Partition(12, List.of(List.of(0))), new Fault.Cut(14, 1, 2), new Fault.Heal(30));
        Trace t2 = chatter(both, Schedule.explicit(both));
        TraceEvent heal2 = t2.events().stream().filter(e -> e.type() == EventType.HEAL).findFirst().orElseThrow();
        assertEquals("the partition and the cut link n2–n3 heal", t2.text(heal2));
    }

    @Test
    void aMessageSentAcrossACutIsDroppedEvenIfItArrivesAfterTheHeal() {
        // n1 ticks every 5 ms and sends to n2, then n3: its 6th message goes to n3 at 15 ms, inside the cut; held back 20 ms.
        List<Fault> faults = List.of(new Fault.Cut(12, 0, 2), new Fault.Heal(16), new Fault.Delay(0, 6, 20));
        Trace trace = chatter(faults, Schedule.explicit(faults));
        TraceEvent send = trace.events().stream().filter(e -> e.type() == EventType.SEND && e.node() == 0).skip(5)
                .findFirst().orElseThrow();
        Envelope m = send.msg().orElseThrow();
        assertEquals(2, m.to());
        assertEquals(15, send.t());
        TraceEvent end = trace.events().stream().filter(e -> e.msg().isPresent() && e.msg().get().id() == m.id()
                && e.type() != EventType.SEND).findFirst().orElseThrow();
        assertEquals(EventType.DROP, end.type());
        assertTrue(end.t() > 16, "it arrives after the heal");
        assertEquals("cut", end.label());
    }
}
