package dev.quorum.content;

import java.util.List;
import java.util.Set;

/**
 * Everything in a content folder, read and parsed but not yet checked against itself. {@code topicSlugs}
 * names every topic file, including those too broken to parse, so references to them are not reported twice.
 */
public record ContentSnapshot(String dir, ParsedList readingList, List<TopicDraft> topics, Set<String> topicSlugs,
        List<Finding> findings) {

    public ContentSnapshot {
        topics = List.copyOf(topics);
        topicSlugs = Set.copyOf(topicSlugs);
        findings = List.copyOf(findings);
    }
}
