package dev.quorum.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import dev.quorum.content.ContentFixtures;
import dev.quorum.content.ContentIngest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The configured content folder has an error: the site keeps serving the last good content and says why. */
@QuarkusTest
@TestProfile(BrokenContentTest.Broken.class)
class BrokenContentTest {

    public static class Broken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                // Under target/, not the system's temp folder: the profile has no hook to delete it after the run.
                Path dir = ContentFixtures.variant(Files.createTempDirectory(Files.createDirectories(Path.of("target")), "broken-content"),
                        text -> text.replace("## Books", "## Books\n\n- [No link here](not a url)"));
                return Map.of("quorum.content.dir", dir.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final String TOKEN = "Bearer test-admin-token";

    @Inject
    ContentIngest ingest;

    @Test
    void reportsTheFindingsAndKeepsServing() {
        ingest.ingest(ContentFixtures.REAL_CONTENT); // the last good content, whatever ran before
        given().header("Authorization", TOKEN).post("/api/v1/admin/ingest").then().statusCode(422)
                .body("status", equalTo("REJECTED"))
                .body("findings.find { it.severity == 'ERROR' }.message", startsWith("URL 'not' is not absolute"));
        given().get("/api/v1/resources").then().statusCode(200).body("total", equalTo(ContentFixtures.realEntryCount()));
        given().get("/api/v1/topics").then().statusCode(200).body("slug", hasItem("consensus"));
        given().get("/topics/consensus").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'content' }.data.lastIngest", equalTo("REJECTED"))
                .body("checks.find { it.name == 'content' }.data.finding1", containsString("reading-list.md:"));
    }
}
