package dev.quorum.scrape;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorum.catalog.CanonicalUrl;
import dev.quorum.catalog.Resource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The queue, the worker step and link health against a fixture server, on the real database. */
@QuarkusTest
class ScrapeQueueTest {

    private static final String ARTICLE = "<html lang=\"en\"><head><title>Vector clocks explained</title></head><body>"
            + "<nav><a href=\"/\">Home</a> <a href=\"/about\">About</a></nav><article><h1>Vector clocks explained</h1>"
            + "<p>Each process keeps a vector with one counter per process, and increments its own entry before every event.</p>"
            + "<p>When a message arrives the receiver takes the element-wise maximum of the two vectors and then ticks.</p>"
            + "<p>Comparing two vectors tells whether one event happened before another or whether they were concurrent.</p>"
            + "</article><footer>Copyright and cookie settings</footer></body></html>";

    private static final String FIXTURE_FILE = "scrape-fixture.md";

    @Inject
    ScrapeQueue queue;

    @Inject
    ScrapeWorker worker;

    @Inject
    EntityManager em;

    private FixtureServer server;

    @BeforeEach
    void start() throws IOException {
        server = ScrapeFixtures.server();
        ScrapeFixtures.parkEveryJob(em); // only this test's resources are due
    }

    @AfterEach
    void stop() {
        server.close();
        // leave the catalog as the other tests expect it: the reading list and nothing else
        QuarkusTransaction.requiringNew().run(() -> {
            for (String table : List.of("scrape_snapshot", "scrape_job")) {
                em.createNativeQuery("DELETE FROM " + table + " WHERE resource_id IN (SELECT id FROM resource WHERE source_file = ?1)")
                        .setParameter(1, FIXTURE_FILE).executeUpdate();
            }
            em.createNativeQuery("DELETE FROM resource WHERE source_file = ?1").setParameter(1, FIXTURE_FILE).executeUpdate();
        });
    }

    private String resourceAt(String path) {
        String url = server.url(path);
        CanonicalUrl canonical = CanonicalUrl.of(url);
        QuarkusTransaction.requiringNew().run(() -> {
            // a fixture port may repeat across runs against the same test database
            em.createNativeQuery("DELETE FROM scrape_snapshot WHERE resource_id = ?1").setParameter(1, canonical.resourceId()).executeUpdate();
            em.createNativeQuery("DELETE FROM scrape_job WHERE resource_id = ?1").setParameter(1, canonical.resourceId()).executeUpdate();
            Resource.deleteById(canonical.resourceId());
            Resource r = new Resource();
            r.id = canonical.resourceId();
            r.canonicalUrl = canonical.value();
            r.url = url;
            r.title = "Fixture " + path;
            r.kind = "article";
            r.language = "en";
            r.domain = "127.0.0.1";
            r.sourceFile = FIXTURE_FILE;
            r.sourceLine = 1;
            r.firstSeenAt = r.lastSeenAt = r.updatedAt = Instant.now();
            r.persist();
        });
        assertTrue(queue.enqueue(canonical.resourceId()));
        return canonical.resourceId();
    }

    private Resource resource(String id) {
        return QuarkusTransaction.requiringNew().call(() -> Resource.<Resource>findById(id));
    }

    private List<Snapshot> snapshots(String id) {
        return QuarkusTransaction.requiringNew().call(() -> Snapshot.<Snapshot>list("resourceId = ?1 order by id", id));
    }

    private Instant nextAttempt(String id) {
        return QuarkusTransaction.requiringNew().call(() -> ((java.time.OffsetDateTime) em
                .createNativeQuery("SELECT next_attempt_at FROM scrape_job WHERE resource_id = ?1", java.time.OffsetDateTime.class)
                .setParameter(1, id).getSingleResult()).toInstant());
    }

    @Test
    void aJobIsFetchedExtractedAndRescheduledAWeekLater() {
        server.page("/article", 200, "text/html; charset=utf-8", ARTICLE);
        String id = resourceAt("/article");

        assertTrue(worker.runOnce("test-worker"));

        Snapshot s = snapshots(id).get(0);
        assertEquals("ok", s.status);
        assertEquals(200, s.httpStatus);
        assertTrue(s.text.contains("element-wise maximum"), s.text);
        assertFalse(s.text.contains("cookie settings"), "the footer is not main text");
        assertTrue(s.wordCount > 40, "words: " + s.wordCount);
        assertEquals(1, s.readingMinutes);
        assertEquals(64, s.contentHash.length());
        Resource r = resource(id);
        assertEquals("ok", r.linkStatus);
        assertNotNull(r.linkCheckedAt);
        assertNull(r.linkBrokenSince);
        Duration untilNext = Duration.between(Instant.now(), nextAttempt(id));
        assertTrue(untilNext.compareTo(Duration.ofDays(6)) > 0, "rechecked weekly: " + untilNext);
        assertFalse(worker.runOnce("test-worker"), "nothing else is due");
    }

    /** Saved pages served as a site would serve them, through the whole worker step. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"blog-boilerplate", "medium-like", "habr-1251", "koi8r-page"})
    void scrapesRealisticPagesEndToEnd(String fixture) throws IOException {
        byte[] page = resourceBytes("/fixtures/extract/" + fixture + ".html");
        String contentType = contentTypes().getProperty(fixture + ".html", "text/html");
        String expected = new String(resourceBytes("/fixtures/extract/" + fixture + ".expected.txt"), StandardCharsets.UTF_8);
        server.route("/" + fixture, ex -> FixtureServer.send(ex, 200, contentType, page));
        String id = resourceAt("/" + fixture);

        worker.runOnce("test-worker");

        Snapshot s = snapshots(id).get(0);
        assertEquals("ok", s.status, s.detail);
        String firstParagraph = expected.strip().split("\\n\\n")[1];
        assertTrue(s.text.contains(firstParagraph), fixture + ": " + firstParagraph);
        assertTrue(s.wordCount > 100, fixture + " words: " + s.wordCount);
    }

    @Test
    void scrapesAPdf() throws IOException {
        byte[] pdf = new dev.quorum.scrape.extract.TestPdf()
                .page("Majority quorums work because of quorum intersection.")
                .page("Any two majorities share a node.")
                .bytes();
        server.route("/paper.pdf", ex -> FixtureServer.send(ex, 200, "application/pdf", pdf));
        String id = resourceAt("/paper.pdf");

        worker.runOnce("test-worker");

        Snapshot s = snapshots(id).get(0);
        assertEquals("ok", s.status, s.detail);
        assertEquals(2, s.pageCount);
        assertTrue(s.text.contains("quorum intersection"), s.text);
    }

    private static byte[] resourceBytes(String path) throws IOException {
        try (var in = ScrapeQueueTest.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }

    private static java.util.Properties contentTypes() throws IOException {
        java.util.Properties p = new java.util.Properties();
        try (var in = ScrapeQueueTest.class.getResourceAsStream("/fixtures/extract/content-types.properties")) {
            p.load(in);
        }
        return p;
    }

    @Test
    void aDeadLinkSaysSinceWhenAndPointsAtTheArchive() {
        String id = resourceAt("/vanished");

        worker.runOnce("test-worker");

        Resource r = resource(id);
        assertEquals("gone", r.linkStatus);
        assertEquals(404, r.linkHttpStatus);
        assertNotNull(r.linkBrokenSince);
        given().get("/resources/" + id).then().statusCode(200)
                .body(containsString("This link has been broken since"))
                .body(containsString("href=\"https://web.archive.org/web/*/" + server.url("/vanished") + "\""));
        given().get("/api/v1/resources/" + id).then().statusCode(200)
                .body("link.status", equalTo("gone"))
                .body("link.httpStatus", equalTo(404))
                .body("link.archiveUrl", equalTo("https://web.archive.org/web/*/" + server.url("/vanished")));
    }

    @Test
    void failuresBackOffExponentiallyWithJitter() {
        server.page("/flaky", 500, "text/plain", "oops");
        String id = resourceAt("/flaky");

        worker.runOnce("test-worker");

        assertEquals("error", snapshots(id).get(0).status);
        Duration wait = Duration.between(Instant.now(), nextAttempt(id));
        assertTrue(wait.compareTo(Duration.ofSeconds(40)) > 0 && wait.compareTo(Duration.ofSeconds(80)) < 0, "first retry ≈ 1 min: " + wait);
        assertNull(resource(id).linkBrokenSince, "one failure is not a dead link");
        for (int failures = 2; failures <= 4; failures++) {
            Duration d = ScrapeQueue.retryDelay(failures, Optional.empty());
            long expected = 60L << (failures - 1);
            assertTrue(d.toSeconds() >= expected * 0.75 - 1 && d.toSeconds() <= expected * 1.25 + 1, failures + ": " + d);
        }
        assertEquals(Duration.ofHours(2), ScrapeQueue.retryDelay(1, Optional.of(Duration.ofHours(2))), "Retry-After wins when longer");
    }

    @Test
    void anExpiredLeaseIsTakenOverAndTheJobCompletesExactlyOnce() throws Exception {
        server.page("/article", 200, "text/html", ARTICLE);
        String id = resourceAt("/article");

        ScrapeQueue.Claim crashed = queue.claim("worker-that-crashes", Duration.ofMillis(500)).orElseThrow();
        assertEquals(id, crashed.resourceId());
        assertTrue(queue.claim("other", Duration.ofMinutes(5)).isEmpty(), "leased: nobody else may take it");
        Thread.sleep(700);

        ScrapeQueue.Claim takeover = queue.claim("survivor", Duration.ofMinutes(5)).orElseThrow();
        assertEquals(id, takeover.resourceId());
        assertTrue(worker.runOnceFor(takeover));
        Snapshot late = new Snapshot();
        late.resourceId = id;
        late.fetchedAt = Instant.now();
        late.status = "ok";
        late.finalUrl = crashed.url();
        late.durationMs = 1;

        assertFalse(queue.complete(crashed, late, Duration.ofDays(7), Optional.empty()), "the crashed worker's lease is gone");
        assertEquals(1, snapshots(id).size(), "exactly one snapshot");
    }

    @Test
    void twoWorkersNeverClaimTheSameJob() throws Exception {
        resourceAt("/one");
        resourceAt("/two");
        CompletableFuture<Optional<ScrapeQueue.Claim>> a = CompletableFuture.supplyAsync(() -> queue.claim("a", Duration.ofMinutes(5)));
        CompletableFuture<Optional<ScrapeQueue.Claim>> b = CompletableFuture.supplyAsync(() -> queue.claim("b", Duration.ofMinutes(5)));
        String first = a.get().orElseThrow().resourceId();
        String second = b.get().orElseThrow().resourceId();
        assertNotEquals(first, second);
        assertTrue(queue.claim("c", Duration.ofMinutes(5)).isEmpty());
    }

    @Test
    void anUnchangedPageKeepsItsText() {
        server.route("/etag", ex -> {
            if ("\"v7\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                FixtureServer.send(ex, 304, null, new byte[0]);
            } else {
                ex.getResponseHeaders().set("ETag", "\"v7\"");
                FixtureServer.send(ex, 200, "text/html", ARTICLE);
            }
        });
        String id = resourceAt("/etag");
        worker.runOnce("test-worker");
        queue.enqueue(id);

        worker.runOnce("test-worker");

        List<Snapshot> all = snapshots(id);
        assertEquals(List.of("ok", "unchanged"), all.stream().map(s -> s.status).toList());
        assertEquals(all.get(0).text, all.get(1).text);
        assertEquals(all.get(0).contentHash, all.get(1).contentHash);
    }

    @Test
    void theAdminApiQueuesAndReports() {
        String id = resourceAt("/admin-queued");
        String token = "Bearer test-admin-token";
        given().header("Authorization", token).post("/api/v1/admin/scrape/" + id).then().statusCode(200)
                .body("queued", equalTo(1));
        given().header("Authorization", token).post("/api/v1/admin/scrape/nope").then().statusCode(404);
        given().post("/api/v1/admin/scrape").then().statusCode(401);
        given().header("Authorization", token).get("/api/v1/admin/scrape").then().statusCode(200)
                .body("jobs", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
    }
}
