package dev.quorum.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.search.uhighlight.CustomSeparatorBreakIterator;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Runs one {@link SearchRequest} against one point-in-time searcher: ranking, facets that ignore
 * their own filter, snippets, the fuzzy fallback and "did you mean". Pure Lucene, no I/O of its own.
 */
final class SearchExecutor {

    /** Fewer hits than this and the search widens: near spellings, then any one word. */
    static final int FEW = 3;
    private static final int FACET_VALUES_MAX = 50;
    private static final int SNIPPET_CHARS = 180;
    /** How many of the best matches (by BM25 over the text) are ranked with the field and proximity bonus. */
    static final int CANDIDATES = 50;
    /** Passages are sought in the first 10,000 characters of a page: past that, the cost grows and the gain does not. */
    private static final int HIGHLIGHT_CHARS_MAX = 10_000;
    /** What a hit shows, and the texts its snippet is cut from: everything stored. */
    private static final Set<String> HIT_FIELDS = Stream.concat(
            Stream.of(SearchFields.ID, SearchFields.TYPE, SearchFields.TITLE_STORED, SearchFields.URL, SearchFields.KIND_STORED,
                    SearchFields.LANGUAGE_STORED, SearchFields.TOPICS_STORED, SearchFields.DESCRIPTION),
            LanguageAnalysis.BUCKETS.stream().map(SearchFields::body)).collect(Collectors.toUnmodifiableSet());
    private static final Sort BY_TITLE = new Sort(new SortField(SearchFields.TITLE_SORT, SortField.Type.STRING));

    private final Analyzer analyzer;
    private final QueryPlanner planner;
    private final FacetsConfig facetsConfig;
    private final DirectSpellChecker spelling = new DirectSpellChecker();

    SearchExecutor(Analyzer analyzer, FacetsConfig facetsConfig) {
        this.analyzer = analyzer;
        this.planner = new QueryPlanner(analyzer);
        this.facetsConfig = facetsConfig;
        spelling.setAccuracy(0.75f);
        spelling.setMaxEdits(1); // two-edit automata cost milliseconds each; the typos readers make are one edit
        spelling.setMinQueryLength(4);
    }

    SearchResult search(FacetedSearcher searcher, SearchRequest request) throws IOException {
        UserQuery query = request.query();
        if (searcher.facetState() == null) { // an empty index
            return new SearchResult(query.toString(), 0, request.page(), request.size(), List.of(), emptyFacets(),
                    Optional.empty(), SearchResult.Widening.NONE);
        }
        Query plan = planner.match(query, QueryPlanner.Stage.EXACT);
        Pass result = run(searcher, request, plan);
        long exactTotal = total(result);
        Optional<String> didYouMean = didYouMean(searcher.getIndexReader(), query, exactTotal);
        UserQuery ranked = query; // the query whose words the hits matched, as snippets should mark them
        QueryPlanner.Stage stage = QueryPlanner.Stage.EXACT;
        SearchResult.Widening widened = SearchResult.Widening.NONE;
        if (didYouMean.isPresent()) {
            // A known respelling is the cheap way to let near spellings in: exact terms, no automata.
            UserQuery respelt = UserQuery.parse(didYouMean.get());
            Query respeltPlan = planner.match(respelt, QueryPlanner.Stage.EXACT);
            Pass respeltResult = run(searcher, request, respeltPlan);
            if (total(respeltResult) > total(result)) {
                result = respeltResult;
                plan = respeltPlan;
                ranked = respelt;
                widened = SearchResult.Widening.RESPELT;
            }
        }
        if (total(result) < FEW && hasWords(query)) {
            Query fuzzyPlan = planner.match(ranked, QueryPlanner.Stage.FUZZY);
            Map<SearchResult.Widening, Query> wider = new LinkedHashMap<>();
            wider.put(SearchResult.Widening.NEAR_SPELLINGS, fuzzyPlan);
            Query anyWord = QueryPlanner.anyWord(fuzzyPlan);
            if (anyWord != fuzzyPlan) { // a single word has nothing to drop: no second, identical pass
                wider.put(SearchResult.Widening.SOME_WORDS, anyWord);
            }
            for (Map.Entry<SearchResult.Widening, Query> widerPlan : wider.entrySet()) {
                Pass widerResult = run(searcher, request, widerPlan.getValue());
                if (total(widerResult) > total(result)) {
                    result = widerResult;
                    plan = widerPlan.getValue();
                    stage = QueryPlanner.Stage.FUZZY;
                    widened = widerPlan.getKey();
                }
                if (total(result) >= FEW) {
                    break;
                }
            }
        }
        ScoreDoc[] all = query.isEmpty() ? result.hits().scoreDocs : ranked(searcher, ranked, stage, result.hits());
        int from = Math.min(all.length, (request.page() - 1) * request.size());
        ScoreDoc[] page = Arrays.copyOfRange(all, from, Math.min(all.length, from + request.size()));
        // Snippets mark exact words only: near-spelling automata would be rebuilt for every highlighted field.
        Query highlightPlan = stage == QueryPlanner.Stage.FUZZY ? planner.match(ranked, QueryPlanner.Stage.EXACT) : plan;
        List<SearchResult.Hit> hits = hits(searcher, highlightPlan, page, !query.isEmpty());
        return new SearchResult(query.toString(), total(result), request.page(), request.size(), hits,
                facets(result.facets()), didYouMean, widened);
    }

    /** One matching pass: the best hits for ranking, the exact total, and facet counts. */
    private record Pass(TopDocs hits, Facets facets) {
    }

    /**
     * Matching, counting and facets in one pass over the text fields; the best {@link #CANDIDATES} by
     * that pass's BM25 go on to be ranked (and as many as the page asked for needs). With a facet filter, its
     * own dimension is counted as if it were not set (drill sideways); without one, a plain search
     * counts the same for less.
     */
    private Pass run(FacetedSearcher searcher, SearchRequest request, Query plan) throws IOException {
        int wanted = Math.max(request.depth(), CANDIDATES);
        Sort sort = request.query().isEmpty() ? BY_TITLE : null;
        if (request.topic().isEmpty() && request.kind().isEmpty() && request.language().isEmpty()) {
            CollectorManager<? extends Collector, ? extends TopDocs> top = sort == null
                    ? new TopScoreDocCollectorManager(wanted, null, Integer.MAX_VALUE, false)
                    : new TopFieldCollectorManager(sort, wanted, null, Integer.MAX_VALUE, false);
            Object[] both = searcher.search(plan, new MultiCollectorManager(top, new FacetsCollectorManager(false)));
            return new Pass((TopDocs) both[0], new SortedSetDocValuesFacetCounts(searcher.facetState(), (FacetsCollector) both[1]));
        }
        DrillDownQuery drill = new DrillDownQuery(facetsConfig, plan);
        request.topic().ifPresent(v -> drill.add(SearchFields.FACET_TOPIC, v));
        request.kind().ifPresent(v -> drill.add(SearchFields.FACET_KIND, v));
        request.language().ifPresent(v -> drill.add(SearchFields.FACET_LANGUAGE, v));
        DrillSideways sideways = new DrillSideways(searcher, facetsConfig, searcher.facetState());
        DrillSideways.DrillSidewaysResult result = sideways.search(drill, null, null, wanted, sort, false);
        return new Pass(result.hits, result.facets);
    }

    /**
     * The hits in their final order: the best {@link #CANDIDATES} keep their matching score (BM25 over the
     * text) plus the {@linkplain QueryPlanner#bonus bonus} for words in the title, description or topics
     * and near each other, and are re-sorted; deeper hits follow in matching order. The window does not
     * depend on the page asked for, so pages never repeat or skip a hit. (A re-sorted hit scores at least
     * its matching score, so scores still fall down the list.)
     */
    private ScoreDoc[] ranked(FacetedSearcher searcher, UserQuery query, QueryPlanner.Stage stage, TopDocs matched)
            throws IOException {
        ScoreDoc[] all = matched.scoreDocs;
        int window = Math.min(all.length, CANDIDATES);
        if (window < 2) {
            return all;
        }
        TopDocs candidates = new TopDocs(matched.totalHits, Arrays.copyOf(all, window));
        ScoreDoc[] reranked = QueryRescorer.rescore(searcher, candidates, planner.bonus(query, stage), 1.0, window).scoreDocs;
        ScoreDoc[] out = Arrays.copyOf(reranked, all.length);
        System.arraycopy(all, window, out, window, all.length - window);
        return out;
    }

    private static long total(Pass result) {
        return result.hits().totalHits.value;
    }

    private static boolean hasWords(UserQuery query) {
        return query.groups().stream().anyMatch(g -> !g.isSinglePhrase());
    }

    /** The page's hits as shown: stored fields and snippets (package-private for {@code QueryCostBenchmark}). */
    List<SearchResult.Hit> hits(FacetedSearcher searcher, Query plan, ScoreDoc[] page, boolean highlight)
            throws IOException {
        List<SearchResult.Hit> hits = new ArrayList<>(page.length);
        StoredFields stored = searcher.storedFields();
        List<Document> docs = new ArrayList<>(page.length);
        for (ScoreDoc hit : page) {
            docs.add(stored.document(hit.doc, HIT_FIELDS)); // one read a hit: the highlighter is handed the text
        }
        String[] snippets = highlight ? highlight(searcher, plan, page, docs) : new String[page.length];
        for (int i = 0; i < page.length; i++) {
            Document doc = docs.get(i);
            String language = doc.get(SearchFields.LANGUAGE_STORED);
            String snippet = snippets[i];
            if (snippet == null) {
                snippet = plainSnippet(doc.get(SearchFields.DESCRIPTION), doc.get(SearchFields.body(LanguageAnalysis.bucketOf(language))));
            }
            float score = Float.isNaN(page[i].score) ? 0f : page[i].score;
            hits.add(new SearchResult.Hit(doc.get(SearchFields.ID), doc.get(SearchFields.TYPE),
                    doc.get(SearchFields.TITLE_STORED), doc.get(SearchFields.URL), doc.get(SearchFields.KIND_STORED),
                    language, List.of(doc.getValues(SearchFields.TOPICS_STORED)), snippet, score));
        }
        return hits;
    }

    /**
     * The best passages of each hit's page text, else of our description; null where neither has a
     * marked word. Hits are highlighted a language at a time, so only the fields a document can have
     * are read.
     */
    private String[] highlight(FacetedSearcher searcher, Query plan, ScoreDoc[] page, List<Document> docs)
            throws IOException {
        String[] out = new String[page.length];
        if (page.length == 0) {
            return out;
        }
        Map<Integer, Document> byDoc = new HashMap<>();
        for (int i = 0; i < page.length; i++) {
            byDoc.put(page[i].doc, docs.get(i));
        }
        UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, analyzer)
                // The query is over the text fields, which hold the title's and our words too: they are worth
                // marking wherever they occur, in the page text or in our description.
                .withFieldMatcher(QueryPlanner.MATCHED::containsKey)
                .withWeightMatches(false)
                .withHandleMultiTermQuery(false)
                .withMaxLength(HIGHLIGHT_CHARS_MAX)
                .withMaxNoHighlightPassages(0)
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        new CustomSeparatorBreakIterator('.'), SNIPPET_CHARS, 0.5f)) // the JDK's sentence rules cost more than the search
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true));
        UnifiedHighlighter highlighter = new UnifiedHighlighter(builder) {
            @Override
            protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold)
                    throws IOException {
                // The hits' stored fields are read already: decompressing them a second time was a fifth of a search.
                List<CharSequence[]> values = new ArrayList<>();
                for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
                    CharSequence[] perField = new CharSequence[fields.length];
                    for (int f = 0; f < fields.length; f++) {
                        String value = byDoc.get(doc).get(fields[f]);
                        perField[f] = value == null ? "" : value.substring(0, Math.min(value.length(), HIGHLIGHT_CHARS_MAX));
                    }
                    values.add(perField);
                }
                return values;
            }
        };
        for (String bucket : LanguageAnalysis.BUCKETS) {
            List<Integer> positions = new ArrayList<>();
            for (int i = 0; i < page.length; i++) {
                if (bucket.equals(LanguageAnalysis.bucketOf(docs.get(i).get(SearchFields.LANGUAGE_STORED)))) {
                    positions.add(i);
                }
            }
            mark(highlighter, plan, SearchFields.body(bucket), 2, page, positions, out);
        }
        // Our description, only for the hits whose page text has no marked word (no text yet, or a match
        // in the title alone).
        List<Integer> unmarked = new ArrayList<>();
        for (int i = 0; i < page.length; i++) {
            if (out[i] == null) {
                unmarked.add(i);
            }
        }
        mark(highlighter, plan, SearchFields.DESCRIPTION, 1, page, unmarked, out);
        return out;
    }

    /** Highlights {@code field} of the hits at {@code positions} of the page into {@code out}, where a word is marked. */
    private static void mark(UnifiedHighlighter highlighter, Query plan, String field, int passages, ScoreDoc[] page,
            List<Integer> positions, String[] out) throws IOException {
        if (positions.isEmpty()) {
            return;
        }
        ScoreDoc[] some = positions.stream().map(i -> page[i]).toArray(ScoreDoc[]::new);
        TopDocs topDocs = new TopDocs(new TotalHits(some.length, TotalHits.Relation.EQUAL_TO), some);
        String[] marked = highlighter.highlightFields(new String[] {field}, plan, topDocs, new int[] {passages}).get(field);
        for (int k = 0; k < some.length; k++) {
            out[positions.get(k)] = firstMarked(marked[k]);
        }
    }

    private static String firstMarked(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && candidate.contains("<mark>")) {
                return candidate;
            }
        }
        return null;
    }

    /** No word to mark (a browse, or a match only in the title or topics): our description, else the text's start. */
    static String plainSnippet(String description, String body) {
        String text = description != null && !description.isBlank() ? description : body == null ? "" : body;
        if (text.length() > SNIPPET_CHARS * 2) {
            int cut = text.lastIndexOf(' ', SNIPPET_CHARS * 2);
            text = text.substring(0, cut > SNIPPET_CHARS ? cut : SNIPPET_CHARS * 2) + " …";
        }
        return escape(text);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#x27;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private Map<String, List<SearchResult.FacetCount>> facets(Facets facets) throws IOException {
        Map<String, List<SearchResult.FacetCount>> out = new LinkedHashMap<>();
        for (String dim : SearchFields.FACETS) {
            List<SearchResult.FacetCount> counts = new ArrayList<>();
            FacetResult result;
            try {
                result = facets.getTopChildren(FACET_VALUES_MAX, dim);
            } catch (IllegalArgumentException noSuchDimension) {
                result = null;
            }
            if (result != null) {
                for (LabelAndValue lv : result.labelValues) {
                    counts.add(new SearchResult.FacetCount(lv.label, lv.value.longValue()));
                }
            }
            out.put(dim, List.copyOf(counts));
        }
        return out;
    }

    private static Map<String, List<SearchResult.FacetCount>> emptyFacets() {
        Map<String, List<SearchResult.FacetCount>> out = new LinkedHashMap<>();
        SearchFields.FACETS.forEach(dim -> out.put(dim, List.of()));
        return out;
    }

    /**
     * The query with each unknown or rare word replaced by a common near spelling, if any word changed,
     * and only when the query as typed found little ({@code total}: its exact matches).
     */
    Optional<String> didYouMean(IndexReader reader, UserQuery query, long total) throws IOException {
        if (total >= FEW) {
            return Optional.empty();
        }
        boolean changed = false;
        int budget = QueryPlanner.FUZZY_WORDS_MAX; // each lookup builds automata: a few words at most
        List<UserQuery.Group> groups = new ArrayList<>();
        for (UserQuery.Group group : query.groups()) {
            List<UserQuery.Part> parts = new ArrayList<>();
            for (UserQuery.Part part : group.alternatives()) {
                String[] words = part.text().split(" ");
                for (int i = 0; i < words.length && budget > 0; i++) {
                    if (QueryPlanner.editsFor(words[i]) == 0) {
                        continue;
                    }
                    budget--;
                    String better = respell(reader, words[i], total);
                    if (better != null) {
                        words[i] = better;
                        changed = true;
                    }
                }
                parts.add(new UserQuery.Part(String.join(" ", words), part.phrase()));
            }
            groups.add(new UserQuery.Group(parts));
        }
        return changed ? Optional.of(new UserQuery(groups, query.excluded()).toString()) : Optional.empty();
    }

    /** Whether {@code word} occurs in the scraped text of any document, as that text's analyzer reads it. */
    private boolean inPageText(IndexReader reader, String word) throws IOException {
        for (String bucket : LanguageAnalysis.BUCKETS) {
            String field = SearchFields.body(bucket);
            List<String> tokens = planner.analyze(field, word);
            if (tokens.size() == 1 && reader.docFreq(new Term(field, tokens.get(0))) > 0) {
                return true;
            }
        }
        return false;
    }

    private String respell(IndexReader reader, String word, long total) throws IOException {
        List<String> tokens = planner.analyze(SearchFields.ALL_PLAIN, word);
        if (tokens.size() != 1 || tokens.get(0).length() < 4) {
            return null;
        }
        Term term = new Term(SearchFields.ALL_PLAIN, tokens.get(0));
        int docFreq = reader.docFreq(term);
        SuggestMode mode;
        if (docFreq == 0 && inPageText(reader, word)) {
            return null; // spelt as some page writes it: not ours to correct
        } else if (docFreq == 0) {
            mode = SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX;
        } else if (docFreq <= 1 && total < FEW) {
            mode = SuggestMode.SUGGEST_MORE_POPULAR;
        } else {
            return null;
        }
        SuggestWord[] suggestions = spelling.suggestSimilar(term, 1, reader, mode);
        return suggestions.length == 0 ? null : suggestions[0].string;
    }
}
