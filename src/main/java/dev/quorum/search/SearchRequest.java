package dev.quorum.search;

import java.util.Optional;

/**
 * A validated search: the parsed query, facet filters (empty when absent), and the page wanted.
 * Checking the raw parameters is the web layer's job; this record only guards its invariants.
 */
public record SearchRequest(UserQuery query, Optional<String> topic, Optional<String> kind, Optional<String> language,
        int page, int size) {

    public static final int SIZE_MAX = 100;
    /** Hits beyond this rank are not served: nobody reads page 200, and deep pages cost the most. */
    public static final int DEPTH_MAX = 1_000;

    public SearchRequest {
        if (size < 1 || size > SIZE_MAX) {
            throw new IllegalArgumentException("size must be 1–" + SIZE_MAX + ": " + size);
        }
        if (page < 1 || (long) page * size > DEPTH_MAX) {
            throw new IllegalArgumentException("page × size must stay within " + DEPTH_MAX + ": page " + page);
        }
    }

    public static SearchRequest of(String q) {
        return new SearchRequest(UserQuery.parse(q), Optional.empty(), Optional.empty(), Optional.empty(), 1, 10);
    }

    int depth() {
        return page * size;
    }
}
