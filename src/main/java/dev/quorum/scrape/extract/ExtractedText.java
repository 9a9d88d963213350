package dev.quorum.scrape.extract;

import java.util.Optional;

/** Plain text taken from a marked-up document, blocks separated by a blank line, list items by a line break. */
public record ExtractedText(Optional<String> title, String text, int wordCount) {
}
