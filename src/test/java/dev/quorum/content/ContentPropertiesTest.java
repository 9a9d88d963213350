package dev.quorum.content;

import static dev.quorum.ForAll.check;
import static dev.quorum.ForAll.joined;
import static dev.quorum.ForAll.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorum.ForAll;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The reading-list parser, the topic parser and the linter on generated and on damaged real content: they report
 * problems as findings and never throw, every finding is {@code path:line:col: severity: message} with a line of
 * the file it names, and the real content, which lints clean, stays clean under edits no reader would see.
 */
class ContentPropertiesTest {

    private static final Set<String> DEMOS = dev.quorum.demo.AllDemos.registry().ids();
    private static final String LIST_PATH = "reading-list.md";
    private static final String[] PIECES = {
        "- ", "* ", "+ ", "  - ", "[", "]", "(", ")", "](", "[Title](https://example.org/a)", " - ", " – ", ": ",
        "A sentence.", "(Author, 2019)", "(by Someone)", "(1850)", "# ", "## Articles", "### Papers", "#", "```", "~~~",
        "<!--", "-->", "<b>", "![badge](x.svg)", "[![b](i)](h)", "---", "***", "title: ", "summary: ", "order: ",
        "resources:", "  - url: ", "    note: ", "related: [", "demos: [paxos", "&a", "*x", "!!python/object", "{", "}",
        "'", "\"", "\\", "|", ">", "\t", " ", "\r", "\n", "\n\n", "\u0000", "\u00e9", "\u202e", "😀", "http://x", "https://",
        "javascript:alert(1)", "/topics/consensus", "/demos/nope", "/search?q=x", "12345678901234567890",
    };
    private static final String[] FRONT_MATTERS = {
        "", "---\n", "---\ntitle: T\n---\n", "---\ntitle: T\nsummary: S.\norder: 1\nresources:\n  - url: https://a.example/\n---\n",
        "---\n&a [*a, *a, *a]\n---\n", "---\n: : :\n---\n", "---\norder: 99999999999999999999\n---\n", "---\ntitle: [\n",
        "---\r\ntitle: T\r\n---\r\n", "---\nresources: {url: x}\nrelated: 3\ndemos: [[x]]\n---\n",
    };

    private final ReadingListParser lists = new ReadingListParser();
    private final TopicParser topics = new TopicParser();

    @Test
    void anyReadingListParsesIntoFindingsOnLinesOfTheFile() {
        check(16_401, 400, ContentPropertiesTest::markdownish, text -> {
            ParsedList parsed = lists.parse(LIST_PATH, text);
            parsed.findings().forEach(f -> assertOnALine(f, Map.of(LIST_PATH, text)));
            parsed.entries().forEach(e -> assertTrue(e.line() >= 1 && e.line() <= lineCount(text), "entry line " + e.line()));
        });
    }

    @Test
    void anyTopicFileParsesIntoFindingsOnLinesOfTheFile() {
        check(16_402, 400, r -> oneOf(r, FRONT_MATTERS) + markdownish(r), text -> {
            TopicParser.Parsed parsed = topics.parse("topics/t.md", "t", text);
            parsed.findings().forEach(f -> assertOnALine(f, Map.of("topics/t.md", text)));
        });
    }

    @Test
    void damagedRealContentLintsIntoFindingsOnLinesOfTheFiles() {
        Map<String, String> real = realContent();
        List<String> names = new ArrayList<>(real.keySet());
        check(16_403, 150, r -> {
            Map<String, String> files = new LinkedHashMap<>(real);
            String topic = names.get(1 + r.nextInt(names.size() - 1));
            files.put(LIST_PATH, damaged(r, files.get(LIST_PATH)));
            files.put(topic, damaged(r, files.get(topic)));
            return files;
        }, files -> lint(files).forEach(f -> assertOnALine(f, files)));
    }

    @Test
    void realContentStaysValidUnderHarmlessEdits() {
        Map<String, String> real = realContent();
        List<String> urls = lists.parse(LIST_PATH, real.get(LIST_PATH)).entries().stream().map(ListEntry::url).toList();
        check(16_404, 40, r -> {
            Map<String, String> files = new LinkedHashMap<>(real);
            int edits = 1 + r.nextInt(5);
            for (int i = 0; i < edits; i++) {
                files.replaceAll((name, text) -> harmless(r, text, name.equals(LIST_PATH)));
            }
            return files;
        }, files -> {
            assertEquals(List.of(), lint(files).stream().filter(Finding::isError).map(Finding::toString).toList());
            assertEquals(urls, lists.parse(LIST_PATH, files.get(LIST_PATH)).entries().stream().map(ListEntry::url).toList());
        });
    }

    /** Found by the property above (seed 16408): one regex over all the badges recursed once a badge. */
    @Test
    void aLineOfThousandsOfBadgesParsesWithoutOverflowingTheStack() {
        String line = "- [T](https://example.org/) - A sentence." + "![badge](x.svg)".repeat(5_000) + "\n";
        ParsedList parsed = lists.parse(LIST_PATH, "## Articles\n\n" + line);
        assertEquals(1, parsed.entries().size());
        assertEquals("A sentence.", parsed.entries().get(0).description().orElseThrow());
    }

    @Test
    void theRealContentHasNoErrorsToStartWith() {
        assertEquals(List.of(), lint(realContent()).stream().filter(Finding::isError).map(Finding::toString).toList());
    }

    /** {@code path:line:col: severity: message}, with the line inside the file it names and a message. */
    private static void assertOnALine(Finding f, Map<String, String> files) {
        String text = files.get(f.path());
        assertTrue(text != null, "finding about a file that was not read: " + f);
        assertTrue(f.line() >= 1 && f.line() <= lineCount(text), "line outside the file (" + lineCount(text) + " lines): " + f);
        assertTrue(f.column() >= 1, "column below 1: " + f);
        assertTrue(!f.message().isBlank(), "no message: " + f);
        assertTrue(f.toString().startsWith(f.path() + ":" + f.line() + ":" + f.column() + ": " + f.severity().label() + ": "), f::toString);
    }

    private static int lineCount(String text) {
        return text.split("\r\n|\r|\n", -1).length;
    }

    /** Parses and lints the files as {@link ContentLoader} would, from memory: reading-list.md, then topics/*.md. */
    private List<Finding> lint(Map<String, String> files) {
        List<Finding> findings = new ArrayList<>();
        ParsedList list = lists.parse(LIST_PATH, files.get(LIST_PATH));
        findings.addAll(list.findings());
        List<TopicDraft> drafts = new ArrayList<>();
        Set<String> slugs = new TreeSet<>();
        files.forEach((name, text) -> {
            if (name.startsWith("topics/")) {
                String slug = name.substring("topics/".length(), name.length() - ".md".length());
                slugs.add(slug);
                TopicParser.Parsed parsed = topics.parse(name, slug, text);
                findings.addAll(parsed.findings());
                parsed.topic().ifPresent(drafts::add);
            }
        });
        return new ContentLinter(DEMOS).lint(new ContentSnapshot("content", list, drafts, slugs, findings));
    }

    private static Map<String, String> realContent() {
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> topicFiles = Files.list(ContentFixtures.REAL_CONTENT.resolve(ContentLoader.TOPICS))) {
            files.put(LIST_PATH, ContentFixtures.realReadingList());
            for (Path f : topicFiles.sorted().toList()) {
                files.put("topics/" + f.getFileName(), Files.readString(f, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static String markdownish(SplittableRandom r) {
        return joined(r, 80, x -> {
            switch (x.nextInt(3)) {
                case 0:
                    return oneOf(x, PIECES);
                case 1:
                    return ForAll.anyString(x, 6);
                default:
                    return joined(x, 12, y -> String.valueOf("-*+#[]()!<>`~:\n ".charAt(y.nextInt(16))));
            }
        });
    }

    private static String damaged(SplittableRandom r, String text) {
        int edits = 1 + r.nextInt(4);
        for (int i = 0; i < edits; i++) {
            text = ForAll.mutate(r, text, PIECES);
        }
        return text;
    }

    /**
     * An edit a reader would not see: Windows line ends, a blank line doubled, an HTML comment line in the reading
     * list (topics' overviews allow no HTML), a bullet drawn with another character.
     */
    private static String harmless(SplittableRandom r, String text, boolean readingList) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int bodyStart = readingList ? 0 : lines.subList(1, lines.size()).indexOf("---") + 2;
        List<Integer> blanks = new ArrayList<>();
        for (int i = bodyStart; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                blanks.add(i);
            }
        }
        int blank = blanks.isEmpty() ? -1 : blanks.get(r.nextInt(blanks.size()));
        switch (r.nextInt(4)) {
            case 0:
                return text.contains("\r\n") ? text : text.replace("\n", "\r\n");
            case 1:
                if (blank >= 0) {
                    lines.add(blank, lines.get(blank));
                }
                return String.join("\n", lines);
            case 2:
                if (readingList && blank >= 0) {
                    lines.add(blank + 1, "<!-- a contributor's note -->");
                    lines.add(blank + 2, lines.get(blank));
                }
                return String.join("\n", lines);
            default:
                if (readingList) {
                    char bullet = "*+-".charAt(r.nextInt(3));
                    lines.replaceAll(l -> l.startsWith("- [") ? bullet + l.substring(1) : l);
                }
                return String.join("\n", lines);
        }
    }
}
