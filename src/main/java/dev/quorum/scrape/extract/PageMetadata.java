package dev.quorum.scrape.extract;

import java.util.Optional;

/** What a page says about itself, read before any of it is removed as boilerplate. */
record PageMetadata(String title, Optional<String> author, Optional<String> published, Optional<String> language,
        Optional<String> description) {
}
