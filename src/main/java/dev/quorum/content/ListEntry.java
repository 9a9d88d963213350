package dev.quorum.content;

import dev.quorum.catalog.CanonicalUrl;
import java.util.Optional;

/**
 * One {@code - [Title](URL) - Description. (Author, 2019)} line of a reading list, as written.
 * {@code descriptionColumn} is where the text after the link starts, for findings about it.
 */
public record ListEntry(String title, String url, CanonicalUrl canonicalUrl, Optional<String> description,
        Optional<String> authors, Optional<Integer> year, Optional<String> section, String path, int line,
        int descriptionColumn) {
}
