package dev.quorum.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a linked resource is; the slug is what URLs, the API and the database use. */
public enum ResourceKind {
    ARTICLE("article", "Articles", "Blog posts and essays."),
    PAPER("paper", "Papers", "Research papers, theses and other PDFs."),
    BOOK("book", "Books", "Books, whole or in part."),
    VIDEO("video", "Videos", "Talks, lectures and channels."),
    COURSE("course", "Courses", "Lecture series and playlists."),
    REPOSITORY("repository", "Repositories", "Source code and project pages."),
    LIST("list", "Reading lists", "Other people's lists of resources.");

    private final String slug;
    private final String label;
    private final String blurb;

    ResourceKind(String slug, String label, String blurb) {
        this.slug = slug;
        this.label = label;
        this.blurb = blurb;
    }

    public String slug() {
        return slug;
    }

    public String label() {
        return label;
    }

    public String blurb() {
        return blurb;
    }

    public static Optional<ResourceKind> fromSlug(String slug) {
        if (slug == null) {
            return Optional.empty();
        }
        String wanted = slug.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.slug.equals(wanted)).findFirst();
    }

    public static String slugs() {
        return String.join(", ", Arrays.stream(values()).map(ResourceKind::slug).toList());
    }
}
