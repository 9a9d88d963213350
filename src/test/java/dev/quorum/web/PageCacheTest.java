package dev.quorum.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorum.content.ContentFixtures;
import dev.quorum.content.ContentIngest;
import dev.quorum.content.IngestReport;
import dev.quorum.search.SearchService;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pages answered from memory: the same bytes with an ETag, and never older than the last change anyone made. */
@QuarkusTest
@TestProfile(PageCacheTest.CacheOn.class)
class PageCacheTest {

    public static class CacheOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quorum.pages.cache-ttl", "PT1M", "quorum.content.ingest-on-start", "false");
        }
    }

    @Inject
    PageCache pages;

    @Inject
    ContentIngest ingest;

    @Inject
    SearchService search;

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void restore() throws Exception {
        IngestReport.Status status = ingest.ingest(ContentFixtures.REAL_CONTENT).status(); // the real content, whatever a test changed
        assertTrue(status == IngestReport.Status.APPLIED || status == IngestReport.Status.UNCHANGED, status.name());
        assertTrue(search.awaitIndexed(Duration.ofSeconds(10)));
    }

    @Test
    void aSecondRequestGetsTheSameBytesWithAnETagThatRevalidates() throws InterruptedException {
        assertTrue(search.awaitIndexed(Duration.ofSeconds(10)));
        String first = given().get("/topics/consensus").then().statusCode(200).extract().asString();
        Response second = given().get("/topics/consensus");
        second.then().statusCode(200).contentType(startsWith("text/html")).header("ETag", startsWith("\""))
                .header("Cache-Control", equalTo("no-cache"))
                .header("Content-Security-Policy", equalTo(HttpPolicy.CSP));
        assertEquals(first, second.asString(), "the stored page is the rendered page");
        String etag = second.header("ETag");
        given().header("If-None-Match", etag).get("/topics/consensus").then().statusCode(304).body(emptyOrNullString());
        given().head("/topics/consensus").then().statusCode(200).header("Content-Length", Integer.toString(first.getBytes(
                java.nio.charset.StandardCharsets.UTF_8).length));
        // With a query string the page is rendered, not served from memory.
        given().get("/topics/consensus?x=1").then().statusCode(200).header("ETag", emptyOrNullString());
        for (String path : new String[] {"/", "/topics", "/kinds/paper", "/demos/paxos"}) {
            given().get(path).then().statusCode(200);
            given().get(path).then().statusCode(200).header("ETag", startsWith("\""));
        }
    }

    @Test
    void unknownPagesAreNotStored() {
        given().get("/topics/membership").then().statusCode(200);
        long before = pages.size();
        for (int k = 0; k < 50; k++) {
            given().get("/topics/no-such-topic-" + k).then().statusCode(404);
            given().get("/resources/00000000000" + (k % 10)).then().statusCode(404);
        }
        assertEquals(before, pages.size(), "404s take no memory");
    }

    @Test
    void anIngestHereShowsOnTheNextRequest(@TempDir Path dir) throws Exception {
        given().get("/topics/membership").then().statusCode(200);
        given().get("/topics/membership").then().statusCode(200).header("ETag", startsWith("\""))
                .body(containsString("<h1>Membership</h1>"));
        Path content = ContentFixtures.variant(Files.createDirectories(dir.resolve("content")), list -> list);
        ContentFixtures.editTopic(content, "membership", t -> t.replaceFirst("(?m)^title: Membership$", "title: Membership and failure detection"));
        assertEquals(IngestReport.Status.APPLIED, ingest.ingest(content).status());
        given().get("/topics/membership").then().statusCode(200)
                .body(containsString("Membership and failure detection"));
    }

    @Test
    void aChangeThisInstanceNeverHeardOfShowsOnceTheIndexHasIt() throws Exception {
        given().get("/topics/membership").then().statusCode(200);
        given().get("/topics/membership").then().statusCode(200).header("ETag", startsWith("\""));
        // As another instance on the same database would change it: a committed row, and only the outbox says so.
        execute("UPDATE topic SET title = 'Membership, changed elsewhere' WHERE slug = 'membership'");
        assertTrue(search.awaitIndexed(Duration.ofSeconds(10)));
        given().get("/topics/membership").then().statusCode(200)
                .body(containsString("Membership, changed elsewhere"))
                .body(not(containsString("<h1>Membership</h1>")));
    }

    private void execute(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.executeUpdate();
        }
    }
}
