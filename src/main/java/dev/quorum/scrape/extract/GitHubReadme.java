package dev.quorum.scrape.extract;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;

/**
 * A GitHub repository is best described by its README: the repository page around it is navigation. This finds
 * the raw README of a repository URL and reduces its Markdown to plain text.
 */
public final class GitHubReadme {

    /** {@code /owner/repo}, optionally with {@code .git}, {@code /tree/<branch>} and a trailing slash. */
    private static final Pattern REPOSITORY_PATH =
            Pattern.compile("^/([A-Za-z0-9][A-Za-z0-9-]{0,38})/([A-Za-z0-9._-]+?)(?:\\.git)?(?:/tree/[^/]+)?/?$");
    /** GitHub's own pages with two path segments, such as /topics/raft, which are not owner/repo. */
    private static final Set<String> RESERVED_OWNERS = Set.of("about", "apps", "collections", "customer-stories",
            "enterprise", "events", "explore", "features", "issues", "login", "marketplace", "notifications", "orgs",
            "organizations", "pricing", "pulls", "search", "security", "settings", "site", "sponsors", "topics",
            "trending", "users");

    private final Parser parser = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    /**
     * The raw README of the repository at {@code repositoryUrl}; nothing for a URL that is not a repository's root
     * (an issue, a file, a user, a GitHub page). The README is read at HEAD, the default branch whatever its name:
     * a link to {@code /tree/main} almost always means that branch.
     */
    public static Optional<String> readmeUrl(String repositoryUrl) {
        URI uri;
        try {
            uri = new URI(repositoryUrl.strip());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
        String host = Optional.ofNullable(uri.getHost()).orElse("").toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || !(host.equals("github.com") || host.equals("www.github.com"))) {
            return Optional.empty();
        }
        Matcher path = REPOSITORY_PATH.matcher(Optional.ofNullable(uri.getRawPath()).orElse(""));
        if (!path.matches() || RESERVED_OWNERS.contains(path.group(1).toLowerCase(Locale.ROOT)) || path.group(2).matches("\\.+")) {
            return Optional.empty();
        }
        return Optional.of("https://raw.githubusercontent.com/" + path.group(1) + "/" + path.group(2) + "/HEAD/README.md");
    }

    public ExtractedText extractReadme(String markdown) {
        return ReadmeText.of(parser.parse(markdown));
    }
}
