package dev.quorum.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a body announced (by Content-Length) as larger than the server's limit with the API's JSON error,
 * instead of the HTTP layer's empty 413. A chunked body, which announces no length, is cut off by the HTTP layer once
 * it passes the limit; {@link HttpLayerErrors} gives that 413 the same JSON.
 */
@ApplicationScoped
public class BodyLimit {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    io.quarkus.runtime.configuration.MemorySize maxBody;

    long maxBytes() {
        return maxBody.asLongValue();
    }

    void install(@Observes Router router) {
        long max = maxBody.asLongValue();
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && length.length() < 19 && length.chars().allMatch(Character::isDigit) && Long.parseLong(length) > max) {
                String body = "{\"status\":413,\"error\":\"Request Entity Too Large\",\"message\":\"body larger than "
                        + max + " bytes\"}";
                ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .putHeader(HttpHeaders.CONNECTION, "close").end(body);
                return;
            }
            ctx.next();
        });
    }
}
