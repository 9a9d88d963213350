package dev.quorum.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Refuses a request whose target is not a valid URI, first among the routes, with a 400 that says which character
 * is wrong: the API's JSON error under /api, the error page elsewhere (through {@link HttpLayerErrors#write}).
 *
 * <p>The rule is {@link URI}'s, the same Quarkus applies before any route when left to itself (it then answers an
 * empty 400; {@code platform.Main} turns its check off so this one runs instead). Keeping the rule unchanged matters:
 * the routing and REST layers behind it assume a target that parses, and a {@code %} without two hex digits in a
 * path makes them fail with a 500.
 */
@ApplicationScoped
public class RequestTarget {

    void install(@Observes Router router) {
        // After HttpPolicy (Integer.MIN_VALUE), so the refusal carries the security headers like every response.
        router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        String problem = problem(ctx.request().uri());
        if (problem != null) {
            HttpLayerErrors.write(ctx, 400, problem);
            return;
        }
        ctx.next();
    }

    /** Why {@code target} (a request line's target, as sent) is not a valid URI, or null when it is one. */
    static String problem(String target) {
        if (target == null || target.isEmpty()) {
            return "the request has no target";
        }
        try {
            new URI(target);
            return null;
        } catch (URISyntaxException e) {
            return explain(target, e.getIndex());
        }
    }

    private static String explain(String target, int index) {
        if (index < 0 || index >= target.length()) {
            return "the request target is not a valid URI";
        }
        char c = target.charAt(index);
        String where = "character " + (index + 1) + " of the request target";
        if (c == '%') {
            return where + " starts a %-escape without two hex digits after it: write a literal % as %25";
        }
        String shown = c >= 0x21 && c < 0x7f ? "'" + c + "'" : String.format(Locale.ROOT, "U+%04X", (int) c);
        if (c < 0x80) {
            return where + ", " + shown + ", may not appear in a URI: write it as " + String.format(Locale.ROOT, "%%%02X", (int) c);
        }
        return where + ", " + shown + ", may not appear there in a URI: %-encode its UTF-8 bytes";
    }
}
