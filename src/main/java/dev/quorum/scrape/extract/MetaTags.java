package dev.quorum.scrape.extract;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * A page's {@code <meta>} values by lower-cased {@code property}, {@code name} or {@code http-equiv}; the first wins.
 * Entities are decoded twice, as browsers' reader views do: templates often escape a value that was already escaped
 * ({@code content="That&amp;#039;s"}).
 */
final class MetaTags {

    private static final String[] KEY_ATTRIBUTES = {"property", "name", "http-equiv"};
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final Map<String, String> contents = new HashMap<>();

    private MetaTags() {
    }

    static MetaTags of(Document doc) {
        MetaTags tags = new MetaTags();
        for (Element meta : doc.getElementsByTag("meta")) {
            String raw = meta.attr("content");
            String content = Whitespace.collapse(raw.indexOf('&') < 0 ? raw : Parser.unescapeEntities(raw, true));
            if (content.isEmpty()) {
                continue;
            }
            for (String attribute : KEY_ATTRIBUTES) {
                // property may list several names ("og:description twitter:description"); Dublin Core is often
                // written with a dot ("DC.description").
                String keys = meta.attr(attribute).strip().toLowerCase(Locale.ROOT);
                for (String key : keys.indexOf(' ') < 0 ? new String[] {keys} : SPACES.split(keys)) {
                    if (key.startsWith("dc.") || key.startsWith("dcterms.")) {
                        key = key.replaceFirst("\\.", ":");
                    }
                    if (!key.isEmpty()) {
                        tags.contents.putIfAbsent(key, content);
                    }
                }
            }
        }
        return tags;
    }

    Optional<String> get(String key) {
        return Optional.ofNullable(contents.get(key));
    }
}
