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
    void theAdminApiIsOffWhileNoTokenIsSet() {
        given().header("Authorization", "Bearer ").post("/api/v1/admin/ingest").then().statusCode(403)
                .body("status", equalTo(403))
                .body("message", containsString("QUORUM_ADMIN_TOKEN"));
    }
}
