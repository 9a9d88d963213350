package dev.quorum.scrape;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.io.IOException;

/** What a test that drives the scraper sets up: a fixture server, and a queue where only its own jobs are due. */
public final class ScrapeFixtures {

    private ScrapeFixtures() {
    }

    /** A fixture server on 127.0.0.1 whose robots.txt is missing (a 404: no rules). */
    public static FixtureServer server() throws IOException {
        FixtureServer server = new FixtureServer();
        server.page("/robots.txt", 404, "text/plain", "");
        return server;
    }

    /** Pushes every job a century ahead and drops its lease, so the real list's links are never fetched in tests. */
    public static void parkEveryJob(EntityManager em) {
        QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("UPDATE scrape_job SET next_attempt_at = now() + interval '100 years', lease_owner = NULL, lease_until = NULL")
                        .executeUpdate());
    }
}
