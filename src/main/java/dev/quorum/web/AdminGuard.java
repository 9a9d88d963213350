package dev.quorum.web;

import dev.quorum.platform.QuorumConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Checks the admin bearer token. Every request without the right token is a 401, whether the token is
 * missing, wrong, or not configured at all (then the admin API is off, and the message says how to turn it on).
 * The comparison is of SHA-256 digests with {@link MessageDigest#isEqual}, which takes the same time wherever
 * the two differ, and digests are all one length, so the answer's timing says nothing of the token's length
 * or of how much of a guess was right.
 */
@ApplicationScoped
class AdminGuard {

    @Inject
    QuorumConfig config;

    void check(String authorization) {
        Optional<String> expected = config.admin().token().filter(t -> !t.isBlank());
        String given = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7).trim() : "";
        boolean right = MessageDigest.isEqual(digest(expected.orElse("")), digest(given));
        if (expected.isEmpty() || given.isEmpty() || !right) {
            throw new WebApplicationException(expected.isEmpty() ? "the admin API is disabled: set QUORUM_ADMIN_TOKEN to enable it"
                    : "missing or wrong bearer token",
                    Response.status(Response.Status.UNAUTHORIZED).header("WWW-Authenticate", "Bearer realm=\"quorum-admin\"").build());
        }
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
