package dev.quorum.scrape;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.utils.DateUtils;
import org.apache.hc.client5.http.utils.URIUtils;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Fetches one URL politely and safely: robots.txt first ({@link RobotsRules}), at most one request per
 * host per interval ({@link HostThrottle}), a bounded number at once, conditional GET, timeouts, a body
 * cap and at most {@code maxRedirects} redirects, each hop checked again.
 *
 * <p>Every connection goes through {@link AddressGuard}: the client's DNS resolver is the guard, so the
 * address that was checked is the address connected to. Proxies from system properties are ignored.
 * A whole fetch (robots.txt, redirects, body) has a deadline; when it passes, or a body grows past the cap,
 * the request is cancelled, which closes the connection instead of draining it.
 */
public final class Fetcher implements Closeable {

    private final FetchPolicy policy;
    private final CloseableHttpClient client;
    private final RobotsRules robots;
    private final HostThrottle throttle;
    private final Semaphore slots;
    private final ScheduledExecutorService canceller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fetch-deadline");
        t.setDaemon(true);
        return t;
    });

    public Fetcher(FetchPolicy policy) {
        this.policy = policy;
        AddressGuard guard = new AddressGuard(policy.allowLoopback());
        DnsResolver resolver = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return guard.resolve(host);
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(resolver)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(policy.connectTimeout()))
                                .setSocketTimeout(Timeout.of(policy.readTimeout()))
                                .build())
                        .setMaxConnTotal(policy.maxConcurrent() * 2)
                        .setMaxConnPerRoute(2)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(policy.readTimeout()))
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .setUserAgent(policy.userAgent())
                .build();
        this.robots = new RobotsRules(this, policy);
        this.throttle = new HostThrottle(policy.minHostInterval());
        this.slots = new Semaphore(policy.maxConcurrent(), true);
    }

    /** Fetches {@code url}, sending the validators of the last snapshot when there is one. */
    public FetchResult fetch(String url, Optional<String> etag, Optional<String> lastModified) {
        long startedNs = System.nanoTime();
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FetchResult.without(FetchResult.Outcome.ERROR, 0, url, 0, "interrupted");
        }
        try {
            return follow(url, etag, lastModified, startedNs, startedNs + policy.totalTimeout().toNanos());
        } catch (RuntimeException e) {
            // whatever a site sends, the caller gets an outcome, not an exception
            return FetchResult.without(FetchResult.Outcome.ERROR, 0, url, elapsedMs(startedNs),
                    "unexpected: " + e.getClass().getSimpleName() + ": " + clean(String.valueOf(e.getMessage())));
        } finally {
            slots.release();
        }
    }

    private FetchResult follow(String url, Optional<String> etag, Optional<String> lastModified, long startedNs,
            long deadlineNs) {
        String current = url;
        boolean permanent = true;
        for (int hop = 0; hop <= policy.maxRedirects(); hop++) {
            URI uri;
            try {
                uri = httpUri(current);
            } catch (IllegalArgumentException e) {
                return FetchResult.without(FetchResult.Outcome.REFUSED, 0, current, elapsedMs(startedNs), e.getMessage());
            }
            RobotsRules.Decision robotsSay = robots.check(uri, deadlineNs);
            switch (robotsSay.verdict()) {
                case DISALLOWED -> {
                    return FetchResult.without(FetchResult.Outcome.BLOCKED_BY_ROBOTS, 0, current, elapsedMs(startedNs),
                            "robots.txt disallows " + uri.getRawPath() + " for " + FetchPolicy.ROBOTS_AGENT);
                }
                case UNAVAILABLE -> {
                    return FetchResult.without(FetchResult.Outcome.DEFERRED, 0, current, elapsedMs(startedNs),
                            "robots.txt answered " + robotsSay.reason() + "; trying later");
                }
                case UNREACHABLE -> {
                    return FetchResult.without(FetchResult.Outcome.ERROR, 0, current, elapsedMs(startedNs), robotsSay.reason());
                }
                case ALLOWED -> { }
            }
            Optional<Duration> busy = throttle.await(uri.getHost(), robots.crawlDelay(uri), deadlineNs - System.nanoTime());
            if (busy.isPresent()) {
                return new FetchResult(FetchResult.Outcome.DEFERRED, 0, current, Optional.empty(), new byte[0], Optional.empty(),
                        Optional.empty(), busy, elapsedMs(startedNs), "the host asked us to wait " + busy.get().toSeconds() + " s");
            }
            Response response;
            try {
                response = get(uri, hop == 0 ? etag : Optional.empty(), hop == 0 ? lastModified : Optional.empty(), deadlineNs);
            } catch (AddressGuard.RefusedAddressException e) {
                return FetchResult.without(FetchResult.Outcome.REFUSED, 0, current, elapsedMs(startedNs), e.getMessage());
            } catch (IOException e) {
                return FetchResult.without(FetchResult.Outcome.ERROR, 0, current, elapsedMs(startedNs), describe(e));
            }
            int status = response.status();
            if (status >= 300 && status < 400 && status != 304) {
                Optional<String> location = response.header("Location");
                if (location.isEmpty()) {
                    return FetchResult.without(FetchResult.Outcome.ERROR, status, current, elapsedMs(startedNs), "redirect without Location");
                }
                permanent &= status == 301 || status == 308;
                Optional<URI> next = resolveLocation(uri, location.get());
                if (next.isEmpty()) {
                    return FetchResult.without(FetchResult.Outcome.ERROR, status, current, elapsedMs(startedNs),
                            "bad Location: " + location.get());
                }
                current = next.get().toString();
                continue;
            }
            return result(response, url, current, permanent, startedNs);
        }
        return FetchResult.without(FetchResult.Outcome.ERROR, 0, current, elapsedMs(startedNs),
                "more than " + policy.maxRedirects() + " redirects");
    }

    /**
     * Resolves a Location header per RFC 3986. Servers send raw UTF-8 and spaces; HttpClient hands header
     * bytes over as ISO-8859-1, so they are decoded again as UTF-8 and anything a URI may not hold is
     * percent-encoded. Empty when the result is not a usable URI.
     */
    static Optional<URI> resolveLocation(URI base, String location) {
        String raw = utf8(location).trim();
        StringBuilder encoded = new StringBuilder(raw.length());
        for (byte b : raw.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c <= 0x20 || c >= 0x7f || "\"<>\\^`{|}".indexOf(c) >= 0) {
                encoded.append('%').append(String.format("%02X", c));
            } else {
                encoded.append((char) c);
            }
        }
        try {
            return Optional.of(URIUtils.resolve(base, new URI(encoded.toString())));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Header bytes that are valid UTF-8 are read as UTF-8; anything else stays as HttpClient read it. */
    private static String utf8(String latin1) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(latin1.getBytes(StandardCharsets.ISO_8859_1)))
                    .toString();
        } catch (CharacterCodingException e) {
            return latin1;
        }
    }

    private FetchResult result(Response r, String asked, String finalUrl, boolean permanent, long startedNs) {
        long ms = elapsedMs(startedNs);
        int status = r.status();
        if (status == 304) {
            return new FetchResult(FetchResult.Outcome.UNCHANGED, status, finalUrl, Optional.empty(), new byte[0],
                    r.header("ETag"), r.header("Last-Modified"), Optional.empty(), ms, "not modified");
        }
        if (status == 404 || status == 410) {
            return FetchResult.without(FetchResult.Outcome.GONE, status, finalUrl, ms, "HTTP " + status);
        }
        if (status == 429 || status == 503) {
            Optional<Duration> retryAfter = retryAfter(r.header("Retry-After"));
            retryAfter.ifPresent(d -> throttle.pause(URI.create(finalUrl).getHost(), d));
            return new FetchResult(FetchResult.Outcome.DEFERRED, status, finalUrl, Optional.empty(), new byte[0],
                    Optional.empty(), Optional.empty(), retryAfter, ms, "HTTP " + status);
        }
        if (status < 200 || status >= 300) {
            return FetchResult.without(FetchResult.Outcome.ERROR, status, finalUrl, ms, "HTTP " + status);
        }
        if (r.tooLarge()) {
            return FetchResult.without(FetchResult.Outcome.ERROR, status, finalUrl, ms,
                    "body larger than " + policy.maxBodyBytes() + " bytes");
        }
        boolean moved = !finalUrl.equals(asked) && permanent;
        return new FetchResult(moved ? FetchResult.Outcome.REDIRECTED : FetchResult.Outcome.OK, status, finalUrl,
                r.header("Content-Type"), r.body(), r.header("ETag"), r.header("Last-Modified"), Optional.empty(), ms,
                moved ? "moved permanently to " + finalUrl : "ok");
    }

    /** Waits for {@code host}'s turn; robots.txt requests count against the per-host rate too. False: not before the deadline. */
    boolean awaitTurn(String host, long deadlineNs) {
        return throttle.await(host, Duration.ZERO, deadlineNs - System.nanoTime()).isEmpty();
    }

    /** A GET whose body is read up to the cap, cancelled at {@code deadlineNs}; used for pages and robots.txt. */
    Response get(URI uri, Optional<String> etag, Optional<String> lastModified, long deadlineNs) throws IOException {
        long remainingNs = deadlineNs - System.nanoTime();
        if (remainingNs <= 0) {
            throw new InterruptedIOException("the fetch took longer than " + policy.totalTimeout().toSeconds() + " s");
        }
        HttpGet get = new HttpGet(uri);
        get.setHeader("Accept", "text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.5");
        get.setHeader("Accept-Language", "en;q=1.0, *;q=0.5");
        etag.ifPresent(v -> get.setHeader("If-None-Match", v));
        lastModified.ifPresent(v -> get.setHeader("If-Modified-Since", v));
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> deadline = canceller.schedule(() -> {
            expired.set(true); // before the cancel: the reading thread sees its socket close right after
            get.cancel();
        }, remainingNs, TimeUnit.NANOSECONDS);
        try {
            return client.execute(get, response -> read(response, get));
        } catch (IOException e) {
            if (expired.get()) {
                throw new InterruptedIOException("the fetch took longer than " + policy.totalTimeout().toSeconds() + " s");
            }
            throw e;
        } finally {
            deadline.cancel(false);
        }
    }

    private Response read(ClassicHttpResponse response, HttpGet get) throws IOException {
        HttpEntity entity = response.getEntity();
        byte[] body = new byte[0];
        boolean tooLarge = false;
        if (entity != null) {
            long max = policy.maxBodyBytes();
            if (entity.getContentLength() > max) {
                tooLarge = true;
            } else {
                InputStream in = entity.getContent();
                byte[] read = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
                tooLarge = read.length > max;
                body = tooLarge ? new byte[0] : read;
            }
            if (tooLarge) {
                get.cancel(); // close the connection rather than read the rest of an endless body
            }
        }
        return new Response(response.getCode(), response.getHeaders(), body, tooLarge);
    }

    /** A response as far as the fetcher needs it. */
    record Response(int status, Header[] headers, byte[] body, boolean tooLarge) {
        /** A header's value without control characters (PostgreSQL refuses NUL, logs should not get the rest). */
        Optional<String> header(String name) {
            for (Header h : headers) {
                if (h.getName().equalsIgnoreCase(name) && h.getValue() != null) {
                    return Optional.of(clean(h.getValue()));
                }
            }
            return Optional.empty();
        }
    }

    static String clean(String s) {
        return s.replaceAll("\\p{Cntrl}", "");
    }

    private Optional<Duration> retryAfter(Optional<String> header) {
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String v = header.get().trim();
        Duration d;
        if (v.matches("\\d{1,9}")) {
            d = Duration.ofSeconds(Long.parseLong(v));
        } else {
            Instant when = DateUtils.parseStandardDate(v);
            if (when == null) {
                return Optional.empty();
            }
            d = Duration.between(Instant.now(), when);
        }
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        return Optional.of(d.compareTo(policy.maxRetryAfter()) > 0 ? policy.maxRetryAfter() : d);
    }

    static URI httpUri(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("malformed URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("only http and https are fetched, not '" + scheme + "'");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("URL needs a host and no credentials");
        }
        return uri;
    }

    private static String describe(IOException e) {
        String kind = e instanceof InterruptedIOException ? "timed out" : e instanceof UnknownHostException ? "unknown host" : "network error";
        return kind + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    private static long elapsedMs(long startedNs) {
        return (System.nanoTime() - startedNs) / 1_000_000;
    }

    @Override
    public void close() throws IOException {
        canceller.shutdownNow();
        client.close();
    }
}
