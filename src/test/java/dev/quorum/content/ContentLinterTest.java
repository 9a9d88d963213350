package dev.quorum.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One failing fixture per rule: {@code fixtures/lint/<rule>/} holds the files that differ from
 * {@code fixtures/lint/valid/} and {@code expected.txt}, the linter's exact output for them.
 */
class ContentLinterTest {

    /** The ids the application and the lint command pass in: the demo registry's. */
    private static final java.util.Set<String> DEMOS = dev.quorum.demo.AllDemos.registry().ids();

    private static final Path FIXTURES = fixtures();

    @TempDir
    Path work;

    private static Path fixtures() {
        try {
            return Path.of(ContentLinterTest.class.getResource("/fixtures/lint").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<String> rules() throws IOException {
        try (Stream<Path> dirs = Files.list(FIXTURES)) {
            return dirs.map(p -> p.getFileName().toString()).filter(n -> !n.equals("valid")).sorted().toList().stream();
        }
    }

    private Path contentFor(String rule) throws IOException {
        Path dir = work.resolve(rule);
        copy(FIXTURES.resolve("valid"), dir);
        copy(FIXTURES.resolve(rule), dir);
        Files.deleteIfExists(dir.resolve("expected.txt"));
        return dir;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static List<String> lint(Path dir) {
        return new ContentLinter(DEMOS).lint(new ContentLoader().load(dir)).stream()
                .map(f -> f.toString().replace(dir + "/", ""))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachRuleHasAFixtureThatTriggersIt(String rule) throws IOException {
        List<String> expected = Files.readAllLines(FIXTURES.resolve(rule).resolve("expected.txt"), StandardCharsets.UTF_8);
        assertTrue(!expected.isEmpty(), rule + " expects at least one finding");
        assertEquals(expected, lint(contentFor(rule)));
    }

    @Test
    void theValidFixtureHasNoFindings() throws IOException {
        assertEquals(List.of(), lint(contentFor("valid")));
    }

    @Test
    void theContentWeShipHasNoErrors() {
        List<Finding> findings = new ContentLinter(DEMOS).lint(new ContentLoader().load(ContentFixtures.REAL_CONTENT));
        assertEquals(List.of(), findings.stream().filter(Finding::isError).map(Finding::toString).toList());
        ContentSnapshot content = new ContentLoader().load(ContentFixtures.REAL_CONTENT);
        assertTrue(content.readingList().entries().size() > 50, "the seed's 50 entries and the primary sources added since");
        assertTrue(content.topics().size() >= 9, "at least the nine topics the issue names");
    }

    @Test
    void theCommandPrintsFindingsAndExitsNonZeroOnErrors() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path dir = contentFor("description-capital");

        int status = LintCommand.run(dir, DEMOS, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(1, status);
        assertEquals(dir.resolve("reading-list.md") + ":6:79: error: description should start with a capital letter: "
                + "'explains single-decree Paxos in plain prose.'\n", out.toString(StandardCharsets.UTF_8));
        assertEquals(dir + ": 1 error(s), 0 warning(s)\n", err.toString(StandardCharsets.UTF_8));
        assertEquals(0, LintCommand.run(contentFor("url-plain-http"), DEMOS, new PrintStream(out), new PrintStream(err)), "warnings alone pass");
        assertEquals(2, LintCommand.run(work.resolve("missing"), DEMOS, new PrintStream(out), new PrintStream(err)));
    }
}
