package dev.quorum.scrape.extract;

import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Who wrote a page, read from the byline a reader sees, for pages whose metadata does not say. */
final class Bylines {

    // rel=author, itemprop=author and a class or id that says "byline" or "author" (pb-byline, article-author,
    // writtenBy) are the usual markers, as Readability reads them; ".vcard .fn" is the hCard name inside a byline
    // (WordPress, Blogger); "authorization" is a login box. Document order decides, so the post's byline wins over later comment authors.
    private static final Pattern NAMED_BYLINE = Pattern.compile("byline|author(?!i[sz])|writtenby", Pattern.CASE_INSENSITIVE);
    private static final Pattern BY = Pattern.compile("^(?:(?:posted|written) )?(?:by|von|par|por)\\s+", Pattern.CASE_INSENSITIVE);
    // Longer than any name list; a longer match is an author box with a biography.
    private static final int NAME_CHARS_MAX = 100;

    private Bylines() {
    }

    static Optional<String> find(Document doc) {
        for (Element e : doc.body().getAllElements()) {
            if (isByline(e)) {
                Optional<String> name = name(e);
                if (name.isPresent()) {
                    return name;
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isByline(Element e) {
        if (e.attributesSize() == 0) {
            return false; // most elements: nothing to look at
        }
        if (e.attr("rel").equalsIgnoreCase("author") || NAMED_BYLINE.matcher(e.attr("itemprop")).find()) {
            return true;
        }
        String classes = e.className();
        return !classes.isEmpty() && NAMED_BYLINE.matcher(classes).find() || NAMED_BYLINE.matcher(e.id()).find()
                || e.hasClass("fn") && e.parents().stream().anyMatch(p -> p.hasClass("vcard"));
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
