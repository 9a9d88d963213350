package dev.quorum.demo.clocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorum.demo.AllDemos;
import dev.quorum.demo.engine.Demo;
import dev.quorum.demo.engine.Params;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Traces are byte-identical across runs, JVMs and machines. These hashes change only when the engine or a
 * demo changes on purpose; then the change is visible in review, and the new hashes come from running this.
 */
class ClockTraceHashesTest {

    @ParameterizedTest
    @CsvSource({
        "lamport-clocks, correct, 1, 08bd7b8e9c7a3189ce021ecb6ad45deee0d2ffe0897c39460b5a3edd8bb252f8",
        "lamport-clocks, correct, 42, d4dec53fa0239b9d5c6f930ee07855871fd75a539493087588f73f2984a0db70",
        "lamport-clocks, correct, 9007199254740991, 23f32184e0c20975d09f5cc707a84e6de34611e0a94600167b6a36e4fc31cc40",
        "lamport-clocks, no-max, 42, 8b8d8892939f56067266cda043259832b0eb32c2adfefa2898184288dc9440ae",
        "vector-clocks, correct, 1, 99b197f1f88ec4d00ca5cb2339840e6ae944236556f1cbc8cdfae4eaeba184de",
        "vector-clocks, correct, 42, 3c791ac8d5f073c89f5aae5aefd2fa4b26b7cb15e19ccbd9d1840f92141c538e",
        "vector-clocks, correct, 9007199254740991, 075079d3af1838ff2a31fa7bc4c5dc1a1349d57f08e068c5656c46ad9a7a829b",
        "vector-clocks, no-merge, 42, 98afaca02140479c9362fbc823db4febb79edb0d324f495ef6748a5f38091be7",
        "lamport-clocks, wall-clock, 42, 8cbb126ed79c4d2f0950dcb1af2f6919eaab56b69bce0976e1df7fea0118d712",
        "vector-clocks, reset-on-crash, 42, 887e006c7e29cd005db89abee51be6d89bc697a49258ab830a4034579add8032",
    })
    void aDefaultRunHasAPinnedHash(String id, String variant, long seed, String sha256) {
        Demo demo = AllDemos.registry().find(id).orElseThrow();
        String json = demo.run(demo.variant(variant), seed, Params.defaults(demo.params())).toJson();
        assertEquals(sha256, sha256(json), "trace of " + id + "/" + variant + " seed " + seed + " changed");
        assertEquals(json, demo.run(demo.variant(variant), seed, Params.defaults(demo.params())).toJson());
    }

    /** Every kind of fault at once: loss, duplication, reordering, crashes, a partition, clock skew and drift. */
    private static final Map<String, String> FAULTS = Map.of("nodes", "4", "steps", "8", "lossPercent", "20",
            "duplicatePercent", "20", "reorderPercent", "30", "crashes", "2", "partitionMs", "60", "skewMs", "40", "driftPpm", "500");

    @ParameterizedTest
    @CsvSource({
        "lamport-clocks, correct, 7, 971488c598a7f04cf6367e2df37ba201982c37deb71c9f55f21226b953f58057",
        "vector-clocks, correct, 7, 698adc2aa892d32061073abb80612934feb6f1070f5e3fbca7a198289e3c8004",
        "vector-clocks, no-merge, 7, 5fc6e5ed235365945fac7e57b6a2be17be42af724df6eee767dee729a3b80011",
        "lamport-clocks, wall-clock, 7, 83b783399cf6f47b4d8f9af0a6d4b76f21b1effb933fd5fb25615510403ad433",
        "vector-clocks, reset-on-crash, 7, 5062440392f83e91007d597b0e4ccad4c6fb83d8734e1a4e75fab3a2188e7289",
    })
    void aRunWithEveryKindOfFaultHasAPinnedHash(String id, String variant, long seed, String sha256) {
        Demo demo = AllDemos.registry().find(id).orElseThrow();
        Params params = Params.parse(demo.params(), FAULTS);
        String json = demo.run(demo.variant(variant), seed, params).toJson();
        for (String type : new String[] {"drop", "crash", "recover", "partition", "heal"}) {
            assertTrue(json.contains("\"type\":\"" + type + "\""), "the run has a " + type + " event");
        }
        assertTrue(json.contains("\"duplicate\":true") && json.matches("(?s).*\"clockError\":-?[1-9].*"), "duplicates and skewed clocks");
        assertEquals(sha256, sha256(json), "trace of " + id + "/" + variant + " seed " + seed + " with faults changed");
        assertEquals(json, demo.run(demo.variant(variant), seed, params).toJson());
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
