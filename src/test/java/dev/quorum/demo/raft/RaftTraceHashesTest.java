package dev.quorum.demo.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quorum.demo.engine.Demo;
import dev.quorum.demo.engine.Params;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Raft traces are byte-identical across runs; these hashes change only when the demo or the engine changes on purpose. */
class RaftTraceHashesTest {

    @ParameterizedTest
    @CsvSource({
        "correct, 9007199254740991, false, af8d9f750ece1121625a69ae3e487cd6398df8b7aa934cc907d463b7a73adb11",
        "correct, 42, false, 53d6c833611c63dc373bcb9cb0a77caf84c0b975f24381879bc1bd8751a6dc9f",
        "plain, 42, false, f21e7041d0edde1c5592c197ebeadc05a761855633984cf657aa8b0c8491bdf4",
        "forgets-vote, 42, false, ea43ad6476c7a32a0b5e03ef4cbdfb33f80eff00e36990899c5c8f9e27c81f26",
        "correct, 7, true, b558033010eb34b6b0713b101b77ab02191e43d203f1d672f96b0781b8adf0a2",
        "plain, 7, true, 53d467a1389beea11ee8239d35730e5f726f93e608f7e92f3abf6a396e23df0f",
    })
    void aRunHasAPinnedHash(String variant, long seed, boolean allFaults, String sha256) {
        Demo demo = RaftFaultsTest.demo();
        Params params = allFaults ? Params.parse(demo.params(), RaftFaultsTest.ALL_FAULTS) : Params.defaults(demo.params());
        String json = demo.run(demo.variant(variant), seed, params).toJson();
        assertEquals(sha256, sha256(json), "trace of raft-election/" + variant + " seed " + seed + " changed");
        assertEquals(json, demo.run(demo.variant(variant), seed, params).toJson());
    }

    static String sha256(String s) {
        return dev.quorum.demo.engine.GuideChecks.sha256(s);
    }
}
