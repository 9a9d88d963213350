package dev.quorum.content;

import dev.quorum.catalog.Resource;
import java.time.Instant;
import java.util.Objects;

/** Everything the catalog knows of a resource that comes from its list entry, derived in one place. */
final class ResourceFacts {

    private final KindClassifier kinds = new KindClassifier();
    private final LanguageDetector languages = new LanguageDetector();

    /** {@code sourceFile} is the entry's file relative to the content folder, wherever that folder is. */
    Facts of(ListEntry e, String sourceFile) {
        return new Facts(e.canonicalUrl().resourceId(), e.canonicalUrl().value(), e.url(), e.title(),
                e.description().orElse(null), e.authors().orElse(null), e.year().orElse(null), kinds.classify(e.canonicalUrl(), e.section()).slug(),
                languages.detect(e.title(), e.canonicalUrl()), e.canonicalUrl().domain(),
                e.section().orElse(null), sourceFile, e.line());
    }

    record Facts(String id, String canonicalUrl, String url, String title, String description, String authors,
            Integer year, String kind,
            String language, String domain, String section, String sourceFile, int sourceLine) {

        boolean matches(Resource r) {
            return Objects.equals(url, r.url) && Objects.equals(title, r.title)
                    && Objects.equals(description, r.description) && Objects.equals(authors, r.authors)
                    && Objects.equals(year, r.year) && Objects.equals(kind, r.kind)
                    && Objects.equals(language, r.language) && Objects.equals(domain, r.domain)
                    && Objects.equals(section, r.section) && Objects.equals(sourceFile, r.sourceFile)
                    && sourceLine == r.sourceLine;
        }

        void copyTo(Resource r, Instant now) {
            r.canonicalUrl = canonicalUrl;
            r.url = url;
            r.title = title;
            r.description = description;
            r.authors = authors;
            r.year = year;
            r.kind = kind;
            r.language = language;
            r.domain = domain;
            r.section = section;
            r.sourceFile = sourceFile;
            r.sourceLine = sourceLine;
            r.updatedAt = now;
        }
    }
}
