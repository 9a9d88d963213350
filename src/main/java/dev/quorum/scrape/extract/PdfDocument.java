package dev.quorum.scrape.extract;

import java.util.Optional;

/**
 * What a PDF tells us: its metadata and its text, paragraphs separated by a blank line.
 *
 * @param published yyyy-MM-dd, the creation date from the document information, in the document's own time zone
 * @param pageCount all pages of the document, including those beyond the extraction limit
 */
public record PdfDocument(
        Optional<String> title,
        Optional<String> author,
        Optional<String> published,
        int pageCount,
        String text,
        int wordCount) {
}
