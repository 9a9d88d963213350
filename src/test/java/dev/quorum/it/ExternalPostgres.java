package dev.quorum.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The "operator's" PostgreSQL for integration tests: a zonky server started in the test JVM on a clean
 * cluster under {@code target/it/<name>/postgres}, with one database the app instances share. It outlives
 * every app process the test kills, as a real external server would.
 */
public final class ExternalPostgres implements AutoCloseable {

    public static final String DATABASE = "quorum";
    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private ExternalPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts a fresh cluster in {@code dir} (emptied first) holding an empty database {@value #DATABASE}. */
    public static ExternalPostgres start(Path dir) {
        try {
            Files.createDirectories(dir);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dir.resolve("cluster"))
                    .setCleanDataDirectory(true)
                    .setOverrideWorkingDirectory(dir.resolve("binaries").toFile())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .start();
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
            }
            return new ExternalPostgres(pg);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the test's PostgreSQL in " + dir, e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + DATABASE, e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    /** The settings an app instance needs to use this server. */
    public Map<String, String> datasource() {
        return Map.of("quarkus.datasource.jdbc.url", jdbcUrl(), "quarkus.datasource.username", USER);
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl());
    }

    /** Every row of {@code sql} (with {@code args}), each as column label → value, in the query's order. */
    public List<Map<String, Object>> rows(String sql, Object... args) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns; i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }

    /** The single number {@code sql} answers. */
    public long number(String sql, Object... args) {
        Object value = rows(sql, args).get(0).values().iterator().next();
        return ((Number) value).longValue();
    }

    /** Stops the server; its cluster stays under target/ for a look after a failure. */
    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
