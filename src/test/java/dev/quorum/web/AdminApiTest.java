package dev.quorum.web;

import dev.quorum.content.ContentFixtures;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AdminApiTest {

    private static final String TOKEN = "test-admin-token";

    @Test
    void refusesCallsWithoutTheToken() {
        given().post("/api/v1/admin/ingest").then().statusCode(401).contentType(ContentType.JSON)
                .header("WWW-Authenticate", equalTo("Bearer realm=\"quorum-admin\""))
                .body("status", equalTo(401)).body("message", equalTo("missing or wrong bearer token"));
        given().header("Authorization", "Bearer wrong").post("/api/v1/admin/ingest").then().statusCode(401);
        given().header("Authorization", TOKEN).post("/api/v1/admin/ingest").then().statusCode(401);
        given().header("Authorization", "Bearer " + TOKEN + "x").get("/api/v1/admin/ingest").then().statusCode(401);
    }

    @Test
    void ingestsOnRequestAndReportsTheOutcome() {
        given().header("Authorization", "Bearer " + TOKEN).post("/api/v1/admin/ingest")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("status", oneOf("APPLIED", "UNCHANGED"))
                .body("resources.entries", equalTo(ContentFixtures.realEntryCount()))
                .body("topics.entries", equalTo(9))
                .body("source", equalTo("content"));
        given().header("Authorization", "Bearer " + TOKEN).post("/api/v1/admin/ingest")
                .then().statusCode(200).body("status", equalTo("UNCHANGED")).body("resources.unchanged", equalTo(ContentFixtures.realEntryCount()));
        given().header("Authorization", "Bearer " + TOKEN).get("/api/v1/admin/ingest")
                .then().statusCode(200).body("status", equalTo("UNCHANGED"));
    }
}
