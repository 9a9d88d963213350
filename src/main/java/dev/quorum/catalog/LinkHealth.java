package dev.quorum.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * How a resource's link answered, as readers see it. A link is dead when it answered 404 or 410, or has
 * failed every check for two weeks; it is "broken since" the first of those failures.
 */
public final class LinkHealth {

    public static final Duration DEAD_AFTER = Duration.ofDays(14);
    private static final Set<String> HEALTHY = Set.of("ok", "unchanged", "redirected");
    private static final Set<String> FAILING = Set.of("gone", "error", "refused");

    private LinkHealth() {
    }

    /** Records a check's outcome on {@code r}. Deferred and robots-blocked checks say nothing about health. */
    public static void record(Resource r, String status, Integer httpStatus, Instant at) {
        r.linkCheckedAt = at;
        r.linkStatus = status;
        r.linkHttpStatus = httpStatus;
        if (HEALTHY.contains(status)) {
            r.linkFailingSince = null;
            r.linkBrokenSince = null;
        } else if (FAILING.contains(status)) {
            if (r.linkFailingSince == null) {
                r.linkFailingSince = at;
            }
            boolean dead = status.equals("gone") || !at.isBefore(r.linkFailingSince.plus(DEAD_AFTER));
            if (dead && r.linkBrokenSince == null) {
                r.linkBrokenSince = r.linkFailingSince;
            }
        }
    }

    /** The Wayback Machine's list of archived copies of {@code url}. */
    public static String archiveUrl(String url) {
        return "https://web.archive.org/web/*/" + url;
    }

    /** A sentence for readers, or empty before the first check. */
    public static Optional<String> describe(Resource r) {
        if (r.linkStatus == null) {
            return Optional.empty();
        }
        String code = r.linkHttpStatus == null ? "" : " (HTTP " + r.linkHttpStatus + ")";
        return Optional.of(switch (r.linkStatus) {
            case "ok", "unchanged" -> "the link worked" + code;
            case "redirected" -> "the link worked after a permanent redirect" + code;
            case "gone" -> "the page is gone" + code;
            case "blocked_by_robots" -> "the site asks robots not to fetch this page, so we could not check it";
            case "refused" -> "the link points at an address we do not fetch";
            case "deferred" -> r.linkHttpStatus == null ? "we could not reach the site; we will try again"
                    : "the site asked us to come back later" + code;
            default -> "the link failed" + code;
        });
    }
}
