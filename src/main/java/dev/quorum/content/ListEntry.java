package dev.quorum.content;

import dev.quorum.catalog.CanonicalUrl;
import java.util.Optional;

/** One {@code - [Title](URL) - Description.} line of a reading list, as written. */
public record ListEntry(String title, String url, CanonicalUrl canonicalUrl, Optional<String> description,
        Optional<String> section, String path, int line) {
}
