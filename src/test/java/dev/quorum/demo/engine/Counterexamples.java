package dev.quorum.demo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.LinkedHashMap;
import java.util.Map;

/** What every protocol's fault tests ask of a counterexample, in one place. */
public final class Counterexamples {

    private Counterexamples() {
    }

    /** The name of the first check the trace fails. */
    public static String firstFailed(Trace t) {
        return t.checks().stream().filter(c -> !c.ok()).map(CheckResult::name).findFirst().orElseThrow();
    }

    /** The trace's parameters as a query string gives them, to run it again. */
    public static Map<String, String> raw(Trace t) {
        Map<String, String> raw = new LinkedHashMap<>();
        t.params().forEach((k, v) -> raw.put(k, String.valueOf(v)));
        return raw;
    }

    /** The shrunk counterexample fails, and its seed, parameters and faults replay it byte for byte. */
    public static void assertReplays(Demo demo, String variant, Trace shrunk) {
        assertFalse(shrunk.ok());
        Trace again = demo.run(demo.variant(variant), shrunk.seed(), Params.parse(demo.params(), raw(shrunk)), shrunk.schedule(), true);
        assertEquals(shrunk.toJson(), again.toJson(), "the counterexample's seed, parameters and faults replay it");
    }
}
