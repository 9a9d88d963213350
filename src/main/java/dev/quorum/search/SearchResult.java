package dev.quorum.search;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One page of results.
 *
 * @param query      the query as understood, in its own syntax
 * @param fuzzy      true when exact matching found too little and near spellings were let in
 * @param didYouMean a better spelling of the query, when one exists
 */
public record SearchResult(String query, long total, int page, int size, List<Hit> hits,
        Map<String, List<FacetCount>> facets, Optional<String> didYouMean, boolean fuzzy) {

    /** A snippet is HTML: escaped text with {@code <mark>} around the words that matched, and nothing else. */
    public record Hit(String id, String type, String title, String url, String kind, String language, List<String> topics,
            String snippet, float score) {
    }

    public record FacetCount(String value, long count) {
    }

    public long pages() {
        return Math.min((total + size - 1) / size, SearchRequest.DEPTH_MAX / size);
    }
}
