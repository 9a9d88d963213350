package dev.quorum.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorum.content.ContentFixtures;
import dev.quorum.platform.FaultProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The app started on a data directory whose search index is garbage (CURRENT names a generation with a
 * garbage commit point and segment files cut short; see {@link FaultProfile}): it finds the index corrupt,
 * rebuilds it from PostgreSQL, and serves searches and readiness as if nothing had happened.
 */
@QuarkusTest
@TestProfile(FaultProfile.class)
class IndexRebuildAtStartupTest {

    @Inject
    SearchService search;

    @Test
    void aCorruptIndexFoundAtStartupIsRebuiltFromPostgres() throws Exception {
        assertTrue(search.awaitIndexed(Duration.ofSeconds(60)), "the index is built and follows the outbox");
        assertTrue(search.status().documents() >= ContentFixtures.realEntryCount(), "every seed resource is indexed");
        given().get("/api/v1/search?q=raft").then().statusCode(200).body("total", greaterThan(0));
        given().get("/search?q=paxos").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'search-index' }.status", equalTo("UP"));

        Path index = FaultProfile.database.dataDir().resolve("search");
        assertNotEquals("gen-3", Files.readString(index.resolve("CURRENT")).strip(), "a new generation is current");
        assertTrue(Files.notExists(index.resolve("gen-3")), "the corrupt generation is gone");
    }
}
