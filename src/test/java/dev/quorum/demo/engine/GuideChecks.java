package dev.quorum.demo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** What every demo's guided scenarios must satisfy, checked the same way for each protocol's guide test. */
public final class GuideChecks {

    private GuideChecks() {
    }

    /** The guide's run, as a topic page embeds it: its faults drawn from the seed, or exactly those it lists. */
    public static Trace run(Demo demo, Guide g) {
        Variant variant = demo.variant(g.variant());
        Params params = Params.parse(demo.params(), g.params());
        Schedule schedule = g.faults().isEmpty() ? Schedule.SEEDED
                : Schedule.parse(g.faults(), demo.scenario(variant, params, g.seed()).nodes().size());
        return demo.run(variant, g.seed(), params, schedule, false);
    }

    /**
     * The guide's run is the pinned one, passes or fails as it should, every step points at an event on a node's
     * line, and a failing scenario asks its question on the first violation. Returns the run.
     */
    public static Trace assertPinned(Demo demo, String guide, boolean ok, String sha256) {
        Guide g = demo.guide(guide).orElseThrow();
        Trace trace = run(demo, g);
        assertEquals(sha256, sha256(trace.toJson()), "trace of scenario " + guide + " changed: check its steps");
        assertEquals(ok, trace.ok(), trace.checks().toString());
        for (Guide.Step step : g.steps()) {
            assertTrue(step.at() < trace.events().size(), guide + ": step at event " + step.at());
            assertTrue(trace.events().get(step.at()).node() != TraceEvent.NETWORK, guide + ": event " + step.at() + " is on a node's line");
        }
        if (!ok) {
            assertEquals(g.predicted().at(), trace.firstViolation().getAsInt(), guide + ": the question is about the first violation");
        }
        return trace;
    }

    public static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
