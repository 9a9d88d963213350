package dev.quorum.scrape.extract;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link HtmlExtractor} found in one page.
 *
 * @param title     the article's title, or empty when the page names none
 * @param author    who wrote it, several names joined with ", "
 * @param published when it was published, ISO-8601 as found; a bare date is normalised to {@code yyyy-MM-dd}
 * @param language  the BCP-47 primary language subtag the page declares, such as {@code en} or {@code ru}
 * @param excerpt   a summary for previews ({@link Excerpt}): the page's own description, else its first paragraph
 * @param text      the main text without the title, one paragraph per block, paragraphs separated by a blank line
 * @param wordCount whitespace-separated tokens of {@code text} that contain a letter or a digit
 */
public record ExtractedPage(String title, Optional<String> author, Optional<String> published, Optional<String> language,
                            Optional<String> excerpt, String text, int wordCount) {

    public ExtractedPage {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(excerpt, "excerpt");
        Objects.requireNonNull(text, "text");
    }
}
