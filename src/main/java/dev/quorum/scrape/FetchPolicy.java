package dev.quorum.scrape;

import java.time.Duration;

/**
 * How politely and how far the fetcher may go. Units are in the names' types; every limit is a bound
 * the fetcher never exceeds, whatever a server says.
 */
public record FetchPolicy(
        String userAgent,
        Duration connectTimeout,
        Duration readTimeout,
        Duration totalTimeout,
        long maxBodyBytes,
        int maxRedirects,
        Duration minHostInterval,
        Duration maxCrawlDelay,
        Duration maxRetryAfter,
        Duration robotsTtl,
        int maxConcurrent,
        boolean allowLoopback) {

    public static final String USER_AGENT = "QuorumBot/0.1 (+https://github.com/quorum-dev/quorum; a reading-list link checker)";
    /** The product token robots.txt groups are matched against. */
    public static final String ROBOTS_AGENT = "QuorumBot";

    public FetchPolicy {
        if (maxBodyBytes <= 0 || maxRedirects < 0 || maxConcurrent <= 0) {
            throw new IllegalArgumentException("fetch limits must be positive");
        }
    }

    /**
     * Production defaults: one request per host per second, 10 s to connect, 30 s per read, 90 s for a whole
     * fetch (robots.txt, redirects and body included; well inside a job's 5-minute lease), 10 MiB, 5 redirects.
     */
    public static FetchPolicy defaults() {
        return new FetchPolicy(USER_AGENT, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(90),
                10L * 1024 * 1024, 5, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofHours(6),
                Duration.ofHours(24), 4, false);
    }

    public FetchPolicy withAllowLoopback(boolean allow) {
        return new FetchPolicy(userAgent, connectTimeout, readTimeout, totalTimeout, maxBodyBytes, maxRedirects,
                minHostInterval, maxCrawlDelay, maxRetryAfter, robotsTtl, maxConcurrent, allow);
    }

    public FetchPolicy withMinHostInterval(Duration interval) {
        return new FetchPolicy(userAgent, connectTimeout, readTimeout, totalTimeout, maxBodyBytes, maxRedirects,
                interval, maxCrawlDelay, maxRetryAfter, robotsTtl, maxConcurrent, allowLoopback);
    }

    /** Sets the per-read timeout and, at three times it, the whole fetch's. */
    public FetchPolicy withReadTimeout(Duration timeout) {
        return new FetchPolicy(userAgent, connectTimeout, timeout, timeout.multipliedBy(3), maxBodyBytes, maxRedirects,
                minHostInterval, maxCrawlDelay, maxRetryAfter, robotsTtl, maxConcurrent, allowLoopback);
    }

    public FetchPolicy withMaxCrawlDelay(Duration cap) {
        return new FetchPolicy(userAgent, connectTimeout, readTimeout, totalTimeout, maxBodyBytes, maxRedirects,
                minHostInterval, cap, maxRetryAfter, robotsTtl, maxConcurrent, allowLoopback);
    }

    public FetchPolicy withMaxBodyBytes(long bytes) {
        return new FetchPolicy(userAgent, connectTimeout, readTimeout, totalTimeout, bytes, maxRedirects,
                minHostInterval, maxCrawlDelay, maxRetryAfter, robotsTtl, maxConcurrent, allowLoopback);
    }
}
