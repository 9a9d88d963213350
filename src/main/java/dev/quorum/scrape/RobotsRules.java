package dev.quorum.scrape;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * robots.txt per origin, with RFC 9309 semantics: a 4xx means "no rules, allowed", a 5xx means
 * "unavailable, try later", and a parsed file is cached for the policy's TTL (24 h). A site that cannot be
 * reached at all (no such host, connection refused) is a failed check of the link itself.
 */
final class RobotsRules {

    enum Verdict { ALLOWED, DISALLOWED, UNAVAILABLE, UNREACHABLE }

    /** A verdict and, when it is not a plain yes or no, why. */
    record Decision(Verdict verdict, String reason) {
    }

    /** Rules, or the reason there are none for now. */
    private record Cached(BaseRobotRules rules, Decision failure, long expiresNs) {
    }

    private static final BaseRobotRules ALLOW_ALL = new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL);
    /** A failure is remembered for a short while, so a down site is not asked for robots.txt on every URL. */
    private static final Duration FAILURE_TTL = Duration.ofMinutes(10);

    private final Fetcher fetcher;
    private final FetchPolicy policy;
    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    private final Map<String, Cached> byOrigin = new ConcurrentHashMap<>();

    RobotsRules(Fetcher fetcher, FetchPolicy policy) {
        this.fetcher = fetcher;
        this.policy = policy;
        // crawler-commons turns a Crawl-delay above its own maximum into "disallow everything"; we cap the
        // delay ourselves (crawlDelay) instead of refusing the whole site.
        parser.setMaxCrawlDelay(Long.MAX_VALUE);
    }

    Decision check(URI uri, long deadlineNs) {
        Cached c = rules(uri, deadlineNs);
        if (c.rules() == null) {
            return c.failure();
        }
        return new Decision(c.rules().isAllowed(uri.toString()) ? Verdict.ALLOWED : Verdict.DISALLOWED, "");
    }

    /** The site's Crawl-delay, capped; zero when it sets none or its rules are not known. */
    Duration crawlDelay(URI uri) {
        Cached c = byOrigin.get(origin(uri));
        if (c == null || c.rules() == null || c.rules().getCrawlDelay() <= 0) {
            return Duration.ZERO;
        }
        Duration d = Duration.ofMillis(c.rules().getCrawlDelay());
        return d.compareTo(policy.maxCrawlDelay()) > 0 ? policy.maxCrawlDelay() : d;
    }

    private Cached rules(URI uri, long deadlineNs) {
        String origin = origin(uri);
        Cached cached = byOrigin.get(origin);
        if (cached != null && System.nanoTime() < cached.expiresNs()) {
            return cached;
        }
        Cached fresh;
        try {
            fresh = fetch(URI.create(origin + "/robots.txt"), deadlineNs);
        } catch (RuntimeException e) {
            fresh = failure(Verdict.UNREACHABLE, "robots.txt could not be read: " + e.getClass().getSimpleName());
        }
        byOrigin.put(origin, fresh);
        return fresh;
    }

    private Cached fetch(URI robotsUri, long deadlineNs) {
        URI current = robotsUri;
        for (int hop = 0; hop <= policy.maxRedirects(); hop++) {
            Fetcher.Response r;
            try {
                if (!fetcher.awaitTurn(current.getHost(), deadlineNs)) {
                    return failure(Verdict.UNAVAILABLE, "not yet: the host asked us to wait");
                }
                r = fetcher.get(current, Optional.empty(), Optional.empty(), deadlineNs);
            } catch (AddressGuard.RefusedAddressException e) {
                return allowed(); // the page fetch will be refused by the guard with a clear reason
            } catch (IOException e) {
                return failure(Verdict.UNREACHABLE, "unreachable: " + Fetcher.clean(String.valueOf(e.getMessage())));
            }
            int status = r.status();
            if (status >= 300 && status < 400 && r.header("Location").isPresent()) {
                Optional<URI> next = Fetcher.resolveLocation(current, r.header("Location").get());
                if (next.isEmpty() || !isHttp(next.get())) {
                    return allowed(); // an unusable robots.txt redirect counts as no robots.txt
                }
                current = next.get();
                continue;
            }
            if (status >= 200 && status < 300) {
                BaseRobotRules rules = parser.parseContent(robotsUri.toString(), r.body(),
                        r.header("Content-Type").orElse("text/plain"), List.of(FetchPolicy.ROBOTS_AGENT.toLowerCase(Locale.ROOT)));
                return new Cached(rules, null, System.nanoTime() + policy.robotsTtl().toNanos());
            }
            if (status >= 400 && status < 500) {
                return allowed();
            }
            return failure(Verdict.UNAVAILABLE, "HTTP " + status);
        }
        return allowed(); // RFC 9309: after five redirects, treat robots.txt as unavailable, i.e. no rules
    }

    private Cached allowed() {
        return new Cached(ALLOW_ALL, null, System.nanoTime() + policy.robotsTtl().toNanos());
    }

    private static Cached failure(Verdict verdict, String reason) {
        return new Cached(null, new Decision(verdict, reason), System.nanoTime() + FAILURE_TTL.toNanos());
    }

    private static boolean isHttp(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    }

    private static String origin(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
