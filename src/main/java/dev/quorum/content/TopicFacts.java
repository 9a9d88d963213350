package dev.quorum.content;

import dev.quorum.catalog.Resource;
import dev.quorum.catalog.Topic;
import dev.quorum.catalog.TopicEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Everything the catalog keeps of a topic, derived from its file in one place. */
final class TopicFacts {

    private final MarkdownRenderer markdown = new MarkdownRenderer();

    /** One step of a reading path as stored: which resource, where, and our note. */
    record Step(String resourceId, int position, String note) {
    }

    /** {@code resources} maps canonical URLs to the resources the same ingest just wrote. */
    Facts of(TopicDraft draft, Map<String, Resource> resources) {
        List<Step> path = new ArrayList<>();
        for (TopicDraft.Step s : draft.resources()) {
            Resource r = resources.get(s.canonicalUrl().value());
            path.add(new Step(r.id, path.size() + 1, s.note().orElse(null)));
        }
        return new Facts(draft.title(), draft.summary(), draft.order(), draft.body().strip(),
                markdown.toHtml(draft.body()), draft.related().stream().map(TopicDraft.Reference::value).toList(),
                draft.demos().stream().map(TopicDraft.Reference::value).toList(),
                ContentLoader.TOPICS + "/" + draft.slug() + ".md", List.copyOf(path));
    }

    static List<Step> pathOf(List<TopicEntry> entries) {
        return entries.stream().map(e -> new Step(e.resourceId, e.position, e.note)).toList();
    }

    record Facts(String title, String summary, int position, String markdown, String html, List<String> related,
            List<String> demos, String sourceFile, List<Step> path) {

        boolean matches(Topic t) {
            return Objects.equals(title, t.title) && Objects.equals(summary, t.summary) && position == t.position
                    && Objects.equals(markdown, t.overviewMarkdown) && Objects.equals(html, t.overviewHtml)
                    && Objects.equals(related, t.related) && Objects.equals(demos, t.demos)
                    && Objects.equals(sourceFile, t.sourceFile);
        }

        void copyTo(Topic t, Instant now) {
            t.title = title;
            t.summary = summary;
            t.position = position;
            t.overviewMarkdown = markdown;
            t.overviewHtml = html;
            t.related = new ArrayList<>(related);
            t.demos = new ArrayList<>(demos);
            t.sourceFile = sourceFile;
            t.updatedAt = now;
        }
    }
}
