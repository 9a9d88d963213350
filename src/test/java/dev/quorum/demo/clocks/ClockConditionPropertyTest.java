package dev.quorum.demo.clocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorum.demo.engine.CheckResult;
import dev.quorum.demo.engine.Demo;
import dev.quorum.demo.engine.EventType;
import dev.quorum.demo.engine.Params;
import dev.quorum.demo.engine.Value;
import dev.quorum.demo.engine.Trace;
import dev.quorum.demo.engine.TraceEvent;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The clock checks against a brute-force oracle: happens-before rebuilt from the trace alone (program order on each
 * node, and each send before every receive of the same message id), closed transitively, then every pair compared.
 * Over 200 seeds of a rough network, each check's verdict and first violation must be the oracle's.
 */
class ClockConditionPropertyTest {

    private static final Map<String, String> ROUGH = Map.of("nodes", "4", "steps", "8", "lossPercent", "20",
            "duplicatePercent", "20", "reorderPercent", "40", "crashes", "2", "partitionMs", "60", "skewMs", "40", "driftPpm", "500");
    private static final int SEEDS = 200;

    @ParameterizedTest
    @CsvSource({"lamport-clocks,correct", "lamport-clocks,no-max", "vector-clocks,correct", "vector-clocks,no-merge"})
    void verdictsAndFirstViolationsAgreeWithBruteForce(String id, String variant) {
        Demo demo = id.equals("lamport-clocks") ? new LamportClocks() : new VectorClocks();
        Params params = Params.parse(demo.params(), ROUGH);
        int failing = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            Trace trace = demo.run(demo.variant(variant), seed, params);
            CheckResult check = trace.checks().get(0);
            OptionalInt expected = id.equals("lamport-clocks") ? firstLamportViolation(trace) : firstVectorViolation(trace);
            String where = id + " " + variant + " seed " + seed;
            assertEquals(expected.isEmpty(), check.ok(), where + ": " + check);
            assertEquals(expected, check.firstViolation(), where + ": " + check.detail());
            if (expected.isPresent()) {
                failing++;
            }
        }
        if (demo.variant(variant).correct()) {
            assertEquals(0, failing, "the correct clock never fails");
        } else {
            assertTrue(failing > SEEDS / 10, "the broken clock fails often on a rough network, got " + failing);
        }
    }

    /** reach.get(b) holds a whenever a happens before b (a ≠ b), both on a timeline; indexes are trace positions. */
    static List<BitSet> happensBefore(Trace trace) {
        List<TraceEvent> events = trace.events();
        List<BitSet> reach = new java.util.ArrayList<>();
        Map<Integer, Integer> lastOnNode = new HashMap<>();
        Map<Long, Integer> sendOf = new HashMap<>();
        for (int b = 0; b < events.size(); b++) {
            TraceEvent e = events.get(b);
            BitSet past = new BitSet();
            reach.add(past);
            if (!e.onTimeline()) {
                continue;
            }
            Integer previous = lastOnNode.put(e.node(), b);
            if (previous != null) {
                past.set(previous);
                past.or(reach.get(previous));
            }
            if (e.type() == EventType.SEND) {
                sendOf.put(e.msg().orElseThrow().id(), b);
            } else if (e.type() == EventType.RECEIVE) {
                int send = sendOf.get(e.msg().orElseThrow().id());
                past.set(send);
                past.or(reach.get(send));
            }
        }
        return reach;
    }

    /** The first b with a Lamport time such that some timed a → b has L(a) ≥ L(b). */
    static OptionalInt firstLamportViolation(Trace trace) {
        List<TraceEvent> events = trace.events();
        List<BitSet> hb = happensBefore(trace);
        for (int b = 0; b < events.size(); b++) {
            TraceEvent eb = events.get(b);
            if (!eb.onTimeline() || eb.scalar(LamportClocks.VALUE).isEmpty()) {
                continue;
            }
            for (int a = hb.get(b).nextSetBit(0); a >= 0; a = hb.get(b).nextSetBit(a + 1)) {
                var la = events.get(a).scalar(LamportClocks.VALUE);
                if (la.isPresent() && la.getAsLong() >= eb.scalar(LamportClocks.VALUE).getAsLong()) {
                    return OptionalInt.of(eb.i());
                }
            }
        }
        return OptionalInt.empty();
    }

    /** The first b with a vector such that, for some earlier stamped a, a → b differs from V(a) < V(b), or V(b) < V(a). */
    static OptionalInt firstVectorViolation(Trace trace) {
        List<TraceEvent> events = trace.events();
        List<BitSet> hb = happensBefore(trace);
        for (int b = 0; b < events.size(); b++) {
            TraceEvent eb = events.get(b);
            if (!eb.onTimeline() || eb.vector(VectorClocks.VALUE).isEmpty()) {
                continue;
            }
            for (int a = 0; a < b; a++) {
                TraceEvent ea = events.get(a);
                if (!ea.onTimeline() || ea.vector(VectorClocks.VALUE).isEmpty()) {
                    continue;
                }
                if (hb.get(b).get(a) != less(vec(ea), vec(eb)) || less(vec(eb), vec(ea))) {
                    return OptionalInt.of(eb.i());
                }
            }
        }
        return OptionalInt.empty();
    }

    private static Value.PerNode vec(TraceEvent e) {
        return e.vector(VectorClocks.VALUE).orElseThrow();
    }

    private static boolean less(Value.PerNode x, Value.PerNode y) {
        boolean strictly = false;
        for (int k = 0; k < Math.max(x.size(), y.size()); k++) {
            int xk = k < x.size() ? x.entry(k) : 0;
            int yk = k < y.size() ? y.entry(k) : 0;
            if (xk > yk) {
                return false;
            }
            strictly |= xk < yk;
        }
        return strictly;
    }
}
