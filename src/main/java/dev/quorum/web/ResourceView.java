package dev.quorum.web;

import dev.quorum.catalog.Resource;
import java.time.Instant;

/** A resource as the API shows it. */
public record ResourceView(String id, String url, String title, String kind, String language, String description,
        String section, String domain, String sourceFile, int sourceLine, Instant firstSeenAt, Instant lastSeenAt,
        Instant retiredAt) {

    static ResourceView of(Resource r) {
        return new ResourceView(r.id, r.url, r.title, r.kind, r.language, r.description, r.section, r.domain,
                r.sourceFile, r.sourceLine, r.firstSeenAt, r.lastSeenAt, r.retiredAt);
    }
}
