package dev.quorum.demo;

import static dev.quorum.ForAll.check;
import static dev.quorum.ForAll.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorum.ForAll;
import dev.quorum.demo.engine.Demo;
import dev.quorum.demo.engine.Guide;
import dev.quorum.demo.engine.InvalidParameter;
import dev.quorum.demo.engine.ParamSpec;
import dev.quorum.demo.engine.Params;
import dev.quorum.demo.engine.Schedule;
import dev.quorum.demo.engine.Variant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Every demo in {@link AllDemos}, asked for with generated variants, seeds, parameter maps and fault lists, the
 * way a query string carries them: valid ones give a run, and the same run byte for byte when asked again;
 * anything else is an {@link InvalidParameter} whose message names what was wrong, never another exception.
 */
class DemoParamsPropertiesTest {

    private static final int TRIES_PER_DEMO = 25;
    private static final String[] JUNK = {
        "", " ", "abc", "-", "1.5", "1e3", "0x10", "９", "٣", "+3", " 3 ", "-0", "99999999999999999999", "9223372036854775807",
        "-9223372036854775808", "NaN", "\u0000", "\"", "<script>", "null", "true", "😀", "a".repeat(5_000),
    };

    /** A request drawn for one demo; {@code valid} when each of its parts was drawn valid (junk may be valid too). */
    record Request(Demo demo, String variant, long seed, Map<String, String> params, String faults, boolean valid) {
        @Override
        public String toString() {
            return demo.id() + "/" + variant + "?seed=" + seed + "&" + params + "&faults=" + faults;
        }
    }

    @Test
    void everyRequestRunsOrNamesTheWrongParameter() {
        int checked = 0;
        long seed = 16_701;
        for (Demo demo : AllDemos.list()) {
            checked += check(seed, TRIES_PER_DEMO, r -> request(r, demo), DemoParamsPropertiesTest::runOrRefuse);
            seed += 1_000;
        }
        assertTrue(checked >= 5 * TRIES_PER_DEMO, checked + " requests");
    }

    private static void runOrRefuse(Request q) {
        Demo demo = q.demo();
        try {
            Variant variant = demo.variant(q.variant());
            Params params = Params.parse(demo.params(), q.params());
            Schedule schedule = Schedule.parse(q.faults(), demo.scenario(variant, params, Math.max(0, q.seed())).nodes().size());
            String trace = demo.run(variant, q.seed(), params, schedule, false).toJson();
            assertEquals(trace, demo.run(variant, q.seed(), params, schedule, false).toJson(), "a rerun differs");
            assertTrue(trace.startsWith("{"), "not a trace");
        } catch (InvalidParameter e) {
            assertTrue(!q.valid(), () -> "a valid request was refused: " + e.getMessage());
            String m = e.getMessage();
            assertTrue(m != null && !m.isBlank() && m.length() < 600, () -> "unclear message: " + m);
            assertTrue(m.contains("parameter") || m.contains("variant") || m.contains("fault") || m.contains("node"),
                    () -> "names nothing: " + m);
            assertTrue(m.chars().noneMatch(c -> c < 0x20), () -> "control characters in: " + ForAll.shown(m));
        }
    }

    private static Request request(SplittableRandom r, Demo demo) {
        boolean valid = true;
        List<Variant> variants = demo.variants();
        String variant = variants.get(r.nextInt(variants.size())).name();
        if (r.nextInt(10) == 0) {
            variant = oneOf(r, JUNK) + oneOf(r, "", variant);
            valid = false;
        }
        long seed = r.nextInt(8) == 0 ? oneOf(r, -1L, Demo.SEED_MAX + 1, Long.MIN_VALUE, Long.MAX_VALUE) : r.nextLong(Demo.SEED_MAX + 1);
        valid &= seed >= 0 && seed <= Demo.SEED_MAX;
        Map<String, String> params = new LinkedHashMap<>();
        for (ParamSpec s : demo.params()) {
            int roll = r.nextInt(12);
            if (roll < 4) {
                continue; // absent: its default
            }
            if (s.kind() == ParamSpec.Kind.CHOICE) {
                boolean good = roll < 10;
                params.put(s.name(), good ? oneOf(r, "", " ") + s.options().get(r.nextInt(s.options().size())) : oneOf(r, JUNK));
                valid &= good;
            } else {
                boolean good = roll < 10;
                long v = good ? s.min() + r.nextLong(s.max() - s.min() + 1) : oneOf(r, s.min() - 1, s.max() + 1, Long.MIN_VALUE);
                params.put(s.name(), roll == 11 ? oneOf(r, JUNK) : Long.toString(v));
                valid &= good && roll != 11;
            }
        }
        if (r.nextInt(10) == 0) {
            params.put(oneOf(r, "seed", "nodez", "Nodes", "x", "__proto__", "a".repeat(300)), "1");
            valid = false;
        }
        String faults = null;
        List<Guide> withFaults = demo.guides().stream().filter(g -> !g.faults().isEmpty()).toList();
        if (r.nextInt(4) == 0) {
            String base = withFaults.isEmpty() ? "none" : withFaults.get(r.nextInt(withFaults.size())).faults();
            faults = r.nextBoolean() ? base : ForAll.mutate(r, base, new String[] {",", "@", ":", "-", "n9", "crash", "999999999999", "\u0000"});
            valid = false; // a fault list is only valid for the run it was made for; whichever way, not another exception
        }
        return new Request(demo, variant, seed, params, faults, valid);
    }
}
