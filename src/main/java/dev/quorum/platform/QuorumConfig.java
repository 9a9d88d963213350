package dev.quorum.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Quorum's own settings. Every key can also be set as an environment variable (QUORUM_DATA_DIR, …). */
@ConfigMapping(prefix = "quorum")
public interface QuorumConfig {

    Content content();

    Data data();

    Admin admin();

    Scrape scrape();

    Search search();

    interface Content {
        /** Folder holding reading-list.md (and later topics/); relative paths resolve against the working directory. */
        @WithDefault("content")
        String dir();

        /** Whether the content is ingested into the database when the app starts. */
        @WithDefault("true")
        boolean ingestOnStart();
    }

    interface Data {
        /** Folder for everything the app writes: the embedded PostgreSQL cluster lives in {@code <dir>/postgres}. */
        @WithDefault("data")
        String dir();
    }

    interface Search {
        /** How often the indexer looks for outbox rows; a change is searchable within about this long. */
        @WithDefault("PT0.25S")
        java.time.Duration pollInterval();

        /** Least time between two rebuilds of the title completions; they follow changes this far behind. */
        @WithDefault("PT5S")
        java.time.Duration suggestionsInterval();
    }

    interface Scrape {
        /** Whether background workers drain the scrape queue. */
        @WithDefault("true")
        boolean enabled();

        /** Worker threads; each fetches one URL at a time. */
        @WithDefault("2")
        int workers();

        /** Lets the scraper reach 127.0.0.0/8 and ::1. Only for test fixtures: production must never set it. */
        @WithDefault("false")
        boolean allowLoopback();

        /** How long after a successful check a resource is checked again. */
        @WithDefault("P7D")
        java.time.Duration recheck();

        /** How long a claimed job belongs to its worker before another may take it over. */
        @WithDefault("PT5M")
        java.time.Duration lease();

        /** The least time between two requests to one host (a site's Crawl-delay may make it longer). */
        @WithDefault("PT1S")
        java.time.Duration minHostInterval();

        /** How long an idle worker waits before looking at the queue again. */
        @WithDefault("PT5S")
        java.time.Duration pollInterval();
    }

    interface Admin {
        /** Bearer token for /api/v1/admin/*; while unset, the admin endpoints are disabled. */
        Optional<String> token();
    }
}
