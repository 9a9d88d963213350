package dev.quorum.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A small valid content folder written by a test: one reading list under "Articles" and one topic whose
 * reading path holds every entry, so the linter accepts it. Each entry's title and description carry a
 * {@code version} word, so a test can tell which write of the folder the database holds.
 */
public final class ItContent {

    /** One entry: its link and the word that makes its title searchable. */
    public record Entry(String url, String word) {
    }

    /** The linter wants a topic overview of at least 300 words; 16 of these are 352. */
    private static final String OVERVIEW = "These fixture entries let the integration tests check that scraping, "
            + "ingest and search stay correct while several instances share one database. ";

    private ItContent() {
    }

    public static String title(Entry e, String version) {
        return "Fixture " + e.word() + " " + version;
    }

    public static String description(Entry e, String version) {
        return "Explains " + e.word() + " in version " + version + " of the fixture list.";
    }

    /** Writes {@code dir}/reading-list.md and {@code dir}/topics/fixtures.md, replacing what was there. */
    public static Path write(Path dir, List<Entry> entries, String version) {
        StringBuilder list = new StringBuilder("# Description\n\nA reading list written by an integration test.\n\n## Articles\n\n");
        StringBuilder topic = new StringBuilder("---\ntitle: Fixtures\nsummary: Every entry of the test's reading list.\n"
                + "order: 1\nresources:\n");
        for (Entry e : entries) {
            list.append("- [").append(title(e, version)).append("](").append(e.url()).append(") - ")
                    .append(description(e, version)).append('\n');
            topic.append("  - url: ").append(e.url()).append('\n');
        }
        topic.append("---\n\n").append(OVERVIEW.repeat(16)).append('\n');
        try {
            Files.createDirectories(dir.resolve("topics"));
            writeAtomically(dir.resolve("topics/fixtures.md"), topic.toString());
            writeAtomically(dir.resolve("reading-list.md"), list.toString());
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the content in " + dir, e);
        }
    }

    /** An ingest running meanwhile reads the old file or the new one, never half of one. */
    private static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
