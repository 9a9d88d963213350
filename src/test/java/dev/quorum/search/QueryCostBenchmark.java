package dev.quorum.search;

import dev.quorum.platform.TempDirs;
import dev.quorum.search.bench.SearchBenchmark;
import dev.quorum.search.bench.SyntheticCorpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * What each part of a search costs on its own, on the synthetic corpus of {@code SearchBenchmark}: the
 * whole search as the API runs it, then ranking, counting, facets, the bonus and the snippets each alone,
 * and the cheapest ranking the index allows (block-max pruning, which gives up the exact total). It
 * answers "where would 5 ms have to come from", not "how fast is search" (that is {@code SearchBenchmark}).
 *
 * <pre>./mvnw -q test-compile exec:exec@search-cost [-Dbench.size=100000]</pre>
 *
 * The query cache is off, so every query is timed as the first of its kind; each part runs the same
 * 300 queries, 2 warm-up passes then 3 timed ones. Never run by surefire (not a {@code *Test}).
 */
public final class QueryCostBenchmark {

    private static final int QUERIES = 300;
    private static final int ROUNDS = 3;
    private static final int TOP = 50;
    private static final int PAGE = 10;

    private interface Part {
        void run(UserQuery query, Query plan, TopDocs candidates) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int size = Integer.getInteger("bench.size", 100_000);
        Path dir = Files.createTempDirectory("quorum-query-cost");
        SyntheticCorpus corpus = new SyntheticCorpus();
        List<SearchDocument> documents = new ArrayList<>(size);
        corpus.forEach(size, documents::add);
        try (SearchIndex index = BenchmarkAccess.onDisk(dir, sink -> documents.forEach(sink))) {
            index.rebuild();
        }
        IndexStore store = IndexStore.on(dir);
        try (DirectoryReader reader = DirectoryReader.open(store.open(store.current().orElseThrow()))) {
            FacetsConfig facets = SearchFields.facetsConfig();
            FacetedSearcher searcher = (FacetedSearcher) FacetedSearcher.factory(facets).newSearcher(reader, null);
            searcher.setQueryCache(null);
            Analyzer analyzer = LanguageAnalysis.perField();
            QueryPlanner planner = new QueryPlanner(analyzer);
            SearchExecutor executor = new SearchExecutor(analyzer, facets);

            Map<String, Part> parts = new LinkedHashMap<>();
            parts.put("whole search, as the API runs it", (q, plan, top) -> executor.search(searcher, SearchRequest.of(q.toString())));
            parts.put("ranking alone: top 50 by BM25, exact total (as the app)", (q, plan, top) ->
                    searcher.search(plan, new TopScoreDocCollectorManager(TOP, null, Integer.MAX_VALUE, false)));
            parts.put("ranking alone: top 50, block-max pruning (total only ≥ 1,000)", (q, plan, top) ->
                    searcher.search(plan, new TopScoreDocCollectorManager(TOP, null, 1_000, false)));
            parts.put("ranking alone: top 50, any one word, pruning", (q, plan, top) ->
                    searcher.search(QueryPlanner.anyWord(plan), new TopScoreDocCollectorManager(TOP, null, 1_000, false)));
            parts.put("counting alone: the exact total", (q, plan, top) -> searcher.count(plan));
            parts.put("facets alone: collect the hits, count three dimensions", (q, plan, top) -> {
                FacetsCollector hits = searcher.search(plan, new FacetsCollectorManager(false));
                new SortedSetDocValuesFacetCounts(searcher.facetState(), hits).getAllDims(50);
            });
            parts.put("bonus for the 50 candidates (fields, proximity)", (q, plan, top) ->
                    QueryRescorer.rescore(searcher, copy(top), planner.bonus(q, QueryPlanner.Stage.EXACT), 1.0, TOP));
            parts.put("stored fields and snippets for 10 hits", (q, plan, top) ->
                    executor.hits(searcher, plan, Arrays.copyOf(top.scoreDocs, Math.min(PAGE, top.scoreDocs.length)), true));

            List<UserQuery> queries = corpus.queries(QUERIES).stream().map(UserQuery::parse).toList();
            List<Query> plans = queries.stream().map(q -> planner.match(q, QueryPlanner.Stage.EXACT)).toList();
            List<TopDocs> candidates = new ArrayList<>();
            for (Query plan : plans) {
                candidates.add(searcher.search(plan, new TopScoreDocCollectorManager(TOP, null, Integer.MAX_VALUE, false)));
            }
            StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                    "Java %s, %d cores, %,d documents, %d queries × %d rounds after 2 warm-up passes, query cache off (ms)%n%n",
                    System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), size, QUERIES, ROUNDS));
            report.append("| part | mean | p50 | p90 | p99 |\n|---|---:|---:|---:|---:|\n");
            StringBuilder heaviest = new StringBuilder();
            for (Map.Entry<String, Part> part : parts.entrySet()) {
                double[] ms = new double[queries.size() * ROUNDS];
                double[] slowest = new double[queries.size()];
                int k = 0;
                for (int pass = 0; pass < 2 + ROUNDS; pass++) {
                    for (int i = 0; i < queries.size(); i++) {
                        long start = System.nanoTime();
                        part.getValue().run(queries.get(i), plans.get(i), candidates.get(i));
                        if (pass >= 2) {
                            ms[k] = (System.nanoTime() - start) / 1e6;
                            slowest[i] = Math.max(slowest[i], ms[k++]);
                        }
                    }
                }
                Arrays.sort(ms);
                report.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f |%n", part.getKey(),
                        Arrays.stream(ms).average().orElse(0), SearchBenchmark.percentile(ms, 50),
                        SearchBenchmark.percentile(ms, 90), SearchBenchmark.percentile(ms, 99)));
                System.out.print(report.substring(report.lastIndexOf("| " + part.getKey())));
                if (heaviest.isEmpty()) { // the whole search: which queries make its tail
                    Integer[] order = new Integer[queries.size()];
                    Arrays.setAll(order, i -> i);
                    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> slowest[i]).reversed());
                    for (int i : Arrays.copyOf(order, 12)) {
                        heaviest.append(String.format(Locale.ROOT, "| `%s` | %,d | %.2f |%n", queries.get(i),
                                candidates.get(i).totalHits.value, slowest[i]));
                    }
                }
            }
            report.append("\nThe slowest queries of the whole search (their exact matches; slowest of the timed rounds, ms):\n\n")
                    .append("| query | exact matches | ms |\n|---|---:|---:|\n").append(heaviest);
            Files.writeString(Path.of("target/query-cost.md"), report, StandardCharsets.UTF_8);
            System.out.println();
            System.out.println(report);
        } finally {
            TempDirs.deleteTree(dir);
        }
    }

    /** The rescorer writes its scores into the hits it is given: each run gets its own. */
    private static TopDocs copy(TopDocs top) {
        ScoreDoc[] hits = new ScoreDoc[top.scoreDocs.length];
        for (int i = 0; i < hits.length; i++) {
            hits[i] = new ScoreDoc(top.scoreDocs[i].doc, top.scoreDocs[i].score);
        }
        return new TopDocs(top.totalHits, hits);
    }

    private QueryCostBenchmark() {
    }
}
