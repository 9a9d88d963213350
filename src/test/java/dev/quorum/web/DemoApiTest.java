package dev.quorum.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quorum.demo.AllDemos;
import dev.quorum.demo.engine.Params;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DemoApiTest {

    @Test
    void listsTheDemosWithVariantsAndParameters() {
        given().get("/api/v1/demos").then().statusCode(200).contentType(ContentType.JSON)
                .body("id", equalTo(List.of("lamport-clocks", "vector-clocks", "paxos", "caspaxos", "raft-election")))
                .body("[0].variants.name", equalTo(List.of("correct", "no-max", "wall-clock")))
                .body("[0].variants[0].correct", equalTo(true))
                .body("[1].variants.name", equalTo(List.of("correct", "no-merge", "reset-on-crash")))
                .body("[2].variants.name", equalTo(List.of("correct", "forgets-promise", "ignores-accepted")))
                .body("[3].variants.name", equalTo(List.of("correct", "accepts-any-ballot", "skips-prepare")))
                .body("[4].variants.name", equalTo(List.of("correct", "plain", "forgets-vote")))
                .body("[0].params.name", hasItems("seed", "nodes", "steps", "latency", "lossPercent", "crashes", "partitionMs"))
                .body("[0].params.find { it.name == 'nodes' }.type", equalTo("integer"))
                .body("[0].params.find { it.name == 'nodes' }.min", equalTo(2))
                .body("[0].params.find { it.name == 'nodes' }.max", equalTo(8))
                .body("[0].params.find { it.name == 'nodes' }.default", equalTo(3))
                .body("[0].params.find { it.name == 'nodes' }.description", notNullValue())
                .body("[0].params.find { it.name == 'latency' }.type", equalTo("choice"))
                .body("[0].params.find { it.name == 'latency' }.options", equalTo(List.of("constant", "uniform", "exponential")))
                .body("[0].params.find { it.name == 'latency' }.default", equalTo("exponential"));
        given().get("/api/v1/demos/vector-clocks").then().statusCode(200).body("title", equalTo("Vector clocks"));
    }

    @Test
    void aRunsHistoryComesAsEdnWithTheRunsParametersAndErrorsAsJson() {
        // The clock demos have no clients: their history is empty, but the answer is still a file to save.
        byte[] empty = given().get("/api/v1/demos/lamport-clocks/history.edn?seed=3").then().statusCode(200)
                .contentType(containsString("application/edn"))
                .header("Content-Disposition", equalTo("attachment; filename=\"lamport-clocks-correct-seed3.edn\""))
                .header("ETag", notNullValue())
                .extract().asByteArray();
        assertEquals(0, empty.length);
        given().get("/api/v1/demos/lamport-clocks/history.edn?nodes=99").then().statusCode(400).contentType(ContentType.JSON)
                .body("message", containsString("nodes"));
        given().get("/api/v1/demos/lamport-clocks/history.edn?faults=crash:n9@1").then().statusCode(400).contentType(ContentType.JSON)
                .body("message", containsString("n1 to n3"));
        given().get("/api/v1/demos/no-such-demo/history.edn").then().statusCode(404).contentType(ContentType.JSON);
        // A demo with clients: the EDN reads back as exactly the history the run's linearizability check saw.
        var demo = AllDemos.registry().find("caspaxos").orElseThrow();
        var trace = demo.run(demo.variant("correct"), 5, Params.defaults(demo.params()));
        String edn = new String(given().get("/api/v1/demos/caspaxos/history.edn?seed=5").then().statusCode(200)
                .extract().asByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(dev.quorum.demo.engine.Histories.of(trace.history()),
                dev.quorum.lincheck.Edn.read(edn, new dev.quorum.lincheck.Edn.Limits(1_000_000, 10_000)));
        org.hamcrest.MatcherAssert.assertThat(edn, containsString(":type :invoke"));
    }

    @Test
    void aRunReturnsTheEnginesTraceByteForByte() {
        var demo = AllDemos.registry().find("vector-clocks").orElseThrow();
        String expected = demo.run(demo.variant("correct"), 42, Params.defaults(demo.params()).with("nodes", 4)).toJson();
        String body = given().get("/api/v1/demos/vector-clocks/run?seed=42&nodes=4").then().statusCode(200)
                .contentType(ContentType.JSON)
                .header("ETag", notNullValue())
                .header("Cache-Control", containsString("max-age"))
                .body("format", equalTo("quorum-trace/2"))
                .body("demo", equalTo("vector-clocks"))
                .body("variant", equalTo("correct"))
                .body("seed", equalTo(42))
                .body("params.nodes", equalTo(4))
                .body("nodes", equalTo(List.of("n1", "n2", "n3", "n4")))
                .body("events[0].i", equalTo(0))
                .body("checks[0].name", equalTo("strong-clock-condition"))
                .body("checks[0].ok", equalTo(true))
                .body("checks[0].firstViolation", nullValue())
                .extract().asString();
        assertEquals(expected, body);
    }

    @Test
    void aRunTheClientAlreadyHasIsNotSentAgain() {
        String etag = given().get("/api/v1/demos/lamport-clocks/run?seed=5").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/demos/lamport-clocks/run?seed=5").then().statusCode(304);
        given().header("If-None-Match", etag).get("/api/v1/demos/lamport-clocks/run?seed=6").then().statusCode(200);
    }

    @Test
    void aBrokenVariantRunMarksItsFirstViolation() {
        given().get("/api/v1/demos/lamport-clocks/run?variant=no-max&seed=42").then().statusCode(200)
                .body("variant", equalTo("no-max"))
                .body("checks[0].ok", equalTo(false))
                .body("checks[0].firstViolation", notNullValue())
                .body("events.find { it.violation == true }.i", notNullValue());
    }

    @Test
    void theCounterexampleSearchFindsAndShrinksAFailure() {
        given().get("/api/v1/demos/vector-clocks/counterexample?seeds=20").then().statusCode(200).contentType(ContentType.JSON)
                .body("found", equalTo(true))
                .body("seed", notNullValue())
                .body("tried", lessThanOrEqualTo(20))
                .body("runs", greaterThan(0))
                .body("exhausted", equalTo(false))
                .body("trace.variant", equalTo("no-merge"))
                .body("trace.params.nodes", equalTo(2))
                .body("trace.stats.stoppedBy", equalTo("violation"))
                .body("trace.checks[0].ok", equalTo(false));
        given().get("/api/v1/demos/lamport-clocks/counterexample?variant=correct&seeds=30").then().statusCode(200)
                .body("found", equalTo(false))
                .body("seed", nullValue())
                .body("tried", equalTo(30))
                .body("trace", nullValue());
    }

    @Test
    void aRunStoppedAtTheViolationReproducesTheCounterexampleByteForByte() {
        String search = given().get("/api/v1/demos/vector-clocks/counterexample?seeds=50&nodes=4&steps=8&lossPercent=10")
                .then().statusCode(200).body("found", equalTo(true)).extract().asString();
        var found = io.restassured.path.json.JsonPath.from(search);
        java.util.Map<String, Object> params = found.getMap("trace.params");
        StringBuilder url = new StringBuilder("/api/v1/demos/vector-clocks/run?variant=" + found.getString("trace.variant")
                + "&seed=" + found.getLong("trace.seed"));
        params.forEach((k, v) -> url.append('&').append(k).append('=').append(v));
        java.util.List<String> faults = found.getList("trace.faults");
        url.append("&faults=").append(faults.isEmpty() ? "none" : java.net.URLEncoder.encode(String.join(",", faults),
                java.nio.charset.StandardCharsets.UTF_8));
        String trace = search.substring(search.indexOf("\"trace\":") + "\"trace\":".length(), search.lastIndexOf('}'));
        String stopped = given().urlEncodingEnabled(false).get(url + "&stop=violation").then().statusCode(200)
                .body("stats.stoppedBy", equalTo("violation")).extract().asString();
        assertEquals(trace, stopped, "the permalink's run is the counterexample's trace, byte for byte");
        String full = given().urlEncodingEnabled(false).get(url + "&stop=end").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(full.length() > stopped.length(), "without stop the run goes on past the violation");
        expect400("/api/v1/demos/vector-clocks/run?stop=later", "parameter 'stop' must be 'violation' or 'end', got 'later'");
    }

    @Test
    void badParametersAreJson400sThatNameThem() {
        expect400("/api/v1/demos/lamport-clocks/run?nodes=9", "parameter 'nodes' must be between 2 and 8, got 9");
        expect400("/api/v1/demos/lamport-clocks/run?nodes=three", "parameter 'nodes' must be an integer between 2 and 8, got 'three'");
        expect400("/api/v1/demos/lamport-clocks/run?colour=red", "unknown parameter 'colour' (parameters: nodes, steps, localPercent, "
                + "intervalMs, latency, latencyMs, lossPercent, duplicatePercent, reorderPercent, crashes, partitionMs, skewMs, driftPpm, check)");
        expect400("/api/v1/demos/lamport-clocks/run?variant=sloppy",
                "unknown variant 'sloppy' of demo 'lamport-clocks' (variants: correct, no-max, wall-clock)");
        expect400("/api/v1/demos/lamport-clocks/run?seed=-1", "parameter 'seed' must be an integer between 0 and 9007199254740991, got '-1'");
        expect400("/api/v1/demos/lamport-clocks/run?latency=pareto",
                "parameter 'latency' must be one of constant, uniform, exponential, got 'pareto'");
        expect400("/api/v1/demos/lamport-clocks/run?nodes=3&nodes=4", "parameter 'nodes' is given 2 times");
        expect400("/api/v1/demos/vector-clocks/run?faults=drop:n4/1",
                "parameter 'faults': cannot read 'drop:n4/1': this run has nodes n1 to n3");
        expect400("/api/v1/demos/vector-clocks/run?faults=explode:n1",
                "parameter 'faults': cannot read 'explode:n1': expected one of crash:n2@120, recover:n2@170, "
                        + "partition:n1.n2|n3@50, cut:n1-n2@120, heal@200, drop:n1/3, dup:n1/3, delay:n1/3/40, skew:n2/-50, drift:n1/2000");
        expect400("/api/v1/demos/vector-clocks/run?faults=partition:n1.n2|n2@5",
                "parameter 'faults': cannot read 'partition:n1.n2|n2@5': n2 is in two groups");
        expect400("/api/v1/demos/vector-clocks/run?faults=" + "heal@1,".repeat(1001),
                "parameter 'faults' lists 1002 faults; at most 1000");
        expect400("/api/v1/demos/lamport-clocks/counterexample?seeds=501", "parameter 'seeds' must be between 1 and 500, got 501");
        expect400("/api/v1/demos/lamport-clocks/counterexample?seeds=10&steps=0", "parameter 'steps' must be between 1 and 40, got 0");
    }

    @Test
    void aClickedFaultListIsReproducedAndEchoedInTheTrace() {
        String url = "/api/v1/demos/vector-clocks/run?seed=3&faults=drop:n1/1,skew:n2/-40";
        String first = given().get(url).then().statusCode(200)
                .body("schedule", equalTo("explicit"))
                .body("faults", equalTo(List.of("skew:n2/-40", "drop:n1/1")))
                .body("events.find { it.type == 'drop' }.reason", equalTo("loss"))
                .extract().asString();
        assertEquals(first, given().get(url).then().statusCode(200).extract().asString(), "the same URL, the same bytes");
        given().get("/api/v1/demos/vector-clocks/run?seed=3&faults=none").then().statusCode(200)
                .body("schedule", equalTo("explicit")).body("faults", equalTo(List.of()));
        given().get("/api/v1/demos/vector-clocks/run?seed=3").then().statusCode(200).body("schedule", equalTo("seeded"));
    }

    @Test
    void anUnknownDemoIsAJson404() {
        for (String path : List.of("/api/v1/demos/raft", "/api/v1/demos/raft/run", "/api/v1/demos/raft/counterexample")) {
            given().get(path).then().statusCode(404).contentType(ContentType.JSON)
                    .body("status", equalTo(404))
                    .body("message", equalTo("no demo with id 'raft'"));
        }
    }

    private static void expect400(String path, String message) {
        given().get(path).then().statusCode(400).contentType(ContentType.JSON)
                .body("status", equalTo(400))
                .body("error", equalTo("Bad Request"))
                .body("message", equalTo(message));
    }
}
