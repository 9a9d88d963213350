package dev.quorum.platform;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a failure to reach PostgreSQL (stopped, restarting, frozen, out of connections) from a bug: the first
 * is answered with a 503 and retried later, the second is a 500 worth a stack trace.
 */
public final class DatabaseUnavailable {

    /** Causes looked at before giving up: enough for any wrapping seen (Hibernate, Agroal, Arc). */
    private static final int DEPTH_MAX = 16;

    /**
     * SQL states of a server going away or not taking connections: {@code 57P01}-{@code 57P03} shutdown and
     * startup, {@code 53300} too many connections. Class {@code 08} (connection exception) is matched whole.
     */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseUnavailable() {
    }

    /** Whether {@code failure}, or anything it wraps, says the database could not be reached in time. */
    public static boolean isCause(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < DEPTH_MAX; depth++) {
            if (isConnectionFailure(t)) {
                return true;
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        return false;
    }

    private static boolean isConnectionFailure(Throwable t) {
        if (t instanceof org.hibernate.exception.JDBCConnectionException
                || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && (state.startsWith("08") || STATES.contains(state))) {
                return true;
            }
            // Agroal's pool says so only in words: no SQL state, a plain SQLException.
            String message = String.valueOf(sql.getMessage());
            return message.startsWith("Acquisition timeout") || message.startsWith("Sorry, acquisition timeout")
                    || thrownWhileConnecting(sql);
        }
        // Hibernate's wrapper for any failure to get a connection from the pool, whatever the driver said
        return t instanceof org.hibernate.JDBCException && String.valueOf(t.getMessage()).startsWith("Unable to acquire JDBC Connection");
    }

    /**
     * A failure of the driver's connect itself: a login cut short when the pool gave up waiting comes out as
     * state 99999 ("something unusual"), but it is still a server that did not answer.
     */
    private static boolean thrownWhileConnecting(SQLException e) {
        StackTraceElement[] frames = e.getStackTrace();
        return frames.length > 0 && frames[0].getClassName().equals("org.postgresql.Driver")
                && frames[0].getMethodName().equals("connect");
    }
}
