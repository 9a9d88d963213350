package dev.quorum.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(AdminDisabledTest.NoToken.class)
class AdminDisabledTest {

    public static class NoToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quorum.admin.token", "", "quorum.content.ingest-on-start", "false");
        }
    }

    @Test
    void theAdminApiAnswers401WhileNoTokenIsSet() {
        // Off is still a 401: no request without the right token gets any other answer.
        given().header("Authorization", "Bearer ").post("/api/v1/admin/ingest").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401))
                .body("message", containsString("QUORUM_ADMIN_TOKEN"));
        given().post("/api/v1/admin/ingest").then().statusCode(401);
        given().header("Authorization", "Bearer anything").post("/api/v1/admin/ingest").then().statusCode(401);
    }
}
