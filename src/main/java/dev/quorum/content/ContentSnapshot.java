package dev.quorum.content;

import java.util.List;

/** Everything in a content folder, read and parsed but not yet checked against itself. */
public record ContentSnapshot(String dir, ParsedList readingList, List<TopicDraft> topics, List<Finding> findings) {

    public ContentSnapshot {
        topics = List.copyOf(topics);
        findings = List.copyOf(findings);
    }
}
