package dev.quorum.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

/**
 * The errors the HTTP layer raises before a resource runs, answered like {@link ErrorMapping}'s: the API's JSON
 * error under /api, the error page elsewhere. Without this, a path or query that is not valid %-encoding, a chunked
 * body over the size limit or an unsatisfiable Range got an empty 4xx, and a malformed Accept header (which the
 * REST layer rejects while choosing a resource, outside the exception mappers) a 500 with a stack trace.
 */
@ApplicationScoped
public class HttpLayerErrors {

    private static final Logger LOG = Logger.getLogger(HttpLayerErrors.class);

    @jakarta.inject.Inject
    BodyLimit bodyLimit;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::answer);
        // A path that does not decode matches no route, so no failure handler sees it: the router's own error handler does.
        for (int status : new int[] {400, 413, 416}) {
            router.errorHandler(status, this::answer);
        }
    }

    private void answer(RoutingContext ctx) {
        if (ctx.response().headWritten() || ctx.response().ended() || ctx.request().method() == HttpMethod.HEAD) {
            ctx.next();
            return;
        }
        int status = ctx.statusCode();
        String message = null;
        Throwable failure = ctx.failure();
        if (failure instanceof WebApplicationException && ((WebApplicationException) failure).getResponse().getStatus() < 500) {
            status = ((WebApplicationException) failure).getResponse().getStatus();
            message = failure.getMessage();
        } else if (failure != null || status < 400 || status >= 500) {
            ctx.next(); // a failure of our own: Quarkus logs it and answers 500
            return;
        }
        write(ctx, status, message != null && !message.isBlank() ? message : explain(status));
    }

    private String explain(int status) {
        switch (status) {
            case 400:
                return "the request is not valid HTTP: check the %-encoding of its path and query";
            case 413:
                return "body larger than " + bodyLimit.maxBytes() + " bytes";
            case 416:
                return "the requested range is not in the file";
            default:
                return reason(status);
        }
    }

    static void write(RoutingContext ctx, int status, String message) {
        String reason = reason(status);
        String path = ctx.request().path();
        boolean api = path != null && ErrorMapping.isApi(path);
        String body;
        String type;
        if (api) {
            body = new JsonObject().put("status", status).put("error", reason).put("message", message).encode();
            type = "application/json";
        } else {
            type = "text/html;charset=UTF-8";
            body = page(status, reason, message);
        }
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, type).end(body);
    }

    private static String page(int status, String reason, String message) {
        try {
            return ErrorMapping.Templates.error(status, reason, message).render();
        } catch (RuntimeException e) {
            LOG.debugf(e, "error page for %d not rendered", status);
            return "<!doctype html><title>" + reason + "</title><h1>" + reason + "</h1><p>HTTP " + status + "</p>";
        }
    }

    private static String reason(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : "Error";
    }
}
