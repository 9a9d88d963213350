package dev.quorum.content;

import dev.quorum.catalog.Resource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

/** The real content folder, and variants of it written to a temporary folder. */
public final class ContentFixtures {

    public static final Path REAL_CONTENT = Path.of("content");

    private ContentFixtures() {
    }

    /** How many entries the real reading list has: the seed's 50 and those added since. */
    public static int realEntryCount() {
        try {
            return new ReadingListParser().parse(ContentIngest.READING_LIST, realReadingList()).entries().size();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static String realReadingList() throws IOException {
        return Files.readString(REAL_CONTENT.resolve(ContentIngest.READING_LIST), StandardCharsets.UTF_8);
    }

    /** Copies the real content into {@code dir} with {@code edit} applied to the reading list; returns {@code dir}. */
    public static Path variant(Path dir, UnaryOperator<String> edit) throws IOException {
        Files.writeString(dir.resolve(ContentIngest.READING_LIST), edit.apply(realReadingList()), StandardCharsets.UTF_8);
        Path topics = Files.createDirectories(dir.resolve(ContentLoader.TOPICS));
        try (var files = Files.list(REAL_CONTENT.resolve(ContentLoader.TOPICS))) {
            for (Path f : files.toList()) {
                Files.copy(f, topics.resolve(f.getFileName().toString()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return dir;
    }

    /** Rewrites {@code dir}/topics/{@code slug}.md with {@code edit} applied. */
    public static void editTopic(Path dir, String slug, UnaryOperator<String> edit) throws IOException {
        Path file = dir.resolve(ContentLoader.TOPICS).resolve(slug + ".md");
        Files.writeString(file, edit.apply(Files.readString(file, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    /** Removes the resource {@code url} from the reading path of every topic in {@code dir}. */
    public static void dropFromTopics(Path dir, String url) throws IOException {
        try (var files = Files.list(dir.resolve(ContentLoader.TOPICS))) {
            for (Path f : files.toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                String without = text.replaceAll("(?m)^  - url: " + java.util.regex.Pattern.quote(url) + "\\n(    note: .*\\n)?", "");
                Files.writeString(f, without, StandardCharsets.UTF_8);
            }
        }
    }

    /** Every row of resources, topics and reading paths, every column, in a stable order: equal snapshots mean nothing was written. */
    public static List<String> snapshot() {
        List<String> rows = new java.util.ArrayList<>(resourceRows());
        rows.addAll(QuarkusTransaction.requiringNew().call(() -> dev.quorum.catalog.Topic.allIncludingRetired().stream()
                .sorted(Comparator.comparing((dev.quorum.catalog.Topic t) -> t.slug))
                .map(t -> String.join("|", t.slug, t.title, t.summary, String.valueOf(t.position), t.overviewMarkdown,
                        t.overviewHtml, t.related.toString(), t.demos.toString(), t.sourceFile, String.valueOf(t.firstSeenAt),
                        String.valueOf(t.updatedAt), String.valueOf(t.retiredAt)))
                .toList()));
        rows.addAll(QuarkusTransaction.requiringNew().call(() -> dev.quorum.catalog.TopicEntry.<dev.quorum.catalog.TopicEntry>listAll().stream()
                .sorted(Comparator.comparing((dev.quorum.catalog.TopicEntry e) -> e.id))
                .map(e -> e.id + "|" + e.topicSlug + "|" + e.resourceId + "|" + e.position + "|" + e.note)
                .toList()));
        return rows;
    }

    private static List<String> resourceRows() {
        return QuarkusTransaction.requiringNew().call(() -> Resource.allIncludingRetired().stream()
                .sorted(Comparator.comparing((Resource r) -> r.id))
                .map(r -> String.join("|", r.id, r.canonicalUrl, r.url, r.title, String.valueOf(r.description), r.kind,
                        r.language, r.domain, String.valueOf(r.section), String.valueOf(r.authors), String.valueOf(r.year),
                        r.sourceFile, String.valueOf(r.sourceLine),
                        String.valueOf(r.firstSeenAt), String.valueOf(r.lastSeenAt), String.valueOf(r.updatedAt),
                        String.valueOf(r.retiredAt)))
                .toList());
    }
}
