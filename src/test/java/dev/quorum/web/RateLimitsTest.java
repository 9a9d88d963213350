package dev.quorum.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Per-client limits with small budgets: each class runs out on its own, with a 429 that says when to retry. */
@QuarkusTest
@TestProfile(RateLimitsTest.Tight.class)
class RateLimitsTest {

    public static class Tight implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quorum.limits.enabled", "true", "quorum.content.ingest-on-start", "false",
                    "quorum.limits.api-per-minute", "1", "quorum.limits.api-burst", "5",
                    "quorum.limits.runs-per-minute", "1", "quorum.limits.runs-burst", "3",
                    "quorum.limits.searches-per-minute", "1", "quorum.limits.searches-burst", "1");
        }
    }

    @Test
    void eachClassOfRequestHasItsOwnBudget() {
        given().get("/api/v1/demos/lamport-clocks/counterexample?variant=no-max&seeds=5").then().statusCode(200);
        given().get("/api/v1/demos/lamport-clocks/counterexample?variant=no-max&seeds=5").then().statusCode(429)
                .contentType(ContentType.JSON)
                .header("Retry-After", notNullValue())
                .body("status", equalTo(429))
                .body("error", equalTo("Too Many Requests"))
                .body("message", containsString("counterexample searches"));
        for (int k = 0; k < 3; k++) {
            given().get("/api/v1/demos/lamport-clocks/run?seed=" + k).then().statusCode(200);
        }
        given().get("/api/v1/demos/lamport-clocks/run?seed=9").then().statusCode(429).header("Retry-After", equalTo("60"))
                .body("message", containsString("demo runs"));
        given().get("/demos/lamport-clocks?seed=9").then().statusCode(429).contentType(containsString("text/html"))
                .header("Content-Security-Policy", equalTo(HttpPolicy.CSP))
                .body(containsString("Too many requests"));
        for (int k = 0; k < 5; k++) {
            given().get("/api/v1/demos").then().statusCode(200);
        }
        given().get("/api/v1/demos").then().statusCode(429).body("message", containsString("API requests"));
        // Pages and static files are not limited.
        for (int k = 0; k < 20; k++) {
            given().get("/css/site.css").then().statusCode(200);
        }
        given().get("/demos/lamport-clocks").then().statusCode(200);
    }
}
