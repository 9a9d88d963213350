package dev.quorum.demo.clocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorum.demo.engine.CheckResult;
import dev.quorum.demo.engine.Context;
import dev.quorum.demo.engine.EventType;
import dev.quorum.demo.engine.Latency;
import dev.quorum.demo.engine.Limits;
import dev.quorum.demo.engine.Message;
import dev.quorum.demo.engine.NetworkModel;
import dev.quorum.demo.engine.Node;
import dev.quorum.demo.engine.Scenario;
import dev.quorum.demo.engine.Simulation;
import dev.quorum.demo.engine.Annotation;
import dev.quorum.demo.engine.Display;
import dev.quorum.demo.engine.Value;
import dev.quorum.demo.engine.Timer;
import dev.quorum.demo.engine.Trace;
import dev.quorum.demo.engine.TraceEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The branch of the strong clock condition the no-merge variant never reaches: a clock that orders more than
 * happens-before does. Here n2 copies n1's entry without any message between them (as if it peeked), so two
 * concurrent events get V(a) < V(b).
 */
class StrongClockConditionTest {

    record Peek() implements Timer {
    }

    /** n1 has one local event at t=0; n2, at t=5, a local event whose vector claims to have seen it. */
    static final class Peeker implements Node {
        @Override
        public void onStart(Context ctx) {
            if (ctx.self() == 0) {
                ctx.local("step");
                ctx.annotate(VectorClocks.VALUE, Value.vector(new int[] {1, 0}));
            } else {
                ctx.setTimer(new Peek(), 5);
            }
        }

        @Override
        public void onTimer(Context ctx, Timer timer) {
            ctx.local("peek");
            ctx.annotate(VectorClocks.VALUE, Value.vector(new int[] {1, 1}));
        }

        @Override
        public void onMessage(Context ctx, int from, Message message) {
        }
    }

    @Test
    void aClockThatOverOrdersConcurrentEventsIsCaughtAtTheFirstSuchEvent() {
        Scenario scenario = new Scenario(List.of(new Peeker(), new Peeker()),
                new NetworkModel(new Latency.Constant(1), 0, 0, 0), List.of(new StrongClockCondition()), Limits.demo())
                .withDisplay(Display.of(List.of(Annotation.of(VectorClocks.VALUE, Annotation.Kind.VECTOR, "Vector clock", "peeked")), List.of()));
        Trace trace = new Simulation(scenario, 1, false).run("test", "peek", Map.of());
        TraceEvent a = trace.events().stream().filter(e -> e.type() == EventType.LOCAL && e.node() == 0).findFirst().orElseThrow();
        TraceEvent b = trace.events().stream().filter(e -> e.type() == EventType.LOCAL && e.node() == 1).findFirst().orElseThrow();
        assertFalse(trace.ok());
        CheckResult check = trace.checks().get(0);
        assertEquals("strong-clock-condition", check.name());
        assertFalse(check.ok());
        assertEquals(b.i(), check.firstViolation().getAsInt(), "the peeking event is the first violation");
        assertEquals("event " + a.i() + " on n1 and event " + b.i() + " on n2 are concurrent, but V(" + a.i() + ")=[n1:1, n2:0] < V("
                + b.i() + ")=[n1:1, n2:1]", check.detail());
        assertTrue(b.violation());
        assertFalse(a.violation());
    }
}
