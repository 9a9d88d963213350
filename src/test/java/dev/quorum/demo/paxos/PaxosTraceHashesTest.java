package dev.quorum.demo.paxos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quorum.demo.engine.Demo;
import dev.quorum.demo.engine.Params;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Paxos traces are byte-identical across runs; these hashes change only when the demo or the engine changes on purpose. */
class PaxosTraceHashesTest {

    @ParameterizedTest
    @CsvSource({
        "correct, 9007199254740991, false, c2b850f3ab1d5fae05968b885720b362616b78e0e2c9d9cf964acb9bf65d7df8",
        "correct, 42, false, d8284645a6f7296d3ac02126f595320590f4bb8b0dac74a43edcebbf800e724e",
        "forgets-promise, 42, false, 9e79f6823caef67122487561c6135d1ab7402f1618e78f6a322f6d85864428a1",
        "ignores-accepted, 42, false, e8a6b92db590a9f305d13c4ce265ba22fa581769f79ca0404c321d176c249b5d",
        "correct, 7, true, 2e257e52a42997b05047c9735b80d6f1825a3e9d42a4e156fb4c6ac1291cba71",
        "forgets-promise, 7, true, 90b7697e5d262056041ce39dae916343fdff1609dc90ca3ef3d671fc8e3bcdce",
    })
    void aRunHasAPinnedHash(String variant, long seed, boolean allFaults, String sha256) {
        Demo demo = PaxosFaultsTest.demo();
        Params params = allFaults ? Params.parse(demo.params(), PaxosFaultsTest.ALL_FAULTS) : Params.defaults(demo.params());
        String json = demo.run(demo.variant(variant), seed, params).toJson();
        assertEquals(sha256, sha256(json), "trace of paxos/" + variant + " seed " + seed + " changed");
        assertEquals(json, demo.run(demo.variant(variant), seed, params).toJson());
    }

    static String sha256(String s) {
        return dev.quorum.demo.engine.GuideChecks.sha256(s);
    }
}
