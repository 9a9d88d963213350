package dev.quorum.scrape.extract;

import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads title, author, publication date and language, each from the first source that has it, most deliberate
 * first: Open Graph and article meta tags, then JSON-LD, then plain meta tags, then what the page shows.
 */
final class MetadataReader {

    /** Separators sites put between a page's title and their own name. */
    private static final List<String> SITE_NAME_SEPARATORS = List.of(" | ", " - ", " – ", " — ", " · ", " :: ");

    private MetadataReader() {
    }

    static PageMetadata read(Document doc) {
        MetaTags meta = MetaTags.of(doc);
        JsonLdArticle jsonLd = JsonLdArticle.of(doc);
        return new PageMetadata(title(doc, meta, jsonLd), author(doc, meta, jsonLd), published(doc, meta, jsonLd), language(doc, meta));
    }

    private static String title(Document doc, MetaTags meta, JsonLdArticle jsonLd) {
        return meta.get("og:title")
                .or(jsonLd::headline)
                .or(() -> titleElement(doc, meta.get("og:site_name")))
                .or(() -> Optional.ofNullable(doc.selectFirst("h1")).map(h1 -> Whitespace.collapse(shownText(h1))))
                .filter(title -> !title.isEmpty())
                .orElse("");
    }

    /** What a reader sees of {@code e}: its text without that of scripts, styles, templates and the like inside it. */
    private static String shownText(org.jsoup.nodes.Element e) {
        org.jsoup.nodes.Element copy = e.clone();
        copy.select("*").stream().filter(HtmlTags::isNeverText).toList().forEach(org.jsoup.nodes.Element::remove);
        return copy.text();
    }

    /** The {@code <title>}, without the " | Site" suffix when it repeats {@code og:site_name}. */
    private static Optional<String> titleElement(Document doc, Optional<String> siteName) {
        String title = Whitespace.collapse(doc.title());
        if (siteName.isPresent()) {
            for (String separator : SITE_NAME_SEPARATORS) {
                String suffix = separator + siteName.get();
                int start = title.length() - suffix.length();
                if (start > 0 && title.regionMatches(true, start, suffix, 0, suffix.length())) {
                    return Optional.of(title.substring(0, start).strip());
                }
            }
        }
        return Optional.of(title).filter(t -> !t.isEmpty());
    }

    private static Optional<String> author(Document doc, MetaTags meta, JsonLdArticle jsonLd) {
        return meta.get("author")
                // article:author is meant to be a profile URL; some sites put the name there instead.
                .or(() -> meta.get("article:author").filter(a -> !Bylines.isUrl(a)))
                .or(() -> jsonLd.authors().isEmpty() ? Optional.empty() : Optional.of(String.join(", ", jsonLd.authors())))
                .or(() -> Bylines.find(doc));
    }

    private static Optional<String> published(Document doc, MetaTags meta, JsonLdArticle jsonLd) {
        return meta.get("article:published_time").flatMap(PublicationDate::normalise)
                .or(() -> jsonLd.datePublished().flatMap(PublicationDate::normalise))
                .or(() -> meta.get("date").flatMap(PublicationDate::normalise))
                .or(() -> meta.get("citation_publication_date").flatMap(PublicationDate::normalise))
                .or(() -> articleTime(doc));
    }

    /** The first {@code <time datetime>} inside the article; one elsewhere dates a comment or a teaser. */
    private static Optional<String> articleTime(Document doc) {
        for (Element time : doc.select("article time[datetime], [itemprop=articleBody] time[datetime], main time[datetime]")) {
            Optional<String> date = PublicationDate.normalise(time.attr("datetime"));
            if (date.isPresent()) {
                return date;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> language(Document doc, MetaTags meta) {
        Element html = doc.selectFirst("html");
        Optional<String> declared = html == null ? Optional.empty() : LanguageTag.primary(html.attr("lang"));
        return declared
                .or(() -> meta.get("content-language").flatMap(LanguageTag::primary))
                .or(() -> meta.get("og:locale").flatMap(LanguageTag::primary));
    }
}
