package dev.quorum.web;

import dev.quorum.catalog.Resource;
import java.time.Instant;
import java.util.List;

/**
 * A resource as the API shows it; {@code topics} are the slugs of the active topics that include it, and
 * {@code link} is how its link answered when we last checked.
 */
public record ResourceView(String id, String url, String title, String kind, String language, String description,
        String authors, Integer year, String section, String domain, List<String> topics, String sourceFile,
        int sourceLine, Instant firstSeenAt, Instant lastSeenAt, Instant retiredAt, Link link) {

    /** Link health: null fields until the first check; {@code archiveUrl} only once the link is dead. */
    public record Link(Instant checkedAt, String status, Integer httpStatus, Instant brokenSince, String archiveUrl) {
        static Link of(Resource r) {
            return new Link(r.linkCheckedAt, r.linkStatus, r.linkHttpStatus, r.linkBrokenSince,
                    r.linkBroken() ? r.archiveUrl() : null);
        }
    }

    static ResourceView of(Resource r, List<String> topics) {
        return new ResourceView(r.id, r.url, r.title, r.kind, r.language, r.description, r.authors, r.year, r.section,
                r.domain, List.copyOf(topics), r.sourceFile, r.sourceLine, r.firstSeenAt, r.lastSeenAt, r.retiredAt,
                Link.of(r));
    }

    /** Views of {@code resources}, each with its topics, looked up in one query. */
    static List<ResourceView> of(List<Resource> resources) {
        var topics = dev.quorum.catalog.TopicEntry.topicsOf(resources.stream().map(r -> r.id).toList());
        return resources.stream().map(r -> of(r, topics.getOrDefault(r.id, List.of()))).toList();
    }
}
