package dev.quorum.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A client with a run in progress gets a 429 for the next one at once, however much of its rate budget is left,
 * so one client cannot hold every demo slot by opening connections; once its run is over it may start another.
 */
@QuarkusTest
@TestProfile(RunsInFlightTest.OneAtATime.class)
class RunsInFlightTest {

    public static class OneAtATime implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quorum.limits.enabled", "true", "quorum.content.ingest-on-start", "false",
                    "quorum.limits.runs-in-flight", "1", "quorum.limits.searches-in-flight", "1");
        }
    }

    @Inject
    DemoRuns runs;

    @Test
    void theSecondRunAtOnceIsRefusedAndTheNextOneAfterItIsNot() throws Exception {
        Semaphore slots = runs.runSlots();
        slots.acquireUninterruptibly(DemoRuns.RUN_SLOTS); // a run then waits its second for a slot, in progress
        try {
            // Two at once from one address: one is let in and waits for a slot (503 after a second), the other is
            // refused at once; which is which depends on which arrives first.
            CompletableFuture<io.restassured.response.Response> a = CompletableFuture.supplyAsync(
                    () -> given().get("/api/v1/demos/lamport-clocks/run?seed=4242"));
            CompletableFuture<io.restassured.response.Response> b = CompletableFuture.supplyAsync(
                    () -> given().get("/api/v1/demos/lamport-clocks/run?seed=4243"));
            List<io.restassured.response.Response> both = List.of(a.get(30, TimeUnit.SECONDS), b.get(30, TimeUnit.SECONDS));
            assertEquals(Set.of(429, 503), Set.of(both.get(0).statusCode(), both.get(1).statusCode()));
            io.restassured.response.Response refused = both.get(0).statusCode() == 429 ? both.get(0) : both.get(1);
            refused.then().header("Retry-After", equalTo("1")).body("status", equalTo(429))
                    .body("message", containsString("already has 1 run in progress"));
        } finally {
            slots.release(DemoRuns.RUN_SLOTS);
        }
        // Nothing is left counted: one after the other, runs are let in.
        given().get("/api/v1/demos/lamport-clocks/run?seed=4244").then().statusCode(200);
        given().get("/api/v1/demos/lamport-clocks/run?seed=4245").then().statusCode(200);
    }
}
