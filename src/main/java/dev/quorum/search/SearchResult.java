package dev.quorum.search;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One page of results.
 *
 * @param query      the query as understood, in its own syntax
 * @param didYouMean a better spelling of the query, when one exists
 * @param widened    the widest step the search took because the query as typed found too little
 */
public record SearchResult(String query, long total, int page, int size, List<Hit> hits,
        Map<String, List<FacetCount>> facets, Optional<String> didYouMean, Widening widened) {

    /**
     * What a search let in beyond the words as typed, when they found fewer than a few results; the steps
     * are tried in this order, and a result names the last one it took (a respelt query may widen further).
     */
    public enum Widening {
        /** Nothing: the results have the words as typed (most of them, for three or more words). */
        NONE(null),
        /** The results are those of {@link #didYouMean}, the query with its misspelt words respelt. */
        RESPELT("respelt"),
        /** Words may also match a near spelling ("vectr" finds "vector"). */
        NEAR_SPELLINGS("near-spellings"),
        /** Any one of the words is enough (near spellings still count). */
        SOME_WORDS("some-words");

        private final String slug;

        Widening(String slug) {
            this.slug = slug;
        }

        /** The API's name for it; null for {@link #NONE}. */
        public String slug() {
            return slug;
        }
    }

    /** Whether anything beyond the words as typed was let in. */
    public boolean fuzzy() {
        return widened != Widening.NONE;
    }

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
