package dev.quorum.scrape;

import java.time.Duration;
import java.util.Optional;

/** What one fetch of a URL came to. {@code body} is empty unless the outcome is OK or REDIRECTED. */
public record FetchResult(
        Outcome outcome,
        int httpStatus,
        String finalUrl,
        Optional<String> contentType,
        byte[] body,
        Optional<String> etag,
        Optional<String> lastModified,
        Optional<Duration> retryAfter,
        long durationMs,
        String detail) {

    public enum Outcome {
        /** 2xx with a body, at the URL asked for. */
        OK,
        /** 304: the validators we sent still hold. */
        UNCHANGED,
        /** 2xx with a body, after a permanent redirect to another URL. */
        REDIRECTED,
        /** 404 or 410. */
        GONE,
        /** robots.txt disallows the path for our user agent. */
        BLOCKED_BY_ROBOTS,
        /** The host resolves to an address the SSRF guard refuses, or the URL is not http(s). */
        REFUSED,
        /** Try later: 429 or 503 (with Retry-After if given), or robots.txt answered 5xx. */
        DEFERRED,
        /** Anything else: network failure, timeout, a body over the limit, too many redirects, other statuses. */
        ERROR
    }

    static FetchResult without(Outcome outcome, int httpStatus, String finalUrl, long durationMs, String detail) {
        return new FetchResult(outcome, httpStatus, finalUrl, Optional.empty(), new byte[0], Optional.empty(),
                Optional.empty(), Optional.empty(), durationMs, detail);
    }
}
