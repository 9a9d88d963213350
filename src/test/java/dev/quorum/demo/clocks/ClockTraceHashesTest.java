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
        "lamport-clocks, correct, 1, fb47dc770ce18c64e8125ab67e8709a9c7b5b2ae931d723934a381af8a625420",
        "lamport-clocks, correct, 42, 87c23503800abe79cea4b7da8671197852e6b642e33d568562fb282798ca2824",
        "lamport-clocks, correct, 9007199254740991, cace43cb5d6218afd940467abf6c806d2339da1298e54b8faef692514eef3f98",
        "lamport-clocks, no-max, 42, a1ba3a4c21dd2ab869bedd0ece5771e0977439e88ddf047c18bc47505a23c4dc",
        "vector-clocks, correct, 1, 07ed6864deeb92e3d2ed9d35e5f4b8254540a8b0caee2359c1c5b90042c8b12b",
        "vector-clocks, correct, 42, 10d7dc2e99957339bc07873c26f595662a36e32146211ccce61863cbd9a8820a",
        "vector-clocks, correct, 9007199254740991, ccc2aa9aa3b3dc6d8c1b6f810f029251ede07f5a5d6bda075385a8c5ff6ec0cb",
        "vector-clocks, no-merge, 42, 785b019f8ad20d1bb34afc1cff056c5a77a7a215215bf8350cd2b3ded1a958e0",
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
        "lamport-clocks, correct, 7, 4cf38cb51f82108868dde40bafa77576960fa7c5e3c24dec2215457dc2d99367",
        "vector-clocks, correct, 7, d5e31362eb8bf8cacdc4963bfe27b93b722a235879e11dad9168569276d790b4",
        "vector-clocks, no-merge, 7, ffa4b05290ba1dd0479254147e7b535c66fffe6a3b505b0fca81efac34b09a5b",
    })
    void aRunWithEveryKindOfFaultHasAPinnedHash(String id, String variant, long seed, String sha256) {
        Demo demo = AllDemos.registry().find(id).orElseThrow();
        Params params = Params.parse(demo.params(), FAULTS);
        String json = demo.run(demo.variant(variant), seed, params).toJson();
        for (String type : new String[] {"drop", "crash", "recover", "partition", "heal"}) {
            assertTrue(json.contains("\"type\":\"" + type + "\""), "the run has a " + type + " event");
        }
        assertTrue(json.contains("\"duplicate\":true") && json.contains("\"wallMs\""), "duplicates and skewed clocks");
        assertEquals(sha256, sha256(json), "trace of " + id + "/" + variant + " seed " + seed + " with faults changed");
        assertEquals(json, demo.run(demo.variant(variant), seed, params).toJson());
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
