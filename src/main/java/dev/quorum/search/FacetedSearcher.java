package dev.quorum.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.similarities.BM25Similarity;

/**
 * A point-in-time searcher with the facet ordinals of its reader, built once per refresh rather than
 * once per query (building them reads every facet value in the index).
 */
final class FacetedSearcher extends IndexSearcher {

    private final SortedSetDocValuesReaderState facetState;

    /** Statistics of each language family of fields, pooled (see {@link #collectionStatistics}). */
    private final Map<String, CollectionStatistics> pooled = new HashMap<>();

    private FacetedSearcher(IndexReader reader, SortedSetDocValuesReaderState facetState) throws IOException {
        super(reader);
        this.facetState = facetState;
        setSimilarity(new BM25Similarity());
        for (Function<String, String> family : List.<Function<String, String>>of(SearchFields::body, SearchFields::title)) {
            List<CollectionStatistics> members = new ArrayList<>();
            for (String bucket : LanguageAnalysis.BUCKETS) {
                CollectionStatistics own = super.collectionStatistics(family.apply(bucket));
                if (own != null) {
                    members.add(own);
                }
            }
            long docCount = Math.min(reader.maxDoc(), members.stream().mapToLong(CollectionStatistics::docCount).sum());
            long sumTotalTermFreq = members.stream().mapToLong(CollectionStatistics::sumTotalTermFreq).sum();
            long sumDocFreq = members.stream().mapToLong(CollectionStatistics::sumDocFreq).sum();
            for (CollectionStatistics own : members) {
                pooled.put(own.field(), new CollectionStatistics(own.field(), reader.maxDoc(), docCount, sumTotalTermFreq, sumDocFreq));
            }
        }
    }

    /**
     * A language's fields score against the statistics of all languages together: the languages split
     * the documents, not the collection. Otherwise a Russian word, counted among the few Russian
     * documents alone, looks common (a low idf), and a Russian query ranks an English page that quotes a
     * Russian title above the Russian articles themselves.
     */
    @Override
    public CollectionStatistics collectionStatistics(String field) throws IOException {
        CollectionStatistics family = pooled.get(field);
        return family != null ? family : super.collectionStatistics(field);
    }

    /** Null for an index with no documents yet. */
    SortedSetDocValuesReaderState facetState() {
        return facetState;
    }

    static SearcherFactory factory(FacetsConfig config) {
        return new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) throws IOException {
                SortedSetDocValuesReaderState state = reader.maxDoc() == 0 || reader.numDocs() == 0 ? null
                        : new DefaultSortedSetDocValuesReaderState(reader, config);
                return new FacetedSearcher(reader, state);
            }
        };
    }
}
