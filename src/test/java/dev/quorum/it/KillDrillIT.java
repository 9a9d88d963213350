package dev.quorum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the packaged app in the middle of a scrape and of an ingest, {@code -Ddrills.rounds} times
 * each (CI runs a few; docs/operations.md records a run of 20), on an external PostgreSQL that survives
 * every kill. After each restart: no job lost or done twice, no snapshot duplicated, the content whole.
 * Kill points come from a seeded random ({@code -Ddrills.seed}); each round prints where it struck.
 */
class KillDrillIT {

    private static final int ROUNDS = Integer.getInteger("drills.rounds", 3);
    private static final long SEED = Long.getLong("drills.seed", System.nanoTime());
    private static final Duration DRAIN_GUARD = Duration.ofSeconds(120);

    private final Random random = new Random(SEED);
    private ExternalPostgres postgres;
    private FixturePages pages;
    private AppProcess app;

    @AfterEach
    void stopEverything() throws Exception {
        if (app != null) {
            app.close();
        }
        if (pages != null) {
            pages.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    // ---- scrape ---------------------------------------------------------------------------------------

    private static final int SCRAPE_PAGES = 24;
    private static final int WORKERS = 4;
    private static final long PAGE_MS = 600;

    @Test
    void killedMidScrapeNoJobIsLostOrDoneTwice() throws Exception {
        Path work = AppProcess.workDir("kill-scrape");
        postgres = ExternalPostgres.start(work.resolve("postgres"));
        pages = new FixturePages(2 * WORKERS + 4);
        List<ItContent.Entry> entries = pages.entries(SCRAPE_PAGES);
        Path content = ItContent.write(work.resolve("content"), entries, "one");
        Map<String, String> settings = new TreeMap<>(postgres.datasource());
        settings.put("quorum.content.dir", content.toString());
        settings.put("quorum.scrape.enabled", "true");
        settings.put("quorum.scrape.workers", String.valueOf(WORKERS));
        settings.put("quorum.scrape.allow-loopback", "true");
        settings.put("quorum.scrape.min-host-interval", "PT0S");
        settings.put("quorum.scrape.poll-interval", "PT0.2S");
        // short leases, so the restarted instance takes over the dead one's jobs soon
        settings.put("quorum.scrape.lease", "PT3S");
        app = new AppProcess("scrape", work.resolve("app"), settings).start().awaitReady();
        awaitEveryJobDone(SCRAPE_PAGES);
        pages.delay(PAGE_MS);
        long busyMs = SCRAPE_PAGES * PAGE_MS / WORKERS;
        System.out.printf("[kill-scrape] %d rounds, seed %d%n", ROUNDS, SEED);

        for (int round = 1; round <= ROUNDS; round++) {
            Map<String, Long> before = snapshotsPerResource();
            pages.clear();
            assertEquals(200, app.post("/api/v1/admin/scrape").status());
            long killAfterMs = 100 + (long) (random.nextDouble() * busyMs);
            Thread.sleep(killAfterMs);
            app.kill();
            long killedNs = System.nanoTime();
            Map<String, Long> atKill = snapshotsPerResource();
            app.start().awaitReady();
            long total = before.values().stream().mapToLong(Long::longValue).sum() + SCRAPE_PAGES;
            awaitEveryJobDone(total);

            Map<String, Long> after = snapshotsPerResource();
            assertEquals(SCRAPE_PAGES, postgres.number("SELECT count(*) FROM scrape_job"), "round " + round + ": a job went missing");
            int writtenBeforeKill = 0;
            int cutOff = 0;
            Map<String, List<FixturePages.Hit>> hits = pages.hits();
            for (ItContent.Entry e : entries) {
                String id = resourceId(e.url());
                String path = java.net.URI.create(e.url()).getPath();
                assertEquals(before.get(id) + 1, after.get(id), "round " + round + ": " + path + " must gain exactly one snapshot");
                List<FixturePages.Hit> h = hits.getOrDefault(path, List.of());
                long beforeKill = h.stream().filter(x -> x.startedNs() < killedNs).count();
                long afterKill = h.size() - beforeKill;
                assertTrue(beforeKill <= 1 && afterKill <= 1, "round " + round + ": " + path + " fetched " + h.size() + " times");
                boolean done = atKill.get(id) > before.get(id);
                if (done) {
                    writtenBeforeKill++;
                    assertEquals(0, afterKill, "round " + round + ": " + path + " was fetched again after its snapshot was written");
                } else if (beforeKill == 1) {
                    cutOff++; // in flight when the process died: fetched again, written once
                }
            }
            System.out.printf("[kill-scrape] round %d: killed after %d ms; %d jobs done before the kill, %d cut off mid-fetch "
                    + "or mid-write, %d done after the restart; every job done once%n", round, killAfterMs, writtenBeforeKill, cutOff,
                    SCRAPE_PAGES - writtenBeforeKill);
        }
        assertEquals(0, postgres.number("SELECT count(*) FROM (SELECT resource_id, fetched_at FROM scrape_snapshot "
                + "GROUP BY resource_id, fetched_at HAVING count(*) > 1) d"), "duplicated snapshots");
    }

    private Map<String, Long> snapshotsPerResource() {
        Map<String, Long> counts = new HashMap<>();
        for (Map<String, Object> row : postgres.rows("SELECT r.id, (SELECT count(*) FROM scrape_snapshot s WHERE s.resource_id = r.id) AS n "
                + "FROM resource r")) {
            counts.put((String) row.get("id"), ((Number) row.get("n")).longValue());
        }
        return counts;
    }

    private String resourceId(String url) {
        return (String) postgres.rows("SELECT id FROM resource WHERE url = ?", url).get(0).get("id");
    }

    /** Every job done and rescheduled a week ahead, none leased, and {@code snapshots} written in all. */
    private void awaitEveryJobDone(long snapshots) {
        AppProcess.awaitUntil("every job done", DRAIN_GUARD, () -> postgres.number(
                "SELECT count(*) FROM scrape_job WHERE lease_owner IS NULL AND attempts = 0 AND next_attempt_at > now() + interval '6 days'")
                == SCRAPE_PAGES && postgres.number("SELECT count(*) FROM scrape_snapshot") == snapshots);
    }

    // ---- ingest ---------------------------------------------------------------------------------------

    private static final int INGEST_ENTRIES = Integer.getInteger("drills.entries", 1500);

    @Test
    void killedMidIngestTheContentIsWholeAfterTheRestart() throws Exception {
        Path work = AppProcess.workDir("kill-ingest");
        postgres = ExternalPostgres.start(work.resolve("postgres"));
        Path content = work.resolve("content");
        ItContent.write(content, version(0), "v0");
        Map<String, String> settings = new TreeMap<>(postgres.datasource());
        settings.put("quorum.content.dir", content.toString());
        settings.put("quorum.scrape.enabled", "false");
        app = new AppProcess("ingest", work.resolve("app"), settings).start().awaitReady();
        assertWhole(0);
        long ingestMs = timedIngest(1); // the version the first round starts from
        System.out.printf("[kill-ingest] %d rounds of %d entries, seed %d; an ingest takes %d ms here%n", ROUNDS,
                INGEST_ENTRIES, SEED, ingestMs);

        int old = 0;
        int applied = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            int v = round + 1;
            ItContent.write(content, version(v), "v" + v);
            // odd rounds: an ingest asked for through the admin API; even rounds: the ingest at startup
            boolean atStartup = round % 2 == 0;
            long killAfterMs = (long) (random.nextDouble() * ingestMs * 1.2);
            CompletableFuture<Void> call = CompletableFuture.completedFuture(null);
            if (atStartup) {
                app.stop();
                app.start();
                AppProcess.awaitUntil("the startup ingest writing", Duration.ofSeconds(120),
                        () -> IngestLock.sessions(postgres, true) > 0 || !app.alive());
            } else {
                call = CompletableFuture.runAsync(() -> {
                    try {
                        app.post("/api/v1/admin/ingest");
                    } catch (RuntimeException e) {
                        // the process died under the request
                    }
                });
            }
            Thread.sleep(killAfterMs);
            app.kill();
            call.join();
            int found = wholeVersionIn(v - 1, v);
            if (found == v) {
                applied++;
            } else {
                old++;
            }
            app.start().awaitReady();
            assertWhole(v);
            System.out.printf("[kill-ingest] round %d: killed %d ms into the %s ingest; the database held the %s version, whole; "
                    + "after the restart's ingest the new one, whole%n", round, killAfterMs,
                    atStartup ? "startup" : "admin", found == v ? "new" : "old");
        }
        System.out.printf("[kill-ingest] %d kills before the commit (old content kept), %d after it (new content kept)%n", old, applied);
    }

    /** The entries of content version {@code v}: one in ten left out, a different tenth each version. */
    private static List<ItContent.Entry> version(int v) {
        List<ItContent.Entry> entries = new ArrayList<>();
        for (int i = 0; i < INGEST_ENTRIES; i++) {
            if ((i + v) % 10 != 0) {
                entries.add(new ItContent.Entry("https://drill.example.org/entry/" + i, FixturePages.word(i)));
            }
        }
        return entries;
    }

    private long timedIngest(int v) throws Exception {
        ItContent.write(app.dir().getParent().resolve("content"), version(v), "v" + v);
        long started = System.nanoTime();
        AppProcess.Response r = app.post("/api/v1/admin/ingest");
        long ms = (System.nanoTime() - started) / 1_000_000;
        assertEquals("APPLIED", r.json().path("status").asText(), r.body());
        assertWhole(v);
        return ms;
    }

    /** The active catalog, as "url|title|description" rows, and the topic's path, as urls in order. */
    private List<String> activeRows() {
        return postgres.rows("SELECT url || '|' || title || '|' || description AS row FROM resource WHERE retired_at IS NULL")
                .stream().map(r -> (String) r.get("row")).sorted().toList();
    }

    private List<String> path() {
        return postgres.rows("SELECT r.url FROM topic_entry e JOIN resource r ON r.id = e.resource_id WHERE e.topic_slug = 'fixtures' "
                + "ORDER BY e.position").stream().map(r -> (String) r.get("url")).toList();
    }

    private static List<String> expectedRows(int v) {
        return version(v).stream().map(e -> e.url() + "|" + ItContent.title(e, "v" + v) + "|" + ItContent.description(e, "v" + v))
                .sorted().toList();
    }

    private static List<String> expectedPath(int v) {
        return version(v).stream().map(ItContent.Entry::url).toList();
    }

    /** Which of the two versions the database holds, whole: resources, retirements and reading path alike. */
    private int wholeVersionIn(int older, int newer) {
        List<String> rows = activeRows();
        List<String> path = path();
        for (int v : new int[] {older, newer}) {
            if (rows.equals(expectedRows(v)) && path.equals(expectedPath(v))) {
                return v;
            }
        }
        throw new AssertionError("the database holds neither version " + older + " nor " + newer + " whole: "
                + rows.size() + " active resources, " + path.size() + " on the path");
    }

    /** The database, and this instance's search index, hold version {@code v} and nothing else. */
    private void assertWhole(int v) {
        assertEquals(expectedRows(v), activeRows(), "active resources of version " + v);
        assertEquals(expectedPath(v), path(), "reading path of version " + v);
        long everListed = v == 0 ? version(0).size() : INGEST_ENTRIES;
        assertEquals(everListed, postgres.number("SELECT count(*) FROM resource"), "every entry once, retired or not");
        AppProcess.awaitUntil("version " + v + " searchable", Duration.ofSeconds(60),
                () -> app.get("/api/v1/search?q=v" + v).json().path("total").asLong() == version(v).size());
    }
}
