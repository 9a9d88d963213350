package dev.quorum.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import dev.quorum.platform.DatabaseUnavailable;
import dev.quorum.search.SearchIndex;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves as JSON {@code {"status", "error", "message"}} under /api and as a page elsewhere.
 * Unexpected exceptions are logged with their stack and answered with a 500 that reveals nothing inside.
 */
public class ErrorMapping {

    private static final Logger LOG = Logger.getLogger(ErrorMapping.class);

    @CheckedTemplate(basePath = "errors")
    static class Templates {
        static native TemplateInstance error(int status, String reason, String message);
    }

    @ServerExceptionMapper
    public Response webError(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        String message = status == 404 && isDefaultMessage(e) ? "nothing here: " + uri.getPath() : e.getMessage();
        Response.ResponseBuilder answer = render(status, message, uri);
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(v -> answer.header(name, v));
            }
        });
        return answer.build();
    }

    /** Only while the first index is built after startup: a short, honest 503 rather than empty results. */
    @ServerExceptionMapper
    public Response indexNotReady(SearchIndex.IndexNotReadyException e, UriInfo uri) {
        return render(503, e.getMessage(), uri).header("Retry-After", "2").build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (DatabaseUnavailable.isCause(e)) { // stopped, restarting or frozen: not a bug, and it passes
            LOG.warnf("database unavailable on %s: %s", uri.getPath(), e.getMessage());
            return render(503, "the site's database is not answering right now; please try again in a moment", uri)
                    .header("Retry-After", "5").build();
        }
        LOG.errorf(e, "unexpected error on %s", uri.getPath());
        return render(500, "something went wrong on our side; it has been logged", uri).build();
    }

    static Response.ResponseBuilder render(int status, String message, UriInfo uri) {
        String reason = reason(status);
        if (isApi(uri.getPath())) {
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(status, reason, message));
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE + ";charset=UTF-8")
                .entity(Templates.error(status, reason, message));
    }

    static boolean isApi(String path) {
        return path.startsWith("/api/") || path.equals("/api");
    }

    private static boolean isDefaultMessage(WebApplicationException e) {
        return e.getMessage() == null || e.getMessage().startsWith("HTTP 404")
                || e.getMessage().startsWith("Unable to find matching");
    }

    private static String reason(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : "Error";
    }
}
