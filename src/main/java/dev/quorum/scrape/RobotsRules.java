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
 * robots.txt per origin, with RFC 9309 semantics: a 4xx means "no rules, allowed", a 5xx or a network
 * failure means "unavailable, try later", and a parsed file is cached for the policy's TTL (24 h).
 */
final class RobotsRules {

    enum Verdict { ALLOWED, DISALLOWED, UNAVAILABLE }

    private record Cached(BaseRobotRules rules, long expiresNs) {
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
    }

    Verdict check(URI uri) {
        BaseRobotRules rules = rules(uri);
        if (rules == null) {
            return Verdict.UNAVAILABLE;
        }
        return rules.isAllowed(uri.toString()) ? Verdict.ALLOWED : Verdict.DISALLOWED;
    }

    /** The site's Crawl-delay, capped; zero when it sets none. */
    Duration crawlDelay(URI uri) {
        BaseRobotRules rules = rules(uri);
        if (rules == null || rules.getCrawlDelay() <= 0) {
            return Duration.ZERO;
        }
        Duration d = Duration.ofMillis(rules.getCrawlDelay());
        return d.compareTo(policy.maxCrawlDelay()) > 0 ? policy.maxCrawlDelay() : d;
    }

    /** Null while robots.txt is unavailable. */
    private BaseRobotRules rules(URI uri) {
        String origin = origin(uri);
        Cached cached = byOrigin.get(origin);
        if (cached != null && System.nanoTime() < cached.expiresNs()) {
            return cached.rules();
        }
        Optional<BaseRobotRules> fetched = fetch(URI.create(origin + "/robots.txt"));
        long ttl = fetched.isPresent() ? policy.robotsTtl().toNanos() : FAILURE_TTL.toNanos();
        Cached fresh = new Cached(fetched.orElse(null), System.nanoTime() + ttl);
        byOrigin.put(origin, fresh);
        return fresh.rules();
    }

    private Optional<BaseRobotRules> fetch(URI robotsUri) {
        URI current = robotsUri;
        for (int hop = 0; hop <= policy.maxRedirects(); hop++) {
            Fetcher.Response r;
            try {
                fetcher.awaitTurn(current.getHost());
                r = fetcher.get(current, Optional.empty(), Optional.empty());
            } catch (AddressGuard.RefusedAddressException e) {
                return Optional.of(ALLOW_ALL); // the page fetch will be refused by the guard with a clear reason
            } catch (IOException e) {
                return Optional.empty();
            }
            int status = r.status();
            if (status >= 300 && status < 400 && r.header("Location").isPresent()) {
                current = current.resolve(r.header("Location").get().trim());
                continue;
            }
            if (status >= 200 && status < 300) {
                return Optional.of(parser.parseContent(robotsUri.toString(), r.body(),
                        r.header("Content-Type").orElse("text/plain"), List.of(FetchPolicy.ROBOTS_AGENT.toLowerCase(Locale.ROOT))));
            }
            if (status >= 400 && status < 500) {
                return Optional.of(ALLOW_ALL);
            }
            return Optional.empty();
        }
        return Optional.of(ALLOW_ALL); // RFC 9309: after five redirects, treat as unavailable rules → allow
    }

    private static String origin(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
