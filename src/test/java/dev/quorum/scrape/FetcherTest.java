package dev.quorum.scrape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorum.scrape.FetchResult.Outcome;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fetcher against a fixture server on 127.0.0.1; nothing here touches the internet. */
class FetcherTest {

    private static final FetchPolicy POLICY = FetchPolicy.defaults()
            .withAllowLoopback(true)
            .withMinHostInterval(Duration.ZERO)
            .withReadTimeout(Duration.ofMillis(800))
            .withMaxBodyBytes(64 * 1024);

    private FixtureServer server;
    private Fetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        server = new FixtureServer();
        fetcher = new Fetcher(POLICY);
    }

    @AfterEach
    void stop() throws IOException {
        fetcher.close();
        server.close();
    }

    private FetchResult fetch(String path) {
        return fetcher.fetch(server.url(path), Optional.empty(), Optional.empty());
    }

    @Test
    void fetchesAPageWithItsValidators() {
        server.route("/post", ex -> {
            ex.getResponseHeaders().set("ETag", "\"v1\"");
            ex.getResponseHeaders().set("Last-Modified", "Wed, 21 Oct 2015 07:28:00 GMT");
            FixtureServer.send(ex, 200, "text/html; charset=utf-8", "<p>hello</p>");
        });
        FetchResult r = fetch("/post");
        assertEquals(Outcome.OK, r.outcome());
        assertEquals(200, r.httpStatus());
        assertEquals("<p>hello</p>", new String(r.body(), StandardCharsets.UTF_8));
        assertEquals(Optional.of("\"v1\""), r.etag());
        assertEquals(Optional.of("text/html; charset=utf-8"), r.contentType());
        assertTrue(server.requests().contains("GET /robots.txt"), "robots.txt is read first");
    }

    @Test
    void sendsAnIdentifiableUserAgent() {
        server.route("/ua", ex -> FixtureServer.send(ex, 200, "text/plain", ex.getRequestHeaders().getFirst("User-Agent")));
        assertEquals(FetchPolicy.USER_AGENT, new String(fetch("/ua").body(), StandardCharsets.UTF_8));
    }

    @Test
    void aMatchingEtagIsAnsweredUnchanged() {
        server.route("/etag", ex -> {
            if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                FixtureServer.send(ex, 304, null, new byte[0]);
            } else {
                FixtureServer.send(ex, 200, "text/html", "fresh");
            }
        });
        FetchResult r = fetcher.fetch(server.url("/etag"), Optional.of("\"v1\""), Optional.empty());
        assertEquals(Outcome.UNCHANGED, r.outcome());
        assertEquals(304, r.httpStatus());
    }

    @Test
    void followsARedirectChainAndSaysWhereItEnded() {
        server.route("/a", ex -> redirect(ex, 301, "/b"));
        server.route("/b", ex -> redirect(ex, 308, server.url("/c")));
        server.page("/c", 200, "text/html", "end");
        FetchResult r = fetch("/a");
        assertEquals(Outcome.REDIRECTED, r.outcome());
        assertEquals(server.url("/c"), r.finalUrl());
        server.route("/t", ex -> redirect(ex, 302, "/c"));
        assertEquals(Outcome.OK, fetch("/t").outcome(), "a temporary redirect does not move the resource");
    }

    @Test
    void stopsAfterFiveRedirects() {
        for (int i = 0; i < 7; i++) {
            String next = "/r" + (i + 1);
            server.route("/r" + i, ex -> redirect(ex, 302, next));
        }
        server.page("/r7", 200, "text/plain", "too far");
        FetchResult r = fetch("/r0");
        assertEquals(Outcome.ERROR, r.outcome());
        assertEquals("more than 5 redirects", r.detail());
    }

    @Test
    void refusesARedirectToAPrivateOrMetadataAddress() {
        server.route("/to-private", ex -> redirect(ex, 302, "http://10.0.0.7/admin"));
        server.route("/to-metadata", ex -> redirect(ex, 302, "http://169.254.169.254/latest/meta-data/"));
        server.route("/to-mapped", ex -> redirect(ex, 302, "http://[::ffff:192.168.0.1]/"));
        for (String path : List.of("/to-private", "/to-metadata", "/to-mapped")) {
            FetchResult r = fetch(path);
            assertEquals(Outcome.REFUSED, r.outcome(), path + ": " + r.detail());
        }
        assertTrue(fetch("/to-metadata").detail().contains("169.254.169.254"));
    }

    @Test
    void refusesLoopbackUnlessTheProfileAllowsIt() throws IOException {
        server.page("/page", 200, "text/plain", "local");
        try (Fetcher production = new Fetcher(POLICY.withAllowLoopback(false))) {
            for (String url : List.of(server.url("/page"), "http://localhost:" + server.port() + "/page",
                    "http://2130706433:" + server.port() + "/page", "http://[::1]:" + server.port() + "/page")) {
                FetchResult r = production.fetch(url, Optional.empty(), Optional.empty());
                assertEquals(Outcome.REFUSED, r.outcome(), url + ": " + r.detail());
            }
        }
        assertTrue(server.requests().isEmpty(), "nothing reached the server");
    }

    @Test
    void refusesSchemesOtherThanHttp() {
        assertEquals(Outcome.REFUSED, fetcher.fetch("file:///etc/passwd", Optional.empty(), Optional.empty()).outcome());
        assertEquals(Outcome.REFUSED, fetcher.fetch("ftp://example.com/x", Optional.empty(), Optional.empty()).outcome());
        server.route("/to-file", ex -> redirect(ex, 302, "file:///etc/passwd"));
        assertEquals(Outcome.REFUSED, fetch("/to-file").outcome());
    }

    @Test
    void notFoundAndGoneAreGone() {
        server.page("/gone", 410, "text/plain", "gone");
        assertEquals(Outcome.GONE, fetch("/missing").outcome());
        assertEquals(404, fetch("/missing").httpStatus());
        assertEquals(Outcome.GONE, fetch("/gone").outcome());
    }

    @Test
    void tooManyRequestsIsDeferredWithItsRetryAfter() throws IOException {
        server.route("/busy", ex -> {
            ex.getResponseHeaders().set("Retry-After", "120");
            FixtureServer.send(ex, 429, "text/plain", "slow down");
        });
        server.route("/down", ex -> {
            ex.getResponseHeaders().set("Retry-After", "999999");
            FixtureServer.send(ex, 503, "text/plain", "maintenance");
        });
        FetchResult busy = fetch("/busy");
        assertEquals(Outcome.DEFERRED, busy.outcome());
        assertEquals(Optional.of(Duration.ofSeconds(120)), busy.retryAfter());
        int before = server.requests().size();
        server.page("/other", 200, "text/html", "x");
        FetchResult paused = fetch("/other");
        assertEquals(Outcome.DEFERRED, paused.outcome(), "the host is left alone for its Retry-After");
        assertTrue(paused.durationMs() < 5_000, "deferred at once, not by holding a worker for two minutes");
        assertEquals(before, server.requests().size(), "no request was sent");
        try (Fetcher other = new Fetcher(POLICY)) {
            FetchResult down = other.fetch(server.url("/down"), Optional.empty(), Optional.empty());
            assertEquals(Optional.of(POLICY.maxRetryAfter()), down.retryAfter(), "capped");
        }
    }

    @Test
    void aSlowResponseTimesOut() {
        server.route("/slow", ex -> {
            sleep(3_000);
            FixtureServer.send(ex, 200, "text/plain", "late");
        });
        FetchResult r = fetch("/slow");
        assertEquals(Outcome.ERROR, r.outcome());
        assertTrue(r.detail().startsWith("timed out"), r.detail());
        assertTrue(r.durationMs() < 2_500, "gave up after the read timeout, not after the server");
    }

    @Test
    void anOversizedBodyIsRefused() {
        server.page("/huge", 200, "text/html", "x".repeat(100 * 1024));
        server.route("/huge-chunked", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 0);
            try (var out = ex.getResponseBody()) {
                for (int i = 0; i < 200; i++) {
                    out.write(new byte[1024]);
                }
            }
        });
        assertEquals("body larger than 65536 bytes", fetch("/huge").detail());
        assertEquals("body larger than 65536 bytes", fetch("/huge-chunked").detail());
    }

    @Test
    void robotsDisallowIsObeyed() {
        server.page("/robots.txt", 200, "text/plain", "User-agent: QuorumBot\nDisallow: /private/\n\nUser-agent: *\nDisallow: /\n");
        server.page("/private/page", 200, "text/html", "secret");
        server.page("/public", 200, "text/html", "open");
        assertEquals(Outcome.BLOCKED_BY_ROBOTS, fetch("/private/page").outcome());
        assertEquals(Outcome.OK, fetch("/public").outcome(), "our group, not '*', applies");
        assertEquals(1, server.requests().stream().filter(r -> r.equals("GET /robots.txt")).count(), "cached");
        assertTrue(!server.requests().contains("GET /private/page"));
    }

    @Test
    void robotsServerErrorDefersAndRobotsNotFoundAllows() throws IOException {
        server.page("/robots.txt", 500, "text/plain", "oops");
        server.page("/page", 200, "text/html", "x");
        assertEquals(Outcome.DEFERRED, fetch("/page").outcome());
        try (FixtureServer other = new FixtureServer()) {
            other.page("/page", 200, "text/html", "x");
            assertEquals(Outcome.OK, fetcher.fetch(other.url("/page"), Optional.empty(), Optional.empty()).outcome());
        }
    }

    @Test
    void oneRequestPerHostPerInterval() throws IOException {
        server.page("/p", 200, "text/plain", "x");
        try (Fetcher polite = new Fetcher(POLICY.withMinHostInterval(Duration.ofMillis(300)))) {
            long started = System.nanoTime();
            for (int i = 0; i < 3; i++) {
                assertEquals(Outcome.OK, polite.fetch(server.url("/p"), Optional.empty(), Optional.empty()).outcome());
            }
            long ms = (System.nanoTime() - started) / 1_000_000;
            // robots.txt + 3 pages = 4 requests, so at least 3 intervals between them
            assertTrue(ms >= 900, "took " + ms + " ms");
        }
    }

    @Test
    void anEndlessBodyIsCutOffNotDrained() {
        server.route("/endless", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 0);
            try (var out = ex.getResponseBody()) {
                byte[] chunk = new byte[8192];
                while (true) {
                    out.write(chunk);
                }
            }
        });
        server.route("/lying-length", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 100_000_000_000L);
            try (var out = ex.getResponseBody()) {
                while (true) {
                    out.write(new byte[8192]);
                }
            }
        });
        for (String path : List.of("/endless", "/lying-length")) {
            FetchResult r = fetch(path);
            assertEquals("body larger than 65536 bytes", r.detail(), path);
            assertTrue(r.durationMs() < 10_000, path + " was cut off, not read to the end: " + r.durationMs() + " ms");
        }
    }

    @Test
    void aTricklingResponseMeetsTheDeadline() {
        server.route("/trickle", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 0);
            try (var out = ex.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write('x');
                    out.flush();
                    sleep(300); // each read is quick enough, the whole never ends
                }
            }
        });
        FetchResult r = fetch("/trickle");
        assertEquals(Outcome.ERROR, r.outcome());
        assertTrue(r.detail().contains("took longer than"), r.detail());
        assertTrue(r.durationMs() < 10_000, "the deadline (3 × 800 ms) ended it, not the 30 s body: " + r.durationMs());
    }

    @Test
    void locationsAreResolvedLikeABrowserWould() {
        server.route("/dir/page", ex -> redirect(ex, 302, "?q=1"));
        server.route("/spaces", ex -> redirect(ex, 302, "/with space/caf\u00e9"));
        server.page("/dir/page2", 200, "text/plain", "x");
        assertEquals(server.url("/dir/page?q=1"), fetch("/dir/page").finalUrl());
        assertEquals(server.url("/with%20space/caf%C3%A9"), fetch("/spaces").finalUrl());
        assertTrue(server.requests().stream().anyMatch(r -> r.startsWith("GET /with%20space/caf%C3%A9")), server.requests()::toString);
    }

    @Test
    void oddRobotsFilesNeitherBreakNorBlock() throws IOException {
        server.route("/robots.txt", ex -> redirect(ex, 302, "mailto:webmaster@example.com"));
        server.page("/page", 200, "text/html", "x");
        assertEquals(Outcome.OK, fetch("/page").outcome(), "an unusable robots.txt redirect means no rules");
        try (FixtureServer slow = new FixtureServer();
                Fetcher capped = new Fetcher(POLICY.withMaxCrawlDelay(Duration.ofMillis(200)))) {
            slow.page("/robots.txt", 200, "text/plain", "User-agent: *\nCrawl-delay: 3600\n");
            slow.page("/page", 200, "text/html", "x");
            FetchResult r = capped.fetch(slow.url("/page"), Optional.empty(), Optional.empty());
            assertEquals(Outcome.OK, r.outcome(), "a huge Crawl-delay is capped, not a ban");
            assertTrue(r.durationMs() >= 150, "but it is honoured up to the cap: " + r.durationMs());
        }
    }

    @Test
    void anUnknownHostIsAFailedCheckNotADeferral() {
        FetchResult r = fetcher.fetch("http://no-such-host.invalid/page", Optional.empty(), Optional.empty());
        assertEquals(Outcome.ERROR, r.outcome(), r.detail());
        assertTrue(r.detail().startsWith("unreachable"), r.detail());
    }

    @Test
    void controlCharactersInHeadersAreDropped() {
        server.route("/nul", ex -> {
            ex.getResponseHeaders().set("ETag", "\"a\u0001b\"");
            FixtureServer.send(ex, 200, "text/html", "x");
        });
        assertEquals(Optional.of("\"ab\""), fetch("/nul").etag());
    }

    @Test
    void bytesArriveUntouched() {
        byte[] cp1251 = "Привет, мир".getBytes(Charset.forName("windows-1251"));
        server.route("/ru", ex -> FixtureServer.send(ex, 200, "text/html; charset=windows-1251", cp1251));
        assertArrayEquals(cp1251, fetch("/ru").body());
    }

    private static void redirect(com.sun.net.httpserver.HttpExchange ex, int status, String location) throws IOException {
        ex.getResponseHeaders().set("Location", location);
        FixtureServer.send(ex, status, "text/plain", new byte[0]);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
