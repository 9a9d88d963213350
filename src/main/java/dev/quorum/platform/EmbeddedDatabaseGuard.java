package dev.quorum.platform;

import io.agroal.api.AgroalPoolInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Refuses a database that is another instance's embedded PostgreSQL. That server lives in the other
 * instance's data directory and stops with it, so sharing it only looks like working until the first
 * restart. The server says whose it is in the setting {@code quorum.embedded_owner}; the check runs on the
 * first connection the pool makes, so Flyway and everything after it fail before they write a row.
 */
@ApplicationScoped
public class EmbeddedDatabaseGuard implements AgroalPoolInterceptor {

    private volatile boolean checked;

    @Override
    public void onConnectionCreate(Connection connection) {
        if (checked) {
            return;
        }
        try {
            Optional<String> refusal = refusal(connection);
            if (refusal.isPresent()) {
                throw new IllegalStateException(refusal.get());
            }
            checked = true;
        } catch (SQLException e) {
            throw new IllegalStateException("could not check who owns the database: " + e.getMessage(), e);
        }
    }

    /** Whether the pool's first connection was checked (and passed). */
    boolean checked() {
        return checked;
    }

    /**
     * Why this process must not use the server behind {@code connection}: empty when the server carries no
     * owner, or is one this JVM started.
     */
    public static Optional<String> refusal(Connection connection) throws SQLException {
        String owner;
        try (PreparedStatement ps = connection.prepareStatement("SELECT current_setting(?, true)")) {
            ps.setString(1, EmbeddedPostgresServer.OWNER_SETTING);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                owner = rs.getString(1);
            }
        }
        if (owner == null || owner.isBlank() || ownedHere(owner)) {
            return Optional.empty();
        }
        return Optional.of("refusing to start: the configured database (QUARKUS_DATASOURCE_JDBC_URL) is the embedded"
                + " PostgreSQL of another Quorum instance (" + owner + "). It lives in that instance's data directory"
                + " and stops with it. Give this instance a PostgreSQL server of its own to share (see"
                + " docs/operations.md), or unset QUARKUS_DATASOURCE_JDBC_URL to let it start its own embedded one.");
    }

    private static boolean ownedHere(String owner) {
        for (String mine : System.getProperty(EmbeddedPostgresServer.OWNED_PROPERTY, "").split("\n")) {
            if (mine.equals(owner)) {
                return true;
            }
        }
        return false;
    }
}
