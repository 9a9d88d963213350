package dev.quorum.web;

import dev.quorum.platform.QuorumConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Per-client rate limits, applied in the HTTP layer before any work is done: the JSON API, demo runs, and the
 * most expensive requests (counterexample searches and linearizability checks) each have a token bucket per
 * client, sized in {@link QuorumConfig.Limits}. Over a limit, a 429 with {@code Retry-After} and the API's
 * JSON error. A client is its address as the HTTP layer reports it, so behind a reverse proxy set
 * {@code quarkus.http.proxy.proxy-address-forwarding} and {@code trusted-proxies}; an IPv6 client is its /64,
 * since one host commonly holds the whole prefix. Pages, static files and {@code /q/*} are not limited here:
 * they are cheap, and the expensive work a page can ask for (a demo run) is counted as a run.
 *
 * <p>Runs and searches are also limited in number <em>at once</em> per client ({@code runs-in-flight},
 * {@code searches-in-flight}): a bucket bounds a client's rate, but a client that opens many connections could
 * still hold every demo slot at the same moment, and a slot is a CPU. Past that count, a 429 at once.
 */
@ApplicationScoped
public class RateLimits {

    /** The classes of request, each with its own budget. */
    enum Kind {
        API, RUN, SEARCH
    }

    private static final Pattern DEMO_RUN = Pattern.compile("/api/v1/demos/[^/]+/(run|history\\.edn)");
    private static final Pattern DEMO_SEARCH = Pattern.compile("/api/v1/demos/[^/]+/counterexample");
    private static final Pattern DEMO_PAGE = Pattern.compile("/demos/[^/]+/?");

    @Inject
    QuorumConfig config;

    @Inject
    MeterRegistry meters;

    private final Map<Kind, TokenBuckets> buckets = new EnumMap<>(Kind.class);
    /** Requests in progress per client, for the classes that hold a demo slot while they run; empty clients leave. */
    private final Map<Kind, Map<String, Integer>> inFlight = new EnumMap<>(Kind.class);

    void install(@Observes Router router) {
        QuorumConfig.Limits limits = config.limits();
        if (!limits.enabled()) {
            return;
        }
        buckets.put(Kind.API, new TokenBuckets(limits.apiPerMinute(), limits.apiBurst(), limits.clientsMax(), System::nanoTime));
        buckets.put(Kind.RUN, new TokenBuckets(limits.runsPerMinute(), limits.runsBurst(), limits.clientsMax(), System::nanoTime));
        buckets.put(Kind.SEARCH, new TokenBuckets(limits.searchesPerMinute(), limits.searchesBurst(), limits.clientsMax(),
                System::nanoTime));
        inFlight.put(Kind.RUN, new ConcurrentHashMap<>());
        inFlight.put(Kind.SEARCH, new ConcurrentHashMap<>());
        router.route().order(Integer.MIN_VALUE + 2).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        Kind kind = classify(request.method().name(), request.path(), request.query());
        if (kind == null) {
            ctx.next();
            return;
        }
        String client = client(request.remoteAddress());
        TokenBuckets.Decision d = buckets.get(kind).take(client);
        if (!d.allowed()) {
            String what = switch (kind) {
                case SEARCH -> "counterexample searches and linearizability checks";
                case RUN -> "demo runs";
                default -> "API requests";
            };
            refuse(ctx, kind, "too many " + what + " from your address; try again in " + d.retryAfterSeconds()
                    + (d.retryAfterSeconds() == 1 ? " second" : " seconds"), d.retryAfterSeconds());
            return;
        }
        Map<String, Integer> running = inFlight.get(kind);
        if (running == null) {
            ctx.next();
            return;
        }
        int most = kind == Kind.SEARCH ? config.limits().searchesInFlight() : config.limits().runsInFlight();
        if (!enter(running, client, most)) {
            refuse(ctx, kind, "your address already has " + most + (kind == Kind.SEARCH ? " search" : " run")
                    + (most == 1 ? "" : "s") + " in progress; wait for it to finish", 1);
            return;
        }
        ctx.addEndHandler(done -> leave(running, client));
        ctx.next();
    }

    private void refuse(RoutingContext ctx, Kind kind, String message, long retryAfterSeconds) {
        HttpServerRequest request = ctx.request();
        meters.counter("quorum.rate.limited", "kind", kind.name().toLowerCase(java.util.Locale.ROOT)).increment();
        boolean api = ErrorMapping.isApi(request.path());
        String body = api ? "{\"status\":429,\"error\":\"Too Many Requests\",\"message\":\"" + message + "\"}"
                : "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>429 Too Many Requests · Quorum</title>"
                        + "<link rel=\"stylesheet\" href=\"/css/site.css\"><main class=\"error\"><h1>Too many requests</h1><p>"
                        + message + ".</p></main></html>";
        ctx.response().setStatusCode(429)
                .putHeader(HttpHeaders.CONTENT_TYPE, api ? "application/json" : "text/html;charset=UTF-8")
                .putHeader("Retry-After", Long.toString(retryAfterSeconds))
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(body);
    }

    /** Counts one more request of {@code client} in progress, unless it already has {@code most}. */
    static boolean enter(Map<String, Integer> running, String client, int most) {
        boolean[] entered = new boolean[1];
        running.compute(client, (k, n) -> {
            int now = n == null ? 0 : n;
            entered[0] = now < most;
            return entered[0] ? Integer.valueOf(now + 1) : n;
        });
        return entered[0];
    }

    /** One request of {@code client} is over; a client with none in progress leaves the map. */
    static void leave(Map<String, Integer> running, String client) {
        running.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
    }

    /** The budget a request draws on, or null for one that is not limited. */
    static Kind classify(String method, String path, String query) {
        if (path == null) {
            return null;
        }
        if (DEMO_SEARCH.matcher(path).matches() || path.equals("/api/v1/check/linearizability")
                || path.equals("/tools/linearizability") && "POST".equals(method)) {
            return Kind.SEARCH;
        }
        if (DEMO_RUN.matcher(path).matches() || DEMO_PAGE.matcher(path).matches() && query != null && !query.isEmpty()) {
            return Kind.RUN;
        }
        return path.startsWith("/api/") ? Kind.API : null;
    }

    /** The client a bucket belongs to: the address, or for IPv6 its first 64 bits. */
    static String client(SocketAddress remote) {
        String host = remote == null ? null : remote.hostAddress();
        if (host == null || host.isEmpty()) {
            return "unknown";
        }
        if (host.indexOf(':') < 0) {
            return host;
        }
        try {
            byte[] bytes = InetAddress.getByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host).getAddress();
            if (bytes.length != 16) {
                return host;
            }
            StringBuilder prefix = new StringBuilder();
            for (int k = 0; k < 8; k += 2) {
                prefix.append(Integer.toHexString(((bytes[k] & 0xff) << 8) | (bytes[k + 1] & 0xff))).append(':');
            }
            return prefix.append(":/64").toString();
        } catch (UnknownHostException e) {
            return host;
        }
    }
}
