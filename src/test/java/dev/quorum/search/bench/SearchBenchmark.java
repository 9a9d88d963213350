package dev.quorum.search.bench;

import dev.quorum.platform.TempDirs;
import dev.quorum.search.BenchmarkAccess;
import dev.quorum.search.SearchDocument;
import dev.quorum.search.SearchIndex;
import dev.quorum.search.SearchRequest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Search speed on synthetic corpora of 1,000, 10,000 and 100,000 documents, in one run:
 * <ul>
 *   <li>full rebuild rate of the Lucene index (documents/s, on disk, analysis on every core) from documents
 *       generated beforehand: the first rebuild of that size, then the median of {@value #REBUILDS} more (the
 *       JIT has compiled the indexing code by then, as a JMH warm-up would ensure);</li>
 *   <li>query latency p50/p99 through {@link SearchIndex#search}, in process: ranking, drill-sideways
 *       facets, snippets and spelling, exactly what the API does per request;</li>
 *   <li>the same queries through PostgreSQL full-text search on the same documents (weighted
 *       tsvector in a GIN index, websearch_to_tsquery, ts_rank, ts_headline for the ten hits, total
 *       count), over JDBC on loopback; and how fast PostgreSQL hands the same documents back (one table,
 *       streamed), which a rebuild of the app also pays for.</li>
 * </ul>
 * Run: {@code ./mvnw -q test-compile exec:exec@search-bench} (add {@code -Dbench.sizes=1000,10000} to
 * shorten). Results go to stdout and target/search-benchmark.md; docs/benchmarks.md keeps the record.
 */
public final class SearchBenchmark {

    private static final int QUERIES = 300;
    private static final int ROUNDS = 3;
    private static final int PG_QUERIES = 100;
    /** Rebuilds timed after the first; the median is reported. */
    private static final int REBUILDS = 3;

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream(System.getProperty("bench.sizes", "1000,10000,100000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        Path work = Files.createTempDirectory("quorum-search-bench");
        SyntheticCorpus corpus = new SyntheticCorpus();
        List<String> queries = corpus.queries(QUERIES);
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "Java %s, %d cores; Lucene: %d queries × %d rounds after 2 warm-up passes; "
                + "PostgreSQL: the first %d of them × 2 rounds after 1%n%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), QUERIES, ROUNDS, PG_QUERIES));
        report.append("| docs | first rebuild docs/s | rebuild docs/s (median of " + REBUILDS + " more) | completions build s "
                + "| Lucene p50 ms | Lucene p99 ms | PG load+index s | PG read docs/s | PG p50 ms | PG p99 ms |\n");
        report.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(work.resolve("pg"))
                .setCleanDataDirectory(true).start()) {
            DataSource pg = postgres.getPostgresDatabase();
            for (int size : sizes) {
                report.append(run(size, corpus, queries, work.resolve("lucene-" + size), pg)).append('\n');
                System.out.println(report);
            }
        } finally {
            TempDirs.deleteTree(work);
        }
        Files.writeString(Path.of("target/search-benchmark.md"), report, StandardCharsets.UTF_8);
        System.out.println(report);
    }

    private static String run(int size, SyntheticCorpus corpus, List<String> queries, Path dir, DataSource pg)
            throws Exception {
        // Lucene: full rebuilds, then the query mix. The documents are generated before the clock starts, so
        // the rate is the index's (analysis, inversion, writing, commit), not the generator's; what reading
        // them from PostgreSQL costs is measured on its own below.
        List<SearchDocument> documents = new ArrayList<>(size);
        corpus.forEach(size, documents::add);
        double firstRate;
        double warmRate;
        double suggestSeconds;
        double[] lucene;
        try (SearchIndex index = BenchmarkAccess.onDisk(dir, sink -> documents.forEach(sink))) {
            firstRate = timedRebuild(index);
            // The same rebuild again in this JVM, a few times: the rate once the JIT has compiled the indexing code.
            double[] again = new double[REBUILDS];
            for (int i = 0; i < REBUILDS; i++) {
                again[i] = timedRebuild(index);
            }
            Arrays.sort(again);
            warmRate = again[REBUILDS / 2];
            long suggestStart = System.nanoTime();
            index.refreshSuggestions();
            suggestSeconds = (System.nanoTime() - suggestStart) / 1e9;
            lucene = latencies(queries, 2, ROUNDS, q -> index.search(SearchRequest.of(q)));
        }
        // PostgreSQL: the same documents, the same queries.
        long loadStart = System.nanoTime();
        load(pg, documents);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        double readRate = readRate(pg, size);
        double[] postgres;
        try (Connection c = pg.getConnection(); PreparedStatement ps = c.prepareStatement(PG_QUERY)) {
            // PostgreSQL takes up to a second a query at 100k: a third of the queries, one warm-up pass, two rounds.
            postgres = latencies(queries.subList(0, PG_QUERIES), 1, 2, q -> {
                ps.setString(1, q);
                ps.setString(2, q);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getString(1);
                    }
                }
            });
        }
        return String.format(Locale.ROOT, "| %,d | %,.0f | %,.0f | %.1f | %.2f | %.2f | %.1f | %,.0f | %.2f | %.2f |", size, firstRate,
                warmRate, suggestSeconds, percentile(lucene, 50), percentile(lucene, 99), loadSeconds, readRate,
                percentile(postgres, 50), percentile(postgres, 99));
    }

    /** One full rebuild, in documents per second. */
    private static double timedRebuild(SearchIndex index) throws IOException {
        long start = System.nanoTime();
        int built = index.rebuild();
        return built / ((System.nanoTime() - start) / 1e9);
    }

    /** Documents per second PostgreSQL streams back, every field a rebuild indexes, a thousand rows a fetch. */
    private static double readRate(DataSource pg, int size) throws SQLException {
        try (Connection c = pg.getConnection()) {
            c.setAutoCommit(false); // the driver streams with a fetch size only inside a transaction
            try (Statement st = c.createStatement()) {
                st.setFetchSize(1000);
                long start = System.nanoTime();
                long chars = 0;
                int rows = 0;
                try (ResultSet rs = st.executeQuery("SELECT id, title, description, topics, body, language FROM docs")) {
                    while (rs.next()) {
                        for (int column = 1; column <= 6; column++) {
                            chars += rs.getString(column).length();
                        }
                        rows++;
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                if (rows != size || chars == 0) {
                    throw new IllegalStateException("read " + rows + " of " + size + " documents back");
                }
                c.commit();
                return rows / seconds;
            }
        }
    }

    private static final String PG_QUERY = """
            WITH q AS (SELECT websearch_to_tsquery('english', ?) || websearch_to_tsquery('russian', ?) AS query),
            top AS (SELECT d.id, d.body, ts_rank(d.tsv, q.query) AS rank, count(*) OVER () AS total, q.query
                      FROM docs d, q WHERE d.tsv @@ q.query ORDER BY rank DESC LIMIT 10)
            SELECT id, total, ts_headline('english', body, query, 'MaxWords=30, MinWords=10') FROM top""";

    private static void load(DataSource pg, List<SearchDocument> documents) throws SQLException {
        try (Connection c = pg.getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS docs");
            st.execute("""
                    CREATE TABLE docs (id text PRIMARY KEY, title text, description text, topics text, body text,
                                       language text, tsv tsvector)""");
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?, NULL)")) {
                int[] n = {0};
                SQLException[] failed = {null};
                documents.forEach(d -> {
                    try {
                        ps.setString(1, d.id());
                        ps.setString(2, d.title());
                        ps.setString(3, d.description());
                        ps.setString(4, d.topicText());
                        ps.setString(5, d.body());
                        ps.setString(6, d.language());
                        ps.addBatch();
                        if (++n[0] % 1000 == 0) {
                            ps.executeBatch();
                        }
                    } catch (SQLException e) {
                        failed[0] = e;
                    }
                });
                if (failed[0] != null) {
                    throw failed[0];
                }
                ps.executeBatch();
            }
            st.execute("""
                    UPDATE docs SET tsv =
                        setweight(to_tsvector(CAST(CASE language WHEN 'ru' THEN 'russian' ELSE 'english' END AS regconfig), title), 'A')
                     || setweight(to_tsvector('english', description), 'B')
                     || setweight(to_tsvector('english', topics), 'C')
                     || setweight(to_tsvector(CAST(CASE language WHEN 'ru' THEN 'russian' ELSE 'english' END AS regconfig), body), 'D')""");
            st.execute("CREATE INDEX docs_tsv_idx ON docs USING gin (tsv)");
            c.commit();
            c.setAutoCommit(true);
            st.execute("VACUUM ANALYZE docs");
        }
    }

    private interface Query {
        void run(String q) throws Exception;
    }

    /** Warm-up passes, then measured passes; each query timed on its own. */
    private static double[] latencies(List<String> queries, int warmUps, int rounds, Query query) throws Exception {
        for (int warm = 0; warm < warmUps; warm++) {
            for (String q : queries) {
                query.run(q);
            }
        }
        double[] ms = new double[queries.size() * rounds];
        int k = 0;
        for (int round = 0; round < rounds; round++) {
            for (String q : queries) {
                long start = System.nanoTime();
                query.run(q);
                ms[k++] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(ms);
        return ms;
    }

    /** The p-th percentile (nearest rank) of {@code sorted}; QueryCostBenchmark reports with it too. */
    public static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private SearchBenchmark() {
    }
}
