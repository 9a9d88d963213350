package dev.quorum.content;

import dev.quorum.catalog.CanonicalUrl;
import java.util.List;
import java.util.Optional;

/** A topic file as written: its front matter, checked for shape, and its Markdown body. */
public record TopicDraft(String slug, String path, String title, String summary, int summaryLine, int order,
        int orderLine, List<Step> resources, List<Reference> related, List<Reference> demos, String body,
        int bodyLine) {

    public TopicDraft {
        resources = List.copyOf(resources);
        related = List.copyOf(related);
        demos = List.copyOf(demos);
    }

    /** One resource of the reading path, by URL, with an optional note on why to read it. */
    public record Step(String url, CanonicalUrl canonicalUrl, Optional<String> note, int line, int noteLine) {
    }

    /** A name that must match something elsewhere (a topic slug, a demo id), and where it was written. */
    public record Reference(String value, int line) {
    }
}
