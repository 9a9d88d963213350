package dev.quorum.scrape.extract;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The primary language subtag of a declared language: {@code en-US}, {@code en_GB} and {@code EN} are all {@code en}. */
final class LanguageTag {

    // ISO 639 codes; longer primary subtags are reserved or private use and say nothing we can use.
    private static final Pattern PRIMARY = Pattern.compile("[a-z]{2,3}");

    private LanguageTag() {
    }

    /** The primary subtag of the first tag in {@code declared} (content-language may list several). */
    static Optional<String> primary(String declared) {
        String first = declared.strip().split("[-_,;\\s]", 2)[0].toLowerCase(Locale.ROOT);
        return PRIMARY.matcher(first).matches() ? Optional.of(first) : Optional.empty();
    }
}
