package dev.quorum.platform;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorum.search.SearchService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped, and frozen with SIGSTOP, while the site serves: readiness turns DOWN, every page and API
 * call that needs the database answers a friendly 503 quickly instead of hanging or failing with a 500, and
 * everything works again once the server is back, without restarting the app.
 *
 * <p>The time bounds are hang guards, several times what the configured timeouts allow (about 4 s), not
 * benchmarks. The measured times are printed for docs/operations.md.
 */
@QuarkusTest
@TestProfile(FaultProfile.class)
class DatabaseOutageTest {

    /** Far above the ~4 s the timeouts allow, far below "hangs". */
    private static final Duration ANSWER_MAX = Duration.ofSeconds(15);
    private static final Duration READINESS_MAX = Duration.ofSeconds(30);
    private static final Duration RECOVERY_MAX = Duration.ofSeconds(60);
    private static final List<String> NEEDS_DATABASE = List.of("/", "/topics/consensus", "/kinds/paper");
    private static final List<String> API_NEEDS_DATABASE = List.of("/api/v1/resources?size=1", "/api/v1/topics");
    /** Client-side: a hung request fails the test instead of hanging it. */
    private static final RestAssuredConfig GUARDED = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.connection.timeout", 5_000).setParam("http.socket.timeout", 60_000));

    @Inject
    SearchService search;

    @Inject
    EmbeddedDatabaseGuard guard;

    /** The instance guards are wired in: the data directory is locked by this process, the database's owner checked. */
    @Test
    void theAppHoldsItsDataDirectoryAndCheckedWhoseDatabaseItUses() throws Exception {
        assertTrue(DataDirLock.heldText(FaultProfile.database.dataDir()).contains("pid=" + ProcessHandle.current().pid()));
        assertTrue(guard.checked(), "the pool ran the owner check on its first connection");
    }

    @Test
    void aStoppedDatabaseGives503sUntilItIsBack() throws Exception {
        FaultProfile.Database db = FaultProfile.database;
        assertServing();
        long stoppedAt = System.nanoTime();
        db.stopServer();
        try {
            report("stop: readiness DOWN after", awaitReadiness(503, READINESS_MAX));
            assertFriendly503s("stop");
        } finally {
            db.startServer();
        }
        long restartedAt = System.nanoTime();
        report("stop: readiness UP again after restart", awaitReadiness(200, RECOVERY_MAX));
        report("stop: whole outage", Duration.ofNanos(restartedAt - stoppedAt));
        assertServing();
    }

    @Test
    void aFrozenDatabaseGives503sUntilItThaws() throws Exception {
        FaultProfile.Database db = FaultProfile.database;
        assertServing();
        db.freeze();
        try {
            report("SIGSTOP: readiness DOWN after", awaitReadiness(503, READINESS_MAX));
            assertFriendly503s("SIGSTOP");
        } finally {
            db.thaw();
        }
        report("SIGCONT: readiness UP again after", awaitReadiness(200, RECOVERY_MAX));
        assertServing();
    }

    /** Pages, API, search, and the indexer following the outbox: all working. */
    private void assertServing() throws InterruptedException {
        for (String path : NEEDS_DATABASE) {
            assertEquals(200, timed(path).statusCode(), path);
        }
        for (String path : API_NEEDS_DATABASE) {
            assertEquals(200, timed(path).statusCode(), path);
        }
        Response found = timed("/api/v1/search?q=raft");
        assertEquals(200, found.statusCode());
        assertTrue(found.jsonPath().getInt("total") > 0, "search finds the seed resources");
        assertTrue(search.awaitIndexed(Duration.ofSeconds(30)), "the indexer follows the outbox again");
        Response ready = timed("/q/health/ready");
        assertEquals(200, ready.statusCode(), ready.asString());
        assertEquals("UP", ready.jsonPath().getString("status"));
    }

    private void assertFriendly503s(String fault) {
        for (String path : NEEDS_DATABASE) {
            long started = System.nanoTime();
            Response page = timed(path);
            report(fault + ": 503 for page " + path + " in", Duration.ofNanos(System.nanoTime() - started));
            assertEquals(503, page.statusCode(), path + ": " + page.asString());
            assertTrue(page.contentType().startsWith("text/html"), path);
            assertNotNull(page.header("Retry-After"), path);
            assertFriendly(page.asString(), path);
            assertTrue(page.asString().contains("try again"), path);
        }
        for (String path : API_NEEDS_DATABASE) {
            long started = System.nanoTime();
            Response api = timed(path);
            report(fault + ": 503 for API " + path + " in", Duration.ofNanos(System.nanoTime() - started));
            assertEquals(503, api.statusCode(), path + ": " + api.asString());
            assertTrue(api.contentType().startsWith("application/json"), path);
            assertNotNull(api.header("Retry-After"), path);
            assertEquals(503, api.jsonPath().getInt("status"));
            assertEquals("Service Unavailable", api.jsonPath().getString("error"));
            assertFalse(api.jsonPath().getString("message").isBlank());
            assertFriendly(api.asString(), path);
        }
        Response ready = timed("/q/health/ready");
        assertEquals(503, ready.statusCode());
        assertEquals("DOWN", ready.jsonPath().getString("checks.find { it.name == 'Database connections health check' }.status"));
    }

    private static void assertFriendly(String body, String path) {
        assertFalse(body.isBlank(), path);
        for (String inside : List.of("Exception", "org.", "java.", "at dev.", "SQL", "jdbc", "Agroal", "PSQL")) {
            assertFalse(body.contains(inside), path + " reveals '" + inside + "': " + body);
        }
    }

    /** Polls readiness until it answers {@code status}; the time it took. */
    private static Duration awaitReadiness(int status, Duration max) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + max.toNanos();
        while (System.nanoTime() < deadline) {
            if (timed("/q/health/ready").statusCode() == status) {
                return Duration.ofNanos(System.nanoTime() - started);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("readiness did not answer " + status + " within " + max);
    }

    /** A request that must answer within {@link #ANSWER_MAX}: a hang guard. */
    private static Response timed(String path) {
        long started = System.nanoTime();
        Response response = given().config(GUARDED).redirects().follow(false).get(path);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(ANSWER_MAX) < 0, path + " took " + took.toMillis() + " ms");
        return response;
    }

    private static void report(String what, Duration took) {
        System.out.printf("[outage] %s %d ms%n", what, took.toMillis());
    }
}
