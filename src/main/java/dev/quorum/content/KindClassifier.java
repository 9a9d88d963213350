package dev.quorum.content;

import dev.quorum.catalog.CanonicalUrl;
import dev.quorum.catalog.ResourceKind;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Infers what a resource is. The URL speaks first where it is unambiguous (a PDF, arXiv or a DOI is a
 * paper, a YouTube playlist is a course, a GitHub repository is code unless it is a list), then the
 * section heading it sits under, and an article is the default.
 */
public final class KindClassifier {

    public ResourceKind classify(CanonicalUrl url, Optional<String> section) {
        return fromUrl(URI.create(url.value()))
                .or(() -> section.flatMap(KindClassifier::fromSection))
                .orElse(ResourceKind.ARTICLE);
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

    private static Optional<ResourceKind> fromSection(String section) {
        String s = section.toLowerCase(Locale.ROOT);
        if (s.contains("paper")) {
            return Optional.of(ResourceKind.PAPER);
        }
        if (s.contains("book")) {
            return Optional.of(ResourceKind.BOOK);
        }
        if (s.contains("course") || s.contains("lecture")) {
            return Optional.of(ResourceKind.COURSE);
        }
        if (s.contains("video") || s.contains("talk")) {
            return Optional.of(ResourceKind.VIDEO);
        }
        if (s.contains("link") || s.contains("list")) {
            return Optional.of(ResourceKind.LIST);
        }
        if (s.contains("repo") || s.contains("code") || s.contains("tool")) {
            return Optional.of(ResourceKind.REPOSITORY);
        }
        if (s.contains("article") || s.contains("post") || s.contains("blog")) {
            return Optional.of(ResourceKind.ARTICLE);
        }
        return Optional.empty();
    }

    private static boolean isHost(String host, String domain) {
        return host != null && (host.equals(domain) || host.endsWith("." + domain));
    }
}
