package dev.quorum.web;

import dev.quorum.catalog.Resource;
import dev.quorum.catalog.ResourceKind;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Turns the {@code kind} and {@code lang} query parameters into a catalog filter, refusing unknown values. */
final class ResourceFilters {

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    private ResourceFilters() {
    }

    static Resource.Filter parse(String kind, String lang) {
        return new Resource.Filter(kind(kind), language(lang));
    }

    static Optional<ResourceKind> kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(ResourceKind.fromSlug(kind).orElseThrow(() -> new BadRequest(
                "parameter 'kind' must be one of: " + ResourceKind.slugs())));
    }

    static Optional<String> language(String lang) {
        if (lang == null || lang.isBlank()) {
            return Optional.empty();
        }
        String code = lang.trim().toLowerCase(Locale.ROOT);
        if (!LANGUAGE.matcher(code).matches()) {
            throw new BadRequest("parameter 'lang' must be an ISO 639-1 code such as 'en' or 'ru'");
        }
        return Optional.of(code);
    }
}
