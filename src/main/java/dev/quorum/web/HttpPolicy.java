package dev.quorum.web;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import java.util.Set;

/**
 * The headers every response carries, pages, API, static files and errors alike, set in the HTTP layer
 * before any other handler so nothing can answer without them; and the public API's CORS policy, read-only.
 *
 * <ul>
 * <li>{@code Content-Security-Policy}: scripts, styles, images and connections from this origin only, no
 * inline script or style, no plugins, no framing, forms post here; every page's JavaScript is a module
 * file and every style a stylesheet, so the policy costs the site nothing.</li>
 * <li>{@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy: strict-origin-when-cross-origin},
 * {@code X-Frame-Options: DENY} (for browsers older than {@code frame-ancestors}), a
 * {@code Permissions-Policy} that turns off what the site never uses, {@code Cross-Origin-Opener-Policy}.</li>
 * <li>{@code Strict-Transport-Security} only on a request that came over TLS (directly, or through a trusted
 * proxy's {@code X-Forwarded-Proto} when {@code quarkus.http.proxy} trusts it): over plain HTTP it would be
 * ignored, and sent from a test server it would pin a name to TLS.</li>
 * <li>CORS: any origin may read {@code /api/v1/*} with GET or HEAD, without credentials; no other method and no
 * admin endpoint is offered to another origin, so a page elsewhere can search Quorum but cannot post to it.</li>
 * </ul>
 */
@ApplicationScoped
public class HttpPolicy {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    static final String PERMISSIONS = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
            + "payment=(), usb=(), interest-cohort=()";
    static final String HSTS = "max-age=31536000; includeSubDomains";

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD);
    private static final String CORS_MAX_AGE = "86400";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        boolean tls = request.isSSL() || "https".equals(request.scheme());
        boolean cors = isPublicApi(request.path()) && request.getHeader("Origin") != null;
        ctx.addHeadersEndHandler(v -> {
            MultiMap h = ctx.response().headers();
            h.set("Content-Security-Policy", CSP);
            h.set("X-Content-Type-Options", "nosniff");
            h.set("Referrer-Policy", "strict-origin-when-cross-origin");
            h.set("X-Frame-Options", "DENY");
            h.set("Permissions-Policy", PERMISSIONS);
            h.set("Cross-Origin-Opener-Policy", "same-origin");
            if (tls) {
                h.set("Strict-Transport-Security", HSTS);
            }
            if (cors) {
                h.set("Access-Control-Allow-Origin", "*");
                h.set("Access-Control-Expose-Headers", "ETag, Retry-After, Link");
                h.add("Vary", "Origin");
            }
        });
        if (cors && request.method() == HttpMethod.OPTIONS && request.getHeader("Access-Control-Request-Method") != null) {
            preflight(ctx);
            return;
        }
        ctx.next();
    }

    /** A preflight: granted for a read, refused (no Allow headers, so the browser stops) for anything else. */
    private static void preflight(RoutingContext ctx) {
        String asked = ctx.request().getHeader("Access-Control-Request-Method").trim().toUpperCase(Locale.ROOT);
        var response = ctx.response().setStatusCode(204);
        if (READS.contains(HttpMethod.valueOf(asked.isEmpty() ? "X" : asked))) {
            response.putHeader("Access-Control-Allow-Methods", "GET, HEAD")
                    .putHeader("Access-Control-Allow-Headers", "Accept, Accept-Language, If-None-Match")
                    .putHeader("Access-Control-Max-Age", CORS_MAX_AGE);
        }
        response.end();
    }

    /** The API another origin may read: everything under /api/v1 but the admin endpoints. */
    static boolean isPublicApi(String path) {
        return path != null && path.startsWith("/api/v1/") && !path.startsWith("/api/v1/admin");
    }
}
