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

    public static String realReadingList() throws IOException {
        return Files.readString(REAL_CONTENT.resolve(ContentIngest.READING_LIST), StandardCharsets.UTF_8);
    }

    /** Writes {@code edit} applied to the real reading list into {@code dir}, and returns {@code dir}. */
    public static Path variant(Path dir, UnaryOperator<String> edit) throws IOException {
        Files.writeString(dir.resolve(ContentIngest.READING_LIST), edit.apply(realReadingList()), StandardCharsets.UTF_8);
        return dir;
    }

    /** Every row, every column, in a stable order: equal snapshots mean nothing was written. */
    public static List<String> snapshot() {
        return QuarkusTransaction.requiringNew().call(() -> Resource.allIncludingRetired().stream()
                .sorted(Comparator.comparing((Resource r) -> r.id))
                .map(r -> String.join("|", r.id, r.canonicalUrl, r.url, r.title, String.valueOf(r.description), r.kind,
                        r.language, r.domain, String.valueOf(r.section), r.sourceFile, String.valueOf(r.sourceLine),
                        String.valueOf(r.firstSeenAt), String.valueOf(r.lastSeenAt), String.valueOf(r.updatedAt),
                        String.valueOf(r.retiredAt)))
                .toList());
    }
}
