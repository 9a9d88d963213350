package dev.quorum.content;

import dev.quorum.catalog.CanonicalUrl;
import dev.quorum.catalog.ResourceKind;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Works out what a resource is. The heading an entry sits under is the contributor's statement of its kind
 * ("## Papers", "## Talks") and wins over the URL, which cannot tell a book from a paper when both are PDFs.
 * A heading that names several kinds ("Courses / Videos") lets the URL choose among them; a heading that
 * names none ("Links", "Miscellany") leaves the URL to decide, and an article is the default.
 */
public final class KindClassifier {

    /** The words a heading may use for each kind, matched as whole words in any case. */
    private static final Map<ResourceKind, Pattern> STATED = Map.of(
            ResourceKind.ARTICLE, word("articles?|posts?|blogs?|blog posts?|essays?"),
            ResourceKind.PAPER, word("papers?|theses|thesis|dissertations?"),
            ResourceKind.BOOK, word("books?"),
            ResourceKind.VIDEO, word("videos?|talks?|channels?"),
            ResourceKind.COURSE, word("courses?|lectures?|lessons?|challenges?"),
            ResourceKind.LIST, word("lists?|reading lists?"),
            ResourceKind.REPOSITORY, word("repositor(?:y|ies)|repos?|tools?|code|software|libraries|library"));

    /** A "Links" section holds lists and repositories alike: a hint for the URL-less case, not a statement. */
    private static final Pattern LINKS = word("links?|resources");

    /** The headings the reading list's own content should use, one per kind, for messages. */
    public static final String HEADINGS = "Articles, Papers, Books, Talks, Courses, Reading lists, Tools";

    public ResourceKind classify(CanonicalUrl url, Optional<String> section) {
        List<ResourceKind> stated = section.map(KindClassifier::statedIn).orElse(List.of());
        Optional<ResourceKind> fromUrl = fromUrl(URI.create(url.value()));
        if (stated.size() == 1) {
            return stated.get(0);
        }
        if (!stated.isEmpty()) {
            return fromUrl.filter(stated::contains).orElse(stated.get(0));
        }
        boolean links = section.map(s -> LINKS.matcher(s).find()).orElse(false);
        return fromUrl.orElse(links ? ResourceKind.LIST : ResourceKind.ARTICLE);
    }

    /** Whether a heading states a kind for the entries under it; the linter asks our own list for one. */
    public static boolean statesKind(String section) {
        return !statedIn(section).isEmpty();
    }

    /** The kinds a heading names, in the order it names them ("Courses / Videos": course, then video). */
    static List<ResourceKind> statedIn(String section) {
        record At(int position, ResourceKind kind) {
        }
        List<At> found = new ArrayList<>();
        STATED.forEach((kind, pattern) -> {
            Matcher m = pattern.matcher(section);
            if (m.find()) {
                found.add(new At(m.start(), kind));
            }
        });
        found.sort((a, b) -> Integer.compare(a.position(), b.position()));
        return found.stream().map(At::kind).toList();
    }

    private static Optional<ResourceKind> fromUrl(URI uri) {
        String host = uri.getHost();
        String path = Optional.ofNullable(uri.getPath()).orElse("").toLowerCase(Locale.ROOT);
        String query = Optional.ofNullable(uri.getQuery()).orElse("");
        if (path.endsWith(".pdf") || isHost(host, "arxiv.org") || path.startsWith("/doi/")
                || isHost(host, "doi.org") || isHost(host, "usenix.org") && path.contains("/system/files/")) {
            return Optional.of(ResourceKind.PAPER);
        }
        if (isHost(host, "youtube.com") || isHost(host, "youtu.be") || isHost(host, "vimeo.com")) {
            if (path.startsWith("/playlist") || (query.contains("list=") && !path.startsWith("/watch"))) {
                return Optional.of(ResourceKind.COURSE);
            }
            return Optional.of(ResourceKind.VIDEO);
        }
        if (isHost(host, "github.com") || isHost(host, "gitlab.com") || isHost(host, "codeberg.org")) {
            String[] parts = path.replaceAll("^/+", "").split("/");
            if (parts.length >= 2) {
                String repo = parts[1];
                boolean list = repo.startsWith("awesome") || repo.contains("reading-list") || repo.contains("readings");
                return Optional.of(list ? ResourceKind.LIST : ResourceKind.REPOSITORY);
            }
        }
        return Optional.empty();
    }

    private static Pattern word(String alternatives) {
        return Pattern.compile("(?iU)(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])");
    }

    private static boolean isHost(String host, String domain) {
        return host != null && (host.equals(domain) || host.endsWith("." + domain));
    }
}
