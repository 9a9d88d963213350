package dev.quorum.web;

import dev.quorum.catalog.Resource;
import dev.quorum.catalog.Topic;
import dev.quorum.catalog.TopicEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Topics as the API and the pages show them. */
final class TopicViews {

    private TopicViews() {
    }

    /** A topic in a listing. */
    public record TopicSummary(String slug, String title, String summary, int order, int resourceCount) {
    }

    /** A related topic, named so a client can link to it without a second call. */
    public record TopicLink(String slug, String title, String summary) {
    }

    /** One step of a reading path: the resource and our note on why to read it. */
    public record Step(int position, String note, ResourceView resource) {
    }

    /** A whole topic: overview as HTML (raw HTML in the source is escaped), reading path, related topics, demos. */
    public record TopicDetail(String slug, String title, String summary, int order, String overviewHtml,
            List<Step> resources, List<TopicLink> related, List<String> demos) {
    }

    static List<TopicSummary> summaries(List<Topic> topics) {
        Map<String, Integer> counts = new HashMap<>();
        for (Topic t : topics) {
            counts.put(t.slug, (int) TopicEntry.count("topicSlug", t.slug));
        }
        return topics.stream().map(t -> new TopicSummary(t.slug, t.title, t.summary, t.position, counts.get(t.slug))).toList();
    }

    static TopicDetail detail(Topic topic) {
        List<TopicEntry> path = TopicEntry.path(topic.slug);
        Map<String, Resource> byId = new HashMap<>();
        Resource.activeByIds(path.stream().map(e -> e.resourceId).toList()).forEach(r -> byId.put(r.id, r));
        List<Resource> ordered = path.stream().map(e -> byId.get(e.resourceId)).filter(r -> r != null).toList();
        Map<String, ResourceView> views = new HashMap<>();
        ResourceView.of(ordered).forEach(v -> views.put(v.id(), v));
        List<Step> steps = new ArrayList<>();
        for (TopicEntry e : path) {
            ResourceView v = views.get(e.resourceId);
            if (v != null) {
                steps.add(new Step(steps.size() + 1, e.note, v));
            }
        }
        List<TopicLink> related = Topic.activeAmong(topic.related).stream()
                .map(t -> new TopicLink(t.slug, t.title, t.summary)).toList();
        return new TopicDetail(topic.slug, topic.title, topic.summary, topic.position, topic.overviewHtml, steps, related,
                List.copyOf(topic.demos));
    }
}
