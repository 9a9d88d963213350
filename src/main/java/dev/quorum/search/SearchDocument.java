package dev.quorum.search;

import java.util.List;
import java.util.Objects;

/**
 * What the index knows of one resource or topic, as read from PostgreSQL.
 *
 * @param type        {@link #RESOURCE} or {@link #TOPIC}
 * @param id          resource id or topic slug
 * @param kind        the resource's kind slug, or "topic"
 * @param language    ISO 639-1 code of the resource's own text
 * @param topics      slugs of the topics whose reading path includes it (a topic lists itself)
 * @param topicText   those topics' titles and our notes on the resource, in English
 * @param body        scraped text, or a topic's overview as plain text; may be empty
 */
public record SearchDocument(String type, String id, String url, String title, String description, String kind,
        String language, String authors, String domain, List<String> topics, String topicText, String body) {

    public static final String RESOURCE = "resource";
    public static final String TOPIC = "topic";

    public SearchDocument {
        Objects.requireNonNull(type);
        Objects.requireNonNull(id);
        url = Objects.requireNonNullElse(url, "");
        title = Objects.requireNonNullElse(title, "");
        description = Objects.requireNonNullElse(description, "");
        kind = Objects.requireNonNullElse(kind, "");
        language = Objects.requireNonNullElse(language, "en");
        authors = Objects.requireNonNullElse(authors, "");
        domain = Objects.requireNonNullElse(domain, "");
        topics = List.copyOf(topics);
        topicText = Objects.requireNonNullElse(topicText, "");
        body = Objects.requireNonNullElse(body, "");
    }

    public String key() {
        return key(type, id);
    }

    public static String key(String type, String id) {
        return type + ":" + id;
    }
}
