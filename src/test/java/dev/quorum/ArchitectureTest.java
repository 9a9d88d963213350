package dev.quorum;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the arrows of docs/architecture.md honest by reading the imports of the main sources:
 * catalog imports no feature package, nothing imports web, the demo engine uses the JDK only.
 */
class ArchitectureTest {

    private static final Path MAIN = Path.of("src/main/java/dev/quorum");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?dev\\.quorum\\.([a-z]+)(?:\\.([a-z]+))?", Pattern.MULTILINE);

    /** For each package, the packages of ours it may import. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "platform", Set.of(),
            "catalog", Set.of(),
            "content", Set.of("catalog", "platform"),
            "scrape", Set.of("catalog", "platform"),
            "search", Set.of("catalog", "platform"),
            "demo", Set.of("demo"),
            "web", Set.of("catalog", "content", "scrape", "search", "demo", "platform"));

    @Test
    void dependenciesPointOneWay() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = MAIN.relativize(file).getName(0).toString();
                Set<String> allowed = ALLOWED.get(pkg);
                if (allowed == null) {
                    violations.add(file + ": package '" + pkg + "' is not in docs/architecture.md");
                    continue;
                }
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    String target = m.group(1);
                    if (!target.equals(pkg) && !allowed.contains(target)) {
                        violations.add(file + ": " + pkg + " must not import dev.quorum." + target);
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }
}
