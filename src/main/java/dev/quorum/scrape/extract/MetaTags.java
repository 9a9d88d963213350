package dev.quorum.scrape.extract;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** A page's {@code <meta>} values by lower-cased {@code property}, {@code name} or {@code http-equiv}; the first wins. */
final class MetaTags {

    private static final String[] KEY_ATTRIBUTES = {"property", "name", "http-equiv"};

    private final Map<String, String> contents = new HashMap<>();

    private MetaTags() {
    }

    static MetaTags of(Document doc) {
        MetaTags tags = new MetaTags();
        for (Element meta : doc.getElementsByTag("meta")) {
            String content = Whitespace.collapse(meta.attr("content"));
            if (content.isEmpty()) {
                continue;
            }
            for (String attribute : KEY_ATTRIBUTES) {
                String key = meta.attr(attribute).strip().toLowerCase(Locale.ROOT);
                if (!key.isEmpty()) {
                    tags.contents.putIfAbsent(key, content);
                }
            }
        }
        return tags;
    }

    Optional<String> get(String key) {
        return Optional.ofNullable(contents.get(key));
    }
}
