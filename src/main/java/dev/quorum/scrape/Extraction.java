package dev.quorum.scrape;

import dev.quorum.scrape.extract.Excerpt;
import dev.quorum.scrape.extract.ExtractedPage;
import dev.quorum.scrape.extract.ExtractionException;
import dev.quorum.scrape.extract.HtmlExtractor;
import dev.quorum.scrape.extract.PdfDocument;
import dev.quorum.scrape.extract.PdfExtractor;
import dev.quorum.scrape.extract.VideoPage;
import dev.quorum.scrape.extract.VideoPageExtractor;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Chooses the extractor by what a body is: a PDF (by Content-Type or its magic bytes), a YouTube page
 * (by host), otherwise HTML (or plain text). One place, so the scraper and {@code POST /api/v1/extract}
 * give the same answer for the same bytes.
 */
public final class Extraction {

    /**
     * What we keep of a document, whatever its type.
     *
     * @param excerpt a summary for previews: a page's own description, a video's, or the first paragraph of the text
     */
    public record Extracted(String title, Optional<String> author, Optional<String> published,
            Optional<String> language, Optional<String> excerpt, String text, int wordCount, Optional<Integer> pageCount) {
    }

    private final HtmlExtractor html = new HtmlExtractor();
    private final PdfExtractor pdf = new PdfExtractor();
    private final VideoPageExtractor video = new VideoPageExtractor();

    public Extracted extract(byte[] body, Optional<String> contentType, String sourceUrl) throws ExtractionException {
        String type = contentType.map(t -> t.toLowerCase(Locale.ROOT)).orElse("");
        if (type.contains("application/pdf") || isPdf(body)) {
            PdfDocument d = pdf.extract(body);
            return new Extracted(d.title().orElse(""), d.author(), d.published(), Optional.empty(), Excerpt.fromText(d.text()), d.text(),
                    d.wordCount(), Optional.of(d.pageCount()));
        }
        if (isYouTube(sourceUrl)) {
            try {
                VideoPage v = video.extract(new String(body, StandardCharsets.UTF_8), sourceUrl);
                return new Extracted(v.title(), v.channel(), Optional.empty(), Optional.empty(),
                        v.description().map(Excerpt::trimmed).filter(x -> !x.isEmpty()).or(() -> Excerpt.fromText(v.text())), v.text(), v.wordCount(),
                        Optional.empty());
            } catch (ExtractionException notAVideoPage) {
                // YouTube's other pages (home, search) carry no video metadata: read them as HTML
            }
        }
        ExtractedPage p = html.extract(body, contentType, sourceUrl);
        return new Extracted(p.title(), p.author(), p.published(), p.language(), p.excerpt(), p.text(), p.wordCount(),
                Optional.empty());
    }

    static boolean isPdf(byte[] body) {
        return body.length >= 5 && body[0] == '%' && body[1] == 'P' && body[2] == 'D' && body[3] == 'F' && body[4] == '-';
    }

    static boolean isYouTube(String url) {
        if (url == null) {
            return false;
        }
        try {
            String host = URI.create(url).getHost();
            return host != null && (host.equals("youtu.be") || host.equals("youtube.com") || host.endsWith(".youtube.com"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
