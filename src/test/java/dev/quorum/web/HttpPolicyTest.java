package dev.quorum.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The headers every response carries, and the public API's read-only CORS policy. */
@QuarkusTest
class HttpPolicyTest {

    private static void strict(ValidatableResponse r) {
        r.header("Content-Security-Policy", equalTo(HttpPolicy.CSP))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("strict-origin-when-cross-origin"))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("Permissions-Policy", containsString("camera=()"))
                // Plain HTTP, and a client's X-Forwarded-Proto is not trusted unless a proxy is configured.
                .header("Strict-Transport-Security", nullValue());
    }

    @Test
    void everyKindOfResponseCarriesTheHeaders() {
        strict(given().get("/").then().statusCode(200));
        strict(given().get("/topics/consensus").then().statusCode(200));
        strict(given().get("/api/v1/topics").then().statusCode(200));
        strict(given().get("/css/site.css").then().statusCode(200));
        strict(given().get("/js/spacetime.js").then().statusCode(200));
        strict(given().get("/no/such/page").then().statusCode(404));
        strict(given().get("/api/v1/no-such-thing").then().statusCode(404));
        strict(given().get("/api/v1/demos/lamport-clocks/run?nodes=99").then().statusCode(400));
        strict(given().header("X-Forwarded-Proto", "https").get("/q/health/live").then().statusCode(200));
        strict(given().post("/api/v1/admin/ingest").then().statusCode(401));
        strict(given().contentType("application/json").body(new byte[12 * 1024 * 1024]).post("/api/v1/extract").then().statusCode(413));
    }

    @Test
    void theContentSecurityPolicyAllowsNoInlineScriptOrStyle() {
        for (String directive : List.of("script-src 'self'", "style-src 'self'", "object-src 'none'", "base-uri 'none'")) {
            given().get("/").then().header("Content-Security-Policy", containsString(directive));
        }
        given().get("/").then().header("Content-Security-Policy", org.hamcrest.Matchers.not(containsString("unsafe")));
    }

    @Test
    void anotherOriginMayReadThePublicApiButNotWriteToIt() {
        given().header("Origin", "https://example.org").get("/api/v1/topics").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("*"))
                .header("Access-Control-Allow-Credentials", nullValue());
        given().header("Origin", "https://example.org").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/search").then().statusCode(204)
                .header("Access-Control-Allow-Origin", equalTo("*"))
                .header("Access-Control-Allow-Methods", equalTo("GET, HEAD"));
        // A preflight for a write is answered without permission, so the browser never sends the write.
        given().header("Origin", "https://example.org").header("Access-Control-Request-Method", "POST")
                .options("/api/v1/check/linearizability").then().statusCode(204)
                .header("Access-Control-Allow-Methods", nullValue());
        // Admin endpoints and pages offer nothing to other origins.
        given().header("Origin", "https://example.org").post("/api/v1/admin/ingest").then().statusCode(401)
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://example.org").get("/").then().statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue());
        // No Origin, no CORS headers: same-origin requests and curl see none.
        given().get("/api/v1/topics").then().header("Access-Control-Allow-Origin", nullValue());
    }
}
