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
        "lamport-clocks, correct, 1, 280bc55b7760d12de384141aad09326e80fd56565d27df355de6fdaa8fb198ae",
        "lamport-clocks, correct, 42, 0b492d1475201c2f3d61a3ca56b5a9291425b5f69c42b6e217a5fece6e8f0ca7",
        "lamport-clocks, correct, 9007199254740991, 56457224598e3a203457a91b20451f18e5a419ec1489bd89b2c61f1b59f25c56",
        "lamport-clocks, no-max, 42, efd34995a24c3b1e5bcfa36d2fbcbcb7c019c87ff49c067034435f924842536d",
        "vector-clocks, correct, 1, b6fffe0e922712c8a98cdb7fef43698ccdccb9e66f3941998953b04046b48dbc",
        "vector-clocks, correct, 42, e139781ae759fc8f6a6a27363ea0b2b4eb3c297bed528fd141f66174851c29a9",
        "vector-clocks, correct, 9007199254740991, 473fa8627e8fd0391086849fa23a41ca00dc90d01500d94078c3614b75619cdf",
        "vector-clocks, no-merge, 42, c9491d65804615c83caf261e8da7091e920f9768c5a976ded081568e4e87a90b",
        "lamport-clocks, wall-clock, 42, eaf5a75844d963d15e966883c36104d2d2f7cb992ded8153cf1f96345549c025",
        "vector-clocks, reset-on-crash, 42, 2bc2081b5a034524bc7353574e288043b344d0fcd2377cdd5fa13db84759e236",
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
        "lamport-clocks, correct, 7, f994d67d254134380def06e27f8caadfee38756bcaac07d03fcbb482742ab123",
        "vector-clocks, correct, 7, 08c97381c997382d494c8df45568f66d9fe8586318db3055e3a2a7de87f827ac",
        "vector-clocks, no-merge, 7, 4fa69c36b13b7d301f853ef596cdcf2352b43dd0d57c8b1e54bb3ae71b2fd993",
        "lamport-clocks, wall-clock, 7, 90c1cce29e0ee5a40423746c94fd7605a6e41c223ecc4e8f34c7f43126f376ca",
        "vector-clocks, reset-on-crash, 7, 3bfd4b81aceb1727e93bddd8942d49495cfc57b52639697c41c10b73acf02464",
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
