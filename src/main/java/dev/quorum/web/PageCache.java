package dev.quorum.web;

import dev.quorum.catalog.CatalogChanged;
import dev.quorum.platform.QuorumConfig;
import dev.quorum.search.SearchService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Rendered pages kept in memory and answered from the HTTP layer, before any database query or template.
 *
 * <p>A page (home, the topic list, a topic, a kind, a resource, a demo's default run; never one with a query
 * string) is stored by {@link SitePages} or {@link DemoPages} with the search index's version read <em>before</em> it was rendered. The index changes
 * version whenever it applies a row of the outbox, which PostgreSQL's triggers write for every change a page
 * shows except link health, and it follows the outbox of every instance on the database; so an entry is served
 * only while that version is unchanged and for at most {@code quorum.pages.cache-ttl}, which bounds how stale
 * link health may be. An ingest on this instance also clears the cache at once, so an editor sees the edit on
 * the next request. Entries answer {@code If-None-Match} with 304 and are bounded in bytes (least recently used
 * go first). Only pages that rendered successfully are stored, so a scan of unknown paths stores nothing.
 */
@ApplicationScoped
public class PageCache {

    /** One rendered page. */
    record Entry(byte[] body, String etag, String version, long storedNanos) {
    }

    @Inject
    QuorumConfig config;

    @Inject
    SearchService search;

    @Inject
    MeterRegistry meters;

    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;
    private long ttlNanos;
    private long maxBytes;
    private Counter hits;
    private Counter misses;

    @PostConstruct
    void init() {
        ttlNanos = config.pages().cacheTtl().toNanos();
        maxBytes = Math.max(0, config.pages().cacheMaxBytes());
        hits = Counter.builder("quorum.page.cache").tag("result", "hit").description("Pages answered from memory")
                .register(meters);
        misses = Counter.builder("quorum.page.cache").tag("result", "miss").description("Cacheable pages rendered")
                .register(meters);
        Gauge.builder("quorum.page.cache.bytes", this, PageCache::size).baseUnit("bytes")
                .description("Bytes of rendered pages held").register(meters);
    }

    /** The pages {@link SitePages} stores, as routes, so metrics tag a page answered from here by its template. */
    private static final List<String> ROUTES = List.of("/", "/topics", "/topics/:slug", "/kinds/:kind", "/resources/:id",
            "/demos/:id");

    void install(@Observes Router router) {
        if (enabled()) {
            for (String route : ROUTES) {
                router.route(route).order(Integer.MIN_VALUE + 3).handler(this::serve);
            }
        }
    }

    void onCatalogChanged(@Observes CatalogChanged event) {
        clear();
    }

    boolean enabled() {
        return ttlNanos > 0 && maxBytes > 0;
    }

    /**
     * Renders a page and keeps it under {@code path}, the path a reader's request for it has. The version is read
     * first: a change that lands during rendering then makes the entry stale rather than being hidden by it.
     */
    String render(String path, Supplier<String> page) {
        if (!enabled()) {
            return page.get();
        }
        Optional<String> version = search.readyVersion();
        String html = page.get();
        misses.increment();
        version.ifPresent(v -> put(path, v, html));
        return html;
    }

    private void serve(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        if ((method != HttpMethod.GET && method != HttpMethod.HEAD) || ctx.request().query() != null) {
            ctx.next();
            return;
        }
        Entry entry = fresh(ctx.request().path());
        if (entry == null) {
            ctx.next();
            return;
        }
        hits.increment();
        HttpServerResponse response = ctx.response();
        response.putHeader(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8");
        response.putHeader(HttpHeaders.ETAG, entry.etag());
        response.putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        String ifNoneMatch = ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && ifNoneMatch.contains(entry.etag())) {
            response.setStatusCode(304).end();
        } else if (method == HttpMethod.HEAD) {
            response.putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(entry.body().length)).end();
        } else {
            response.end(Buffer.buffer(entry.body()));
        }
    }

    private Entry fresh(String path) {
        Entry entry;
        synchronized (this) {
            entry = entries.get(path);
        }
        if (entry == null) {
            return null;
        }
        if (System.nanoTime() - entry.storedNanos() > ttlNanos || !entry.version().equals(search.readyVersion().orElse(""))) {
            synchronized (this) {
                if (entries.get(path) == entry) {
                    bytes -= entries.remove(path).body().length;
                }
            }
            return null;
        }
        return entry;
    }

    private void put(String path, String version, String html) {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        if (body.length > maxBytes) {
            return;
        }
        Entry entry = new Entry(body, etag(body), version, System.nanoTime());
        synchronized (this) {
            Entry old = entries.put(path, entry);
            bytes += body.length - (old == null ? 0 : old.body().length);
            Iterator<Map.Entry<String, Entry>> eldest = entries.entrySet().iterator();
            while (bytes > maxBytes && eldest.hasNext()) {
                bytes -= eldest.next().getValue().body().length;
                eldest.remove();
            }
        }
    }

    synchronized void clear() {
        entries.clear();
        bytes = 0;
    }

    synchronized long size() {
        return bytes;
    }

    private static String etag(byte[] body) {
        return "\"" + Digests.sha256Hex(body).substring(0, 32) + "\"";
    }
}
