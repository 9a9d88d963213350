package dev.quorum.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Sends readers of Swagger UI's generated page, whose inline script the Content-Security-Policy forbids, to
 * {@code /api-docs/}: the same Swagger UI from its own files, started by a script of ours.
 */
@ApplicationScoped
public class ApiDocs {

    void install(@Observes Router router) {
        router.routeWithRegex("/q/swagger-ui/?(index\\.html)?").order(Integer.MIN_VALUE + 3)
                .handler(ctx -> ctx.response().setStatusCode(302).putHeader("Location", "/api-docs/").end());
    }
}
