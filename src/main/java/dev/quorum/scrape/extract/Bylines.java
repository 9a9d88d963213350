package dev.quorum.scrape.extract;

import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Who wrote a page, read from the byline a reader sees, for pages whose metadata does not say. */
final class Bylines {

    // rel=author, .author and itemprop=author are the usual markers; ".vcard .fn" is the hCard name inside a
    // byline (WordPress, Blogger). Document order decides, so the post's byline wins over later comment authors.
    private static final String BYLINE = "[itemprop=author], [rel=author], .author, .byline, .vcard .fn";
    private static final Pattern BY = Pattern.compile("^(?:by|von|par|por)\\s+", Pattern.CASE_INSENSITIVE);
    // Longer than any name list; a longer match is an author box with a biography.
    private static final int NAME_CHARS_MAX = 100;

    private Bylines() {
    }

    static Optional<String> find(Document doc) {
        for (Element byline : doc.select(BYLINE)) {
            Optional<String> name = name(byline);
            if (name.isPresent()) {
                return name;
            }
        }
        return Optional.empty();
    }

    static boolean isUrl(String value) {
        return value.startsWith("http://") || value.startsWith("https://") || value.startsWith("/");
    }

    private static Optional<String> name(Element byline) {
        Element named = byline.selectFirst("[itemprop=name]");
        Element source = named != null ? named : byline;
        String raw = source.hasAttr("content") ? source.attr("content") : source.text();
        String name = BY.matcher(Whitespace.collapse(raw)).replaceFirst("");
        boolean plausible = !name.isEmpty() && name.length() <= NAME_CHARS_MAX && !isUrl(name)
                && name.codePoints().anyMatch(Character::isLetter);
        return plausible ? Optional.of(name) : Optional.empty();
    }
}
