package dev.quorum.web;

import dev.quorum.platform.QuorumConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Checks the admin bearer token; with no token configured the admin API is off. */
@ApplicationScoped
class AdminGuard {

    @Inject
    QuorumConfig config;

    void check(String authorization) {
        String expected = config.admin().token().filter(t -> !t.isBlank()).orElseThrow(() -> new WebApplicationException(
                "the admin API is disabled: set QUORUM_ADMIN_TOKEN to enable it", Response.Status.FORBIDDEN));
        String given = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7).trim() : "";
        // Constant-time comparison, so response timing does not leak the token.
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
            throw new WebApplicationException("missing or wrong bearer token",
                    Response.status(Response.Status.UNAUTHORIZED).header("WWW-Authenticate", "Bearer realm=\"quorum-admin\"").build());
        }
    }
}
