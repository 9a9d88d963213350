package dev.quorum.scrape.extract;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Quorum's main-text extractor for scraped pages, in the spirit of Readability and trafilatura: it decodes the
 * bytes ({@link CharsetSniffer}), reads the page's metadata ({@link MetadataReader}), removes boilerplate
 * ({@link Boilerplate}), finds the article ({@link MainContent}) and lays out its text ({@link TextBlocks}).
 *
 * <p>Any input yields a result, possibly with empty text: jsoup's parser accepts anything and caps nesting depth,
 * and every traversal here is iterative, so hostile pages cannot overflow the stack. Stateless and thread-safe.
 */
public final class HtmlExtractor {

    /**
     * @param body        the bytes as fetched
     * @param contentType the Content-Type header, if any; its charset is used when the body has no byte order mark
     * @param sourceUrl   where the page came from, recorded as the document's location; may be null
     */
    public ExtractedPage extract(byte[] body, Optional<String> contentType, String sourceUrl) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(contentType, "contentType");
        return extract(CharsetSniffer.decode(body, contentType), sourceUrl);
    }

    /** Extracts from already-decoded HTML; {@code sourceUrl} may be null. */
    public ExtractedPage extract(String html, String sourceUrl) {
        Objects.requireNonNull(html, "html");
        Document doc = Jsoup.parse(html, sourceUrl == null ? "" : sourceUrl);
        PageMetadata meta = MetadataReader.read(doc);
        Element body = doc.body();
        Boilerplate.strip(body);
        TextStats stats = TextStats.measure(body);
        List<Element> article = MainContent.locate(body, stats);
        String text = TextBlocks.write(article, stats, meta.title());
        return new ExtractedPage(meta.title(), meta.author(), meta.published(), meta.language(),
                Excerpt.of(meta.description(), text), text, Words.count(text));
    }
}
