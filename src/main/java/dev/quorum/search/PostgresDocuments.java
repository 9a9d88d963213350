package dev.quorum.search;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jsoup.Jsoup;

/**
 * Reads documents and the index outbox with plain JDBC: a rebuild streams every row once, which
 * is faster and leaner than loading entities.
 */
@ApplicationScoped
public class PostgresDocuments implements DocumentSource {

    private static final String RESOURCES = """
            SELECT r.id, r.url, r.title, r.description, r.kind, r.language, r.authors, r.domain,
                   (SELECT s.text FROM scrape_snapshot s
                     WHERE s.resource_id = r.id AND s.text IS NOT NULL
                     ORDER BY s.fetched_at DESC, s.id DESC LIMIT 1) AS body
              FROM resource r
             WHERE r.retired_at IS NULL""";
    private static final String MEMBERSHIP = """
            SELECT e.resource_id, t.slug, t.title, e.note
              FROM topic_entry e JOIN topic t ON t.slug = e.topic_slug
             WHERE t.retired_at IS NULL""";
    private static final String TOPICS = """
            SELECT slug, title, summary, overview_html FROM topic WHERE retired_at IS NULL""";
    /** Rows of transactions that were not yet visible in the last snapshot read; they are visible now. */
    private static final String CHANGES = """
            SELECT doc_type, doc_id, max(seq) AS last_seq
              FROM index_outbox
             WHERE txid >= pg_snapshot_xmin(CAST(? AS pg_snapshot))
               AND NOT pg_visible_in_snapshot(txid, CAST(? AS pg_snapshot))
             GROUP BY doc_type, doc_id
             ORDER BY last_seq""";
    private static final int FETCH_ROWS = 500;

    @Inject
    AgroalDataSource dataSource;

    @Override
    public Position all(Consumer<SearchDocument> sink) {
        try (Connection c = dataSource.getConnection()) {
            return inSnapshot(c, () -> {
                Position position = position(c);
                Map<String, List<String[]>> memberships = memberships(c, null);
                try (PreparedStatement ps = c.prepareStatement(RESOURCES + " ORDER BY r.id")) {
                    ps.setFetchSize(FETCH_ROWS);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            sink.accept(resource(rs, memberships.getOrDefault(rs.getString("id"), List.of())));
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(TOPICS + " ORDER BY slug"); ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(topic(rs));
                    }
                }
                return position;
            });
        } catch (SQLException e) {
            throw new IndexSourceException("reading the catalog for a rebuild", e);
        }
    }

    @Override
    public Changes changesSince(Position after) {
        try (Connection c = dataSource.getConnection()) {
            return inSnapshot(c, () -> {
                Position now = position(c);
                List<Change> changed = new ArrayList<>();
                if (after.snapshot().isEmpty()) {
                    return new Changes(changed, now);
                }
                try (PreparedStatement ps = c.prepareStatement(CHANGES)) {
                    ps.setString(1, after.snapshot());
                    ps.setString(2, after.snapshot());
                    ps.setFetchSize(FETCH_ROWS);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            changed.add(new Change(rs.getString(1), rs.getString(2)));
                        }
                    }
                }
                return new Changes(changed, now);
            });
        } catch (SQLException e) {
            throw new IndexSourceException("reading the index outbox", e);
        }
    }

    @Override
    public Optional<SearchDocument> load(String type, String id) {
        try (Connection c = dataSource.getConnection()) {
            if (SearchDocument.TOPIC.equals(type)) {
                try (PreparedStatement ps = c.prepareStatement(TOPICS + " AND slug = ?")) {
                    ps.setString(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(topic(rs)) : Optional.empty();
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(RESOURCES + " AND r.id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(resource(rs, memberships(c, id).getOrDefault(id, List.of())));
                }
            }
        } catch (SQLException e) {
            throw new IndexSourceException("loading " + type + " " + id, e);
        }
    }

    @Override
    public boolean isFromThisDatabase(Position position) {
        if (position.snapshot().isEmpty()) {
            return false;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        SELECT pg_snapshot_xmax(CAST(? AS pg_snapshot)) <= pg_snapshot_xmax(pg_current_snapshot()),
                               coalesce(pg_sequence_last_value(CAST(pg_get_serial_sequence('index_outbox', 'seq') AS regclass)), 0) >= ?""")) {
            ps.setString(1, position.snapshot());
            ps.setLong(2, position.seq());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1) && rs.getBoolean(2);
            }
        } catch (SQLException e) {
            return false; // an unreadable snapshot string: rebuild
        }
    }

    /**
     * Deletes rows older than {@link #OUTBOX_KEPT} that {@code appliedUpTo} has seen. Another instance's index may
     * not have seen them if it has been stopped that long; its last commit is then that old too, so it is
     * rebuilt when it starts ({@link SearchIndex.Found#STALE}) rather than following an outbox with a hole in it.
     */
    public int prune(Position appliedUpTo) {
        if (appliedUpTo.snapshot().isEmpty()) {
            return 0;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        DELETE FROM index_outbox
                         WHERE txid < pg_snapshot_xmin(CAST(? AS pg_snapshot))
                           AND queued_at < now() - make_interval(secs => ?)""")) {
            ps.setString(1, appliedUpTo.snapshot());
            ps.setDouble(2, OUTBOX_KEPT.toSeconds());
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IndexSourceException("pruning the index outbox", e);
        }
    }

    private static Position position(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT CAST(pg_current_snapshot() AS text), coalesce((SELECT max(seq) FROM index_outbox), 0)")) {
            rs.next();
            return new Position(rs.getString(1), rs.getLong(2));
        }
    }

    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    /** Runs {@code work} in one read-only repeatable-read transaction: every statement sees the same snapshot. */
    private static <T> T inSnapshot(Connection c, SqlWork<T> work) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        int isolation = c.getTransactionIsolation();
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        c.setReadOnly(true);
        try {
            T result = work.run();
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setReadOnly(false);
            c.setTransactionIsolation(isolation);
            c.setAutoCommit(autoCommit);
        }
    }

    /** resource id → [slug, title, note] rows, in reading order; all resources when {@code resourceId} is null. */
    private static Map<String, List<String[]>> memberships(Connection c, String resourceId) throws SQLException {
        String sql = MEMBERSHIP + (resourceId == null ? "" : " AND e.resource_id = ?") + " ORDER BY t.position, e.position";
        Map<String, List<String[]>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (resourceId != null) {
                ps.setString(1, resourceId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
                }
            }
        }
        return out;
    }

    private static SearchDocument resource(ResultSet rs, List<String[]> topics) throws SQLException {
        List<String> slugs = new ArrayList<>();
        StringBuilder topicText = new StringBuilder();
        for (String[] t : topics) {
            slugs.add(t[0]);
            topicText.append(t[1]).append(". ");
            if (t[2] != null) {
                topicText.append(t[2]).append(' ');
            }
        }
        return new SearchDocument(SearchDocument.RESOURCE, rs.getString("id"), rs.getString("url"), rs.getString("title"),
                rs.getString("description"), rs.getString("kind"), rs.getString("language"), rs.getString("authors"),
                rs.getString("domain"), slugs, topicText.toString().strip(), rs.getString("body"));
    }

    private static SearchDocument topic(ResultSet rs) throws SQLException {
        String slug = rs.getString("slug");
        String overview = Jsoup.parse(rs.getString("overview_html")).text();
        return new SearchDocument(SearchDocument.TOPIC, slug, "/topics/" + slug, rs.getString("title"),
                rs.getString("summary"), "topic", "en", "", "", List.of(slug), "", overview);
    }

    /** The database could not be read; the indexer logs it and tries again on its next tick. */
    public static final class IndexSourceException extends RuntimeException {
        IndexSourceException(String what, SQLException cause) {
            super(what + ": " + cause.getMessage(), cause);
        }
    }
}
