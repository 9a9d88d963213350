package dev.quorum.demo.caspaxos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quorum.demo.engine.Demo;
import dev.quorum.demo.engine.Params;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CASPaxos traces are byte-identical across runs; these hashes change only when the demo or the engine changes on purpose. */
class CasPaxosTraceHashesTest {

    @ParameterizedTest
    @CsvSource({
        "correct, 9007199254740991, false, 1deaeaf070ee67ff8fd65dee131c411118d1b500d3a26151747ba2dcf61ac68d",
        "correct, 42, false, 7d30270dbe6f14961ae3d9aa9f908e76e9c47a236b652102ee76d691234f3225",
        "accepts-any-ballot, 42, false, 92dc2bdb3cb6579eee25712ac501026ba711e274b246049782e4821b380f9d63",
        "skips-prepare, 42, false, 4e88d0e0eb2120ac2333c2af5257f8d3c6992130d431649516f6d1090b5b38cd",
        "correct, 7, true, 50342f18d0923156fe0839a1b61e6c8eb0920dc3d735ee62353c52f62e28873c",
        "accepts-any-ballot, 7, true, 80096bf3e2df82df68406699442ee09cbd746b7e688e1f17c3209040fa670e96",
        "skips-prepare, 7, true, b96c5164015dc35e119629a367b37ba6f927fe0b9d122c008c19b99f738e332c",
    })
    void aRunHasAPinnedHash(String variant, long seed, boolean allFaults, String sha256) {
        Demo demo = CasPaxosFaultsTest.demo();
        Params params = allFaults ? Params.parse(demo.params(), CasPaxosFaultsTest.ALL_FAULTS) : Params.defaults(demo.params());
        String json = demo.run(demo.variant(variant), seed, params).toJson();
        assertEquals(sha256, sha256(json), "trace of caspaxos/" + variant + " seed " + seed + " changed");
        assertEquals(json, demo.run(demo.variant(variant), seed, params).toJson());
    }

    static String sha256(String s) {
        return dev.quorum.demo.engine.GuideChecks.sha256(s);
    }
}
