package dev.quorum.web;

import dev.quorum.content.TopicParser;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Path parameters checked before they reach a query: an id or slug of the wrong shape cannot name anything,
 * so it is a 404 at once (and bytes PostgreSQL refuses, such as NUL, never reach it).
 */
final class Identifiers {

    private static final Pattern RESOURCE_ID = Pattern.compile("[0-9a-f]{12}");
    private static final int SHOWN_MAX = 80;

    private Identifiers() {
    }

    static Optional<String> resource(String id) {
        return id != null && RESOURCE_ID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
    }

    static Optional<String> topic(String slug) {
        return slug != null && slug.length() <= 64 && TopicParser.SLUG.matcher(slug).matches() ? Optional.of(slug) : Optional.empty();
    }

    /** A parameter as an error message may quote it: printable and short. */
    static String shown(String raw) {
        String printable = raw == null ? "" : raw.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= SHOWN_MAX ? printable : printable.substring(0, SHOWN_MAX) + "…";
    }
}
