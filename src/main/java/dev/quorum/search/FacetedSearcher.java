package dev.quorum.search;

import java.io.IOException;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.similarities.BM25Similarity;

/**
 * A point-in-time searcher with the facet ordinals of its reader, built once per refresh rather than
 * once per query (building them reads every facet value in the index).
 */
final class FacetedSearcher extends IndexSearcher {

    private final SortedSetDocValuesReaderState facetState;

    private FacetedSearcher(IndexReader reader, SortedSetDocValuesReaderState facetState) {
        super(reader);
        this.facetState = facetState;
        setSimilarity(new BM25Similarity());
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
