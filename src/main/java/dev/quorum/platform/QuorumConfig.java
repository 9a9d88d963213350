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

    Limits limits();

    Pages pages();

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

    /**
     * Rendered pages kept in memory ({@code web.PageCache}): home, topic, kind and resource pages without a query
     * string. An entry is served while the search index has applied no change since it was rendered and it is
     * younger than {@code ttl}; the TTL only bounds how stale link health (which the index does not follow) may be.
     */
    interface Pages {
        /** How long a rendered page may be served; {@code PT0S} turns the cache off. */
        @WithDefault("PT10S")
        java.time.Duration cacheTtl();

        /** The most bytes of rendered pages kept; past it the least recently used go. */
        @WithDefault("33554432")
        long cacheMaxBytes();
    }

    interface Admin {
        /** Bearer token for /api/v1/admin/*; while unset, the admin endpoints are disabled. */
        Optional<String> token();
    }

    /**
     * Per-client request rates: a token bucket per client address (an IPv6 client by its /64) and class of
     * request, refilled at {@code perMinute} and holding at most {@code burst}. Over it, a 429 with Retry-After.
     */
    interface Limits {
        /** Whether the limits apply at all (tests of other things turn them off). */
        @WithDefault("true")
        boolean enabled();

        /** Any /api/v1 request not in a class below. */
        @WithDefault("600")
        int apiPerMinute();

        @WithDefault("120")
        int apiBurst();

        /** One demo run: /api/v1/demos/{id}/run and /history.edn, and a demo page that names a run. */
        @WithDefault("120")
        int runsPerMinute();

        @WithDefault("30")
        int runsBurst();

        /** The most expensive requests: counterexample searches and linearizability checks. */
        @WithDefault("12")
        int searchesPerMinute();

        @WithDefault("6")
        int searchesBurst();

        /** Demo runs one client may have in progress at once (each holds a demo slot, that is a CPU, while it runs). */
        @WithDefault("2")
        int runsInFlight();

        /** Counterexample searches and checks one client may have in progress at once. */
        @WithDefault("1")
        int searchesInFlight();

        /** How many clients' buckets are kept; past it the least recently seen are forgotten. */
        @WithDefault("50000")
        int clientsMax();
    }
}
