package dev.quorum.demo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorum.lincheck.Edn;
import dev.quorum.lincheck.History;
import dev.quorum.lincheck.Outcome;
import dev.quorum.lincheck.Register;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine's history check: a run's client operations handed to the linearizability checker. */
class LinearizableTest {

    private static final Limits ROOMY = new Limits(100_000, 1_000_000, 100_000);

    /** One scripted client action at a moment of simulated time. */
    private record Act(long at, String process, String type, String f, Object value) {
    }

    private record Fire(int k) implements Timer {
    }

    /** One node that performs the acts in order, each at its time: the history is exactly the script. */
    private static Trace script(boolean stopOnViolation, Act... acts) {
        Node node = new Node() {
            @Override
            public void onStart(Context ctx) {
                for (int k = 0; k < acts.length; k++) {
                    ctx.setTimer(new Fire(k), acts[k].at());
                }
            }

            @Override
            public void onTimer(Context ctx, Timer timer) {
                Act a = acts[((Fire) timer).k()];
                if (a.type().equals("invoke")) {
                    ctx.invoke(a.process(), a.f(), a.value());
                } else {
                    ctx.complete(a.process(), a.type(), a.f(), a.value());
                }
            }

            @Override
            public void onMessage(Context ctx, int from, Message message) {
            }
        };
        Scenario scenario = new Scenario(List.of(node), NetworkModel.reliable(1),
                List.of(new Linearizable(Register.empty(), 100_000)), ROOMY);
        return new Simulation(scenario, 1, Schedule.SEEDED, stopOnViolation).run("script", "correct", java.util.Map.of());
    }

    private static CheckResult check(Trace trace) {
        return trace.checks().stream().filter(c -> c.name().equals("linearizable")).findFirst().orElseThrow();
    }

    private static Act at(long t, String process, String type, String f, Object value) {
        return new Act(t, process, type, f, value);
    }

    @Test
    void aReadOfTheLatestWriteIsLinearizable() {
        Trace trace = script(false,
                at(1, "c1", "invoke", "write", 3), at(2, "c1", "ok", "write", 3),
                at(3, "c2", "invoke", "read", null), at(4, "c2", "ok", "read", 3));
        CheckResult result = check(trace);
        assertTrue(result.ok(), result.detail());
        assertTrue(result.detail().startsWith("2 operations: linearizable"), result.detail());
    }

    @Test
    void aStaleReadAfterAnAcknowledgedWriteIsTheFirstViolationAndStopsTheRun() {
        Act[] acts = {at(1, "c1", "invoke", "write", 3), at(2, "c1", "ok", "write", 3),
            at(3, "c2", "invoke", "read", null), at(4, "c2", "ok", "read", null),
            at(5, "c1", "invoke", "write", 4), at(6, "c1", "ok", "write", 4)};
        Trace full = script(false, acts);
        CheckResult result = check(full);
        assertFalse(result.ok());
        assertTrue(result.detail().startsWith("not linearizable"), result.detail());
        int stale = full.history().get(3).i();
        assertEquals(stale, result.firstViolation().orElseThrow(), "the stale read's completion is the first violation");
        Trace stopped = script(true, acts);
        assertEquals(stale, stopped.events().get(stopped.events().size() - 1).i(), "a stopped run ends at the violation");
    }

    @Test
    void aWriteThatFailedCannotExplainARead() {
        // While the write is in flight, reading 5 is explained by it; once it fails, nothing explains the read.
        Trace trace = script(false,
                at(1, "c1", "invoke", "write", 5), at(2, "c2", "invoke", "read", null), at(3, "c2", "ok", "read", 5),
                at(4, "c1", "fail", "write", 5));
        CheckResult result = check(trace);
        assertFalse(result.ok());
        assertEquals(trace.history().get(3).i(), result.firstViolation().orElseThrow());
    }

    @Test
    void anIndeterminateWriteMayTakeEffectLate() {
        Trace trace = script(false,
                at(1, "c1", "invoke", "write", 5), at(2, "c1", "info", "write", 5),
                at(3, "c2", "invoke", "read", null), at(4, "c2", "ok", "read", null),
                at(5, "c2", "invoke", "read", null), at(6, "c2", "ok", "read", 5));
        assertTrue(check(trace).ok(), check(trace).detail());
    }

    @Test
    void compareAndSetTakesAPairAndTheHistoryReadsBackFromEdn() {
        Trace trace = script(false,
                at(1, "c1", "invoke", "write", 1), at(2, "c1", "ok", "write", 1),
                at(3, "c2", "invoke", "cas", Arrays.asList(1, 2)), at(4, "c2", "ok", "cas", Arrays.asList(1, 2)),
                at(5, "c3", "invoke", "cas", Arrays.asList(null, 7)), at(6, "c3", "fail", "cas", Arrays.asList(null, 7)),
                at(7, "c1", "invoke", "read", null), at(9, "c1", "ok", "read", 2));
        assertTrue(check(trace).ok(), check(trace).detail());
        assertTrue(trace.toJson().contains("\"value\":[1,2]"), "a cas value is a JSON pair");
        History history = Histories.of(trace.history());
        assertEquals(4, history.size());
        assertEquals(Outcome.FAIL, history.operations().get(2).outcome());
        assertEquals(history.operations().get(0).invokeIndex(), trace.history().get(0).i());
        assertEquals(7_000_000L, history.operations().get(3).invokeTime(), "times are Jepsen's nanoseconds");
        String edn = Edn.write(history);
        assertEquals(history, Edn.read(edn, new Edn.Limits(1_000_000, 10_000)));
    }

    @Test
    void historyValuesAreNumbersStringsNullOrShortLists() {
        List<Object> long9 = new ArrayList<>(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9));
        assertThrows(IllegalArgumentException.class, () -> new HistoryOp("c1", "invoke", "cas", long9, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new HistoryOp("c1", "invoke", "cas", List.of(List.of(1)), 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new HistoryOp("c1", "invoke", "write", new Object(), 0, 0));
        assertEquals(Arrays.asList(null, 2), new HistoryOp("c1", "invoke", "cas", Arrays.asList(null, 2), 0, 0).value());
    }
}
