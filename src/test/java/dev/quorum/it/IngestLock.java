package dev.quorum.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The test holding the ingest's advisory lock (ContentIngest.LOCK_KEY) in a session of its own, so that
 * ingests started meanwhile queue up behind it; {@link #close()} lets them go.
 */
final class IngestLock implements AutoCloseable {

    /** ContentIngest's key, "quorum-ingest" folded into a long: pg_locks shows it as classid, objid. */
    static final long KEY = 0x71756f72756d4931L;

    private final ExternalPostgres postgres;
    private final Connection session;

    IngestLock(ExternalPostgres postgres) throws SQLException {
        this.postgres = postgres;
        this.session = postgres.connect();
        try (PreparedStatement ps = session.prepareStatement("SELECT pg_advisory_lock(?)")) {
            ps.setLong(1, KEY);
            ps.execute();
        }
    }

    /** How many sessions wait for the lock right now. */
    long waiters() {
        return sessions(postgres, false);
    }

    /** How many sessions hold ({@code granted}) or wait for the ingest lock: an ingest holds it while it writes. */
    static long sessions(ExternalPostgres postgres, boolean granted) {
        return postgres.number("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted = ? "
                + "AND classid::bigint = ? AND objid::bigint = ? AND objsubid = 1", granted, KEY >>> 32, KEY & 0xffffffffL);
    }

    @Override
    public void close() throws SQLException {
        session.close(); // ends the session, and with it the lock
    }
}
