package dev.quorum.scrape.extract;

import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads title, author, publication date, language and description, each from the first source that has it, most deliberate
 * first: Open Graph and article meta tags, then JSON-LD, then plain meta tags, then what the page shows.
 */
final class MetadataReader {

    private MetadataReader() {
    }

    static PageMetadata read(Document doc) {
        MetaTags meta = MetaTags.of(doc);
        JsonLdArticle jsonLd = JsonLdArticle.of(doc);
        return new PageMetadata(title(doc, meta, jsonLd), author(doc, meta, jsonLd), published(doc, meta, jsonLd), language(doc, meta),
                description(meta, jsonLd));
    }

    /** The article's title as the page states it (JSON-LD, Dublin Core, Open Graph...), else its cleaned {@code <title>}. */
    private static String title(Document doc, MetaTags meta, JsonLdArticle jsonLd) {
        String documentTitle = PageTitle.of(doc, meta.get("og:site_name"));
        return jsonLd.title(documentTitle)
                .or(() -> meta.get("dc:title"))
                .or(() -> meta.get("dcterms:title"))
                .or(() -> meta.get("og:title"))
                .or(() -> meta.get("title"))
                .or(() -> meta.get("twitter:title"))
                .or(() -> meta.get("parsely-title"))
                .or(() -> Optional.of(documentTitle))
                .filter(title -> !title.isEmpty())
                .or(() -> Optional.ofNullable(doc.selectFirst("h1")).map(h1 -> Whitespace.collapse(HtmlTags.shownText(h1))))
                .orElse("");
    }

    private static Optional<String> author(Document doc, MetaTags meta, JsonLdArticle jsonLd) {
        return (jsonLd.authors().isEmpty() ? Optional.<String>empty() : Optional.of(String.join(", ", jsonLd.authors())))
                .or(() -> meta.get("dc:creator"))
                .or(() -> meta.get("dcterms:creator"))
                .or(() -> meta.get("author"))
                .or(() -> meta.get("parsely-author"))
                // article:author is meant to be a profile URL; some sites put the name there instead.
                .or(() -> meta.get("article:author"))
                .filter(a -> !Bylines.isUrl(a))
                .or(() -> Bylines.find(doc));
    }

    /**
     * What the page says it is about, in Readability's order: JSON-LD, Dublin Core, Open Graph, the plain
     * description, Twitter's card.
     */
    private static Optional<String> description(MetaTags meta, JsonLdArticle jsonLd) {
        return jsonLd.description()
                .or(() -> meta.get("dc:description"))
                .or(() -> meta.get("dcterms:description"))
                .or(() -> meta.get("og:description"))
                .or(() -> meta.get("description"))
                .or(() -> meta.get("twitter:description"));
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
