package dev.quorum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two instances of the packaged app, each with its own port and data directory (so its own Lucene
 * index), sharing one external PostgreSQL, started at the same moment on an empty database.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiInstanceIT {

    private static final int PAGES = 16;
    private static final Duration GUARD = Duration.ofSeconds(60);

    private static Path work;
    private static ExternalPostgres postgres;
    private static FixturePages pages;
    private static List<ItContent.Entry> entries;
    private static Path content;
    private static AppProcess a;
    private static AppProcess b;

    @BeforeAll
    static void startTwoInstancesAtOnce() throws Exception {
        work = AppProcess.workDir("multi-instance");
        postgres = ExternalPostgres.start(work.resolve("postgres"));
        pages = new FixturePages(8);
        pages.delay(300); // long enough that both instances' workers have jobs in flight at once
        entries = pages.entries(PAGES);
        content = ItContent.write(work.resolve("content"), entries, "one");
        Map<String, String> settings = new TreeMap<>(postgres.datasource());
        settings.put("quorum.content.dir", content.toString());
        settings.put("quorum.scrape.enabled", "true");
        settings.put("quorum.scrape.workers", "2");
        settings.put("quorum.scrape.allow-loopback", "true");
        settings.put("quorum.scrape.min-host-interval", "PT0S");
        settings.put("quorum.scrape.poll-interval", "PT0.2S");
        a = new AppProcess("a", work.resolve("a"), settings);
        b = new AppProcess("b", work.resolve("b"), settings);
        // Both migrate the empty database at once; the test holds the ingest lock until both startup
        // ingests wait for it, so they truly contend rather than merely running one after the other.
        try (IngestLock lock = new IngestLock(postgres)) {
            a.start();
            b.start();
            AppProcess.awaitUntil("both startup ingests waiting", Duration.ofSeconds(120), () -> lock.waiters() == 2);
        }
        a.awaitReady();
        b.awaitReady();
    }

    @AfterAll
    static void stopEverything() throws Exception {
        closeAll(a, b);
        if (pages != null) {
            pages.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    static void closeAll(AppProcess... apps) {
        for (AppProcess app : apps) {
            if (app != null) {
                app.close();
            }
        }
    }

    @Test
    @Order(1)
    void twoInstancesStartingTogetherMigrateOnceAndIngestOnce() {
        assertEquals(4, postgres.number("SELECT count(*) FROM flyway_schema_history WHERE success AND version IS NOT NULL"));
        assertEquals(PAGES, postgres.number("SELECT count(*) FROM resource WHERE retired_at IS NULL"));
        assertEquals(PAGES, postgres.number("SELECT count(*) FROM topic_entry"));
        assertEquals(1, postgres.number("SELECT count(*) FROM topic"));
        // one ingest wrote the content; the other, serialized behind it by the advisory lock, found it current
        List<String> statuses = new ArrayList<>(List.of(lastIngest(a), lastIngest(b)));
        statuses.sort(null);
        assertEquals(List.of("APPLIED", "UNCHANGED"), statuses);
    }

    @Test
    @Order(2)
    void eachUrlIsFetchedOnceAcrossBothInstances() {
        awaitQueueDrained(PAGES);
        Map<String, Integer> perPath = hitsPerPath();
        assertEquals(PAGES, perPath.size(), perPath::toString);
        perPath.forEach((path, n) -> assertEquals(1, n, path + " fetched " + n + " times: " + perPath));
        assertEquals(List.of(1L), snapshotsPerResource());
        long byA = completedScrapes(a);
        long byB = completedScrapes(b);
        System.out.printf("[multi-instance] %d jobs: %d completed by a, %d by b%n", PAGES, byA, byB);
        assertEquals(PAGES, byA + byB, "every job completed by exactly one instance");
    }

    @Test
    @Order(3)
    void anEditThroughOneInstanceIsSearchableOnTheOther() {
        ItContent.Entry edited = entries.get(3);
        String word = "zanzibar";
        List<ItContent.Entry> changed = new ArrayList<>(entries);
        changed.set(3, new ItContent.Entry(edited.url(), edited.word() + " " + word));
        ItContent.write(content, changed, "one");
        assertTrue(b.searchTitles(word).isEmpty());

        AppProcess.Response ingest = a.post("/api/v1/admin/ingest");
        long committedNs = System.nanoTime(); // the ingest answers after its transaction committed
        assertEquals(200, ingest.status(), ingest.body());
        assertEquals("APPLIED", ingest.json().path("status").asText());
        String expected = ItContent.title(changed.get(3), "one");
        AppProcess.awaitUntil("searchable on b", Duration.ofSeconds(30), () -> b.searchTitles(word).contains(expected));
        long delayMs = (System.nanoTime() - committedNs) / 1_000_000;
        System.out.printf("[multi-instance] edit applied through a, searchable on b after %d ms%n", delayMs);
        assertEquals(List.of(expected), a.searchTitles(word));
    }

    @Test
    @Order(4)
    void theSameAdminActionFiredAtBothInstancesAtOnceAppliesOnce() throws Exception {
        ItContent.write(content, entries, "three");
        List<AppProcess.Response> ingests;
        try (IngestLock lock = new IngestLock(postgres)) {
            ingests = concurrently(lock, () -> a.post("/api/v1/admin/ingest"), () -> b.post("/api/v1/admin/ingest"));
        }
        List<String> statuses = new ArrayList<>();
        for (AppProcess.Response r : ingests) {
            assertEquals(200, r.status(), r.body());
            statuses.add(r.json().path("status").asText());
        }
        statuses.sort(null);
        assertEquals(List.of("APPLIED", "UNCHANGED"), statuses);
        assertEquals(PAGES, postgres.number("SELECT count(*) FROM resource"));
        assertEquals(PAGES, postgres.number("SELECT count(*) FROM resource WHERE title LIKE '% three'"));
        assertEquals(PAGES, postgres.number("SELECT count(*) FROM topic_entry"));

        pages.clear();
        pages.delay(1500); // both requests queue the jobs before the first fetch completes and could be re-queued
        List<AppProcess.Response> scrapes = concurrently(null, () -> a.post("/api/v1/admin/scrape"), () -> b.post("/api/v1/admin/scrape"));
        scrapes.forEach(r -> assertEquals(200, r.status(), r.body()));
        assertEquals(PAGES, postgres.number("SELECT count(*) FROM scrape_job"), "one job per resource, however often queued");
        awaitQueueDrained(2 * PAGES);
        Map<String, Integer> perPath = hitsPerPath();
        assertEquals(PAGES, perPath.size(), perPath::toString);
        perPath.forEach((path, n) -> assertEquals(1, n, path + " fetched " + n + " times after the second queueing: " + perPath));
        assertEquals(List.of(2L), snapshotsPerResource());
    }

    private static String lastIngest(AppProcess app) {
        AppProcess.Response r = app.get("/api/v1/admin/ingest");
        assertEquals(200, r.status(), r.body());
        return r.json().path("status").asText();
    }

    /** Waits until {@code snapshots} exist and no job is due or leased. */
    private static void awaitQueueDrained(int snapshots) {
        AppProcess.awaitUntil("scraped", GUARD, () -> {
            var s = a.get("/api/v1/admin/scrape").json();
            return s.path("snapshots").asLong() >= snapshots && s.path("due").asLong() == 0 && s.path("leased").asLong() == 0;
        });
    }

    private static Map<String, Integer> hitsPerPath() {
        return pages.hits().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().size(),
                (x, y) -> x, TreeMap::new));
    }

    /** The distinct numbers of snapshots per resource: [1] when every resource has exactly one. */
    private static List<Long> snapshotsPerResource() {
        return postgres.rows("SELECT DISTINCT (SELECT count(*) FROM scrape_snapshot s WHERE s.resource_id = r.id) AS n "
                + "FROM resource r ORDER BY n").stream().map(row -> ((Number) row.get("n")).longValue()).toList();
    }

    /** quorum_scrape_outcomes_total summed over statuses, from the instance's Prometheus metrics. */
    private static long completedScrapes(AppProcess app) {
        double total = 0;
        for (String line : app.get("/q/metrics").body().split("\n")) {
            if (line.startsWith("quorum_scrape_outcomes_total{")) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return Math.round(total);
    }

    /** Runs {@code calls} at once; with a {@code lock}, releases it (by returning) once every call waits on it. */
    @SafeVarargs
    private static <T> List<T> concurrently(IngestLock lock, Callable<T>... calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.length);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            if (lock != null) {
                AppProcess.awaitUntil("every ingest waiting", GUARD, () -> lock.waiters() == calls.length);
                lock.close();
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
