package dev.quorum.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReadingListParserTest {

    private final ReadingListParser parser = new ReadingListParser();

    private static String fixture(String name) throws IOException {
        try (InputStream in = ReadingListParserTest.class.getResourceAsStream("/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private ParsedList parse(String... lines) {
        return parser.parse("list.md", String.join("\n", lines));
    }

    private static Finding only(ParsedList parsed) {
        assertEquals(1, parsed.findings().size(), () -> "findings: " + parsed.findings());
        return parsed.findings().get(0);
    }

    @Test
    void readsTheSeedAsHandedToUs() throws IOException {
        ParsedList parsed = parser.parse("seed.md", fixture("seed-reading-list.md"));

        assertEquals(List.of(), parsed.findings());
        assertEquals(50, parsed.entries().size());
        Map<String, Long> perSection = parsed.entries().stream()
                .collect(Collectors.groupingBy(e -> e.section().orElse("?"), Collectors.counting()));
        assertEquals(Map.of("Articles", 29L, "Books", 4L, "Courses / Videos", 7L, "Links", 10L), perSection);
        ListEntry first = parsed.entries().get(0);
        assertEquals("Distributed consensus made simple (for real this time!)", first.title());
        assertEquals(8, first.line());
        assertTrue(parsed.entries().stream().anyMatch(e -> e.title().equals("Страх и ненависть в распределённых системах")));
        ListEntry quoted = parsed.entries().stream().filter(e -> e.title().startsWith("\"Consistency")).findFirst().orElseThrow();
        assertEquals("\"Consistency without consensus in production systems\" by Peter Bourgon", quoted.title());
    }

    @Test
    void theContentWeShipHasNoFindings() throws IOException {
        String text = java.nio.file.Files.readString(java.nio.file.Path.of("content/reading-list.md"), StandardCharsets.UTF_8);
        ParsedList parsed = parser.parse("content/reading-list.md", text);
        assertEquals(List.of(), parsed.findings());
        assertTrue(parsed.entries().size() > 50);
    }

    @Test
    void theContentWeShipKeepsEverySeedEntry() throws IOException {
        ParsedList seed = parser.parse("seed.md", fixture("seed-reading-list.md"));
        String text = java.nio.file.Files.readString(java.nio.file.Path.of("content/reading-list.md"), StandardCharsets.UTF_8);
        java.util.Set<String> shipped = parser.parse("content/reading-list.md", text).entries().stream()
                .map(e -> e.canonicalUrl().value()).collect(Collectors.toSet());
        List<String> missing = seed.entries().stream().map(e -> e.canonicalUrl().value()).filter(u -> !shipped.contains(u)).toList();
        assertEquals(List.of(), missing, "a seed entry is corrected where wrong, never dropped");
    }

    @Test
    void readsTheDescriptionAfterTheLink() {
        ParsedList parsed = parse("## Papers", "- [Paxos Made Simple](https://lamport.azurewebsites.net/pubs/paxos-simple.pdf) - Lamport's own short retelling.");
        ListEntry e = parsed.entries().get(0);
        assertEquals(Optional.of("Lamport's own short retelling."), e.description());
        assertEquals(Optional.of("Papers"), e.section());
    }

    @Test
    void copesWithWhatAwesomeListsContain() {
        ParsedList parsed = parse(
                "# Awesome Things [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)",
                "",
                "[![Build](https://img.shields.io/x.svg)](https://ci.example.com) ![logo](logo.png)",
                "",
                "A paragraph with a [link](https://example.com/prose) is prose, not an entry.",
                "",
                "## Contents",
                "- [Clocks](#clocks)",
                "  - [Vector clocks](#vector-clocks)",
                "- [Consensus](#consensus)",
                "",
                "<!-- a comment with a - [Fake](https://example.com/fake) entry",
                "   spanning lines -->",
                "## Clocks",
                "* [Lamport clocks](https://example.com/lamport) — Time, clocks and ordering.",
                "    * [Nested entry](https://example.com/nested): a sub-item.",
                "+ **[Bold entry](https://example.com/bold)** - Emphasised.",
                "- [With badge](https://example.com/badge) ![stars](https://img.shields.io/github/stars/x.svg)",
                "### Vector clocks <!-- inline comment -->",
                "- [Vector clocks](https://example.com/vector)",
                "```",
                "- [In a code block](https://example.com/code)",
                "```",
                "---",
                "## Consensus",
                "- [Paxos](<https://example.com/paxos> \"Paxos page\")",
                "- [Wikipedia (disambiguation)](https://en.wikipedia.org/wiki/Paxos_(computer_science))");

        assertEquals(List.of(), parsed.findings());
        assertEquals(List.of("Lamport clocks", "Nested entry", "Bold entry", "With badge", "Vector clocks", "Paxos",
                "Wikipedia (disambiguation)"), parsed.entries().stream().map(ListEntry::title).toList());
        assertEquals(Optional.of("Clocks › Vector clocks"), parsed.entries().get(4).section());
        assertEquals(Optional.of("a sub-item."), parsed.entries().get(1).description());
        assertEquals("https://en.wikipedia.org/wiki/Paxos_(computer_science)", parsed.entries().get(6).url());
        assertEquals(Optional.empty(), parsed.entries().get(3).description());
    }

    @Test
    void reportsAMissingUrl() {
        Finding f = only(parse("## A", "- [Title]"));
        assertTrue(f.isError());
        assertEquals(2, f.line());
        assertTrue(f.message().startsWith("missing URL"), f.message());
        assertTrue(only(parse("- [Title]()")).message().startsWith("missing URL"));
    }

    @Test
    void reportsANonHttpUrl() {
        Finding f = only(parse("", "", "- [Title](ftp://example.com/file)"));
        assertEquals("list.md:3:11: error: URL scheme 'ftp' is not allowed (expected http or https)", f.toString());
        assertTrue(only(parse("- [Title](example.com/page)")).message().contains("not absolute"));
        assertTrue(only(parse("- [Title](javascript:alert(1))")).isError());
    }

    @Test
    void reportsAnEmptyTitle() {
        Finding f = only(parse("- [  ](https://example.com/a)"));
        assertEquals("empty title", f.message());
        assertEquals(4, f.column());
    }

    @Test
    void reportsADuplicateAfterNormalization() {
        ParsedList parsed = parse(
                "- [First](https://Example.com/a/)",
                "- [Second](https://example.com/a?utm_source=feed#top)");
        Finding f = only(parsed);
        assertTrue(f.isError());
        assertEquals(2, f.line());
        assertTrue(f.message().startsWith("duplicate of line 1 ('First')"), f.message());
        assertEquals(1, parsed.entries().size());
    }

    @Test
    void reportsBrokenLinkSyntax() {
        assertTrue(only(parse("- [Title(https://example.com/a)")).message().contains("'[' is never closed"));
        assertTrue(only(parse("- [Title](https://example.com/a")).message().contains("'(' is never closed"));
        assertTrue(only(parse("- Title](https://example.com/a)")).message().startsWith("broken link syntax"));
        assertTrue(only(parse("- see https://example.com/a")).message().startsWith("broken link syntax"));
        assertTrue(only(parse("- [Title][ref]")).message().startsWith("reference-style links"));
        assertTrue(only(parse("- [Title](https://example.com/a) and more")).message().startsWith("unexpected text after the link"));
    }

    @Test
    void reportsAnUnclosedComment() {
        ParsedList parsed = parse("- [A](https://example.com/a)", "<!-- forgot to close", "- [B](https://example.com/b)");
        Finding f = only(parsed);
        assertTrue(f.isError());
        assertEquals(2, f.line());
    }

    @Test
    void warnsAboutBulletsWithoutALink() {
        ParsedList parsed = parse("## Notes", "- just a thought", "- [A](https://example.com/a)");
        Finding f = only(parsed);
        assertFalse(f.isError());
        assertEquals(2, f.line());
        assertFalse(parsed.hasErrors());
    }

    @Test
    void reportsAFileWithoutEntries() {
        assertTrue(only(parse("# Empty list", "", "Nothing here yet.")).message().startsWith("no entries found"));
    }

    @Test
    void reportsEveryProblemNotJustTheFirst() {
        ParsedList parsed = parse("- [](https://example.com/a)", "- [B](ftp://b)", "- [C](https://example.com/c)");
        assertEquals(2, parsed.errors().size());
        assertEquals(List.of(1, 2), parsed.errors().stream().map(Finding::line).toList());
        assertEquals(1, parsed.entries().size());
    }

    @Test
    void acceptsWindowsLineEndings() {
        ParsedList parsed = parser.parse("list.md", "## A\r\n- [A](https://example.com/a) - One.\r\n- [B](https://example.com/b)\r\n");
        assertEquals(List.of(), parsed.findings());
        assertEquals(3, parsed.entries().get(1).line());
    }
}
