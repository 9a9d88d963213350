package dev.quorum.web;

import dev.quorum.catalog.ResourceKind;
import dev.quorum.search.SearchRequest;
import dev.quorum.search.UserQuery;
import java.util.Optional;

/** The search parameters shared by the API and the page, checked: anything out of range is a 400 naming it. */
final class SearchParams {

    static final String TOPIC_KIND = "topic";

    private SearchParams() {
    }

    static SearchRequest parse(String q, String topic, String kind, String lang, String page, String size) {
        String query = q == null ? "" : q;
        if (query.length() > UserQuery.LENGTH_MAX) {
            throw new BadRequest("parameter 'q' must be at most " + UserQuery.LENGTH_MAX + " characters, got " + query.length());
        }
        int sizeValue = Paging.intParam("size", size, 10, 1, SearchRequest.SIZE_MAX);
        int maxPage = SearchRequest.DEPTH_MAX / sizeValue;
        int pageValue = Paging.intParam("page", page, 1, 1, maxPage);
        return new SearchRequest(UserQuery.parse(query), topic(topic), kind(kind), ResourceFilters.language(lang),
                pageValue, sizeValue);
    }

    private static Optional<String> topic(String topic) {
        if (topic == null || topic.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Identifiers.topic(topic.trim()).orElseThrow(() -> new BadRequest(
                "parameter 'topic' must be a topic slug such as 'time-and-clocks'")));
    }

    private static Optional<String> kind(String kind) {
        if (kind != null && kind.trim().equals(TOPIC_KIND)) {
            return Optional.of(TOPIC_KIND);
        }
        if (kind == null || kind.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(ResourceKind.fromSlug(kind.trim()).orElseThrow(() -> new BadRequest(
                "parameter 'kind' must be 'topic' or one of: " + ResourceKind.slugs())).slug());
    }
}
