package dev.quorum.scrape.extract;

import static dev.quorum.ForAll.check;
import static dev.quorum.ForAll.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorum.ForAll;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The HTML extractor on generated pages, on damaged saved pages and on pathological ones: it never throws; from a
 * page whose only angle brackets are tags, what it keeps (title, author, text) holds no markup, nothing of a
 * script, style or template, and nothing of an attribute (event handlers, {@code javascript:} links,
 * {@code srcdoc}); deep nesting and huge attributes finish.
 */
class HtmlExtractorPropertiesTest {

    private static final String SCRIPT = "SCRIPTMARK";
    private static final String ATTRIBUTE = "ATTRMARK";
    private static final String[] WORDS = {
        "consensus", "replica", "quorum", "leader", "the", "a", "of", "clock", "vector", "Paxos", "Raft", "log", "term",
        "распределённые", "系统", "é", "&amp;", "&nbsp;", "&quot;", "1,000", "(", ")", ".", ",", "—", "javascript", "onclick",
    };
    private static final String[] BLOCKS = {
        "div", "p", "article", "main", "section", "aside", "nav", "header", "footer", "ul", "li", "ol", "blockquote", "pre",
        "table", "tr", "td", "h1", "h2", "h3", "form", "figure", "figcaption", "details", "summary", "dl", "dd",
    };
    private static final String[] INLINES = {"span", "a", "b", "i", "em", "strong", "code", "small", "sup", "button", "label", "mark"};
    private static final String[] DAMAGE = {"<", ">", "</", "<!--", "-->", "<script>", "</script>", "\"", "'", "&", "&#0;",
        "<![CDATA[", "<?xml", "<svg>", "<math>", "<table>", "<p>", "</div>", "\u0000", "\ufeff"};

    private static final String[] RAW_OPEN = {"<script>", "<script type=module>", "<script type=text/javascript>", "<style>",
        "<template>", "<noscript><script>", "<svg><script>", "<svg><style>"};
    private static final String[] RAW_CLOSE = {"</script>", "</script>", "</script>", "</style>", "</template>",
        "</script></noscript>", "</script></svg>", "</style></svg>"};

    private final HtmlExtractor extractor = new HtmlExtractor();

    @Test
    void generatedPagesLeaveNoMarkupScriptOrAttributeInTheText() {
        check(16_801, 500, HtmlExtractorPropertiesTest::page, html -> {
            ExtractedPage page = extractor.extract(html, "https://example.org/a");
            for (String kept : List.of(page.title(), page.text(), page.author().orElse(""))) {
                assertFalse(kept.contains("<") || kept.contains(">"), () -> "markup kept: " + ForAll.shown(kept));
                assertFalse(kept.contains(SCRIPT), () -> "script text kept: " + ForAll.shown(kept));
                assertFalse(kept.contains(ATTRIBUTE), () -> "attribute kept: " + ForAll.shown(kept));
            }
            assertEquals(Words.count(page.text()), page.wordCount());
        });
    }

    @Test
    void damagedSavedPagesAndBytesNeverThrow() {
        List<String> saved = savedPages();
        check(16_802, 300, r -> {
            String html = r.nextInt(4) == 0 ? page(r) : saved.get(r.nextInt(saved.size()));
            int edits = 1 + r.nextInt(6);
            for (int i = 0; i < edits; i++) {
                html = ForAll.mutate(r, html, DAMAGE);
            }
            return html;
        }, html -> {
            ExtractedPage page = extractor.extract(html, null);
            assertEquals(Words.count(page.text()), page.wordCount());
            ExtractedPage fromBytes = extractor.extract(html.getBytes(StandardCharsets.UTF_16LE),
                    Optional.of("text/html; charset=" + (html.length() % 2 == 0 ? "utf-8" : "x-unknown")), "https://example.org/");
            assertTrue(fromBytes.wordCount() >= 0);
        });
    }

    @Test
    void deepNestingAndHugeAttributesFinish() {
        String words = "Paxos lets a majority of acceptors choose one value. ".repeat(40);
        List<String> pages = List.of(
                "<div>".repeat(200_000) + words,
                "<b><i><a href=x>".repeat(50_000) + words,
                "<table><tr><td>".repeat(30_000) + words,
                "<ul><li>".repeat(50_000) + words,
                "<svg><foreignObject><math><mi>".repeat(20_000) + words,
                "<div class=\"" + "content ".repeat(600_000) + "\"><p>" + words + "</p></div>",
                "<p title=\"" + "\"".repeat(1) + "x".repeat(3_000_000) + ">" + words,
                "<div " + "data-a=1 ".repeat(200_000) + "><p>" + words + "</p></div>",
                "<p>" + words + "<!--" + "-".repeat(2_000_000),
                "<script>" + "x".repeat(2_000_000) + words);
        for (String html : pages) {
            ExtractedPage page = extractor.extract(html, null);
            assertFalse(page.text().contains("<"), () -> "markup kept from a page of " + html.length() + " chars");
        }
    }

    /** A page whose every '<' and '>' is markup: nested blocks and inlines, hostile attributes, scripts, styles. */
    static String page(SplittableRandom r) {
        StringBuilder out = new StringBuilder("<!doctype html><html><head>");
        if (r.nextBoolean()) {
            out.append("<title>").append(text(r, 6)).append("</title>");
        }
        out.append(oneOf(r, "", "<meta name=\"author\" content=\"Ada " + ATTRIBUTE.toLowerCase() + "\">"));
        out.append("<style>p{x:\"").append(SCRIPT).append("\"}</style><script>document.title='").append(SCRIPT).append("'</script></head><body")
                .append(handler(r)).append('>');
        element(r, out, 0);
        element(r, out, 0);
        return out.append("</body></html>").toString();
    }

    private static void element(SplittableRandom r, StringBuilder out, int depth) {
        switch (r.nextInt(depth > 6 ? 3 : 12)) {
            case 0:
                out.append(text(r, 30));
                return;
            case 1:
                int kind = r.nextInt(RAW_OPEN.length);
                out.append(RAW_OPEN[kind]).append(SCRIPT).append(" if (a < b && c > d) { alert('<p>x</p>') } ").append(RAW_CLOSE[kind]);
                return;
            case 2:
                out.append(oneOf(r, "<img src=x onerror=\"" + ATTRIBUTE + "()\">", "<br>", "<hr>",
                        "<iframe srcdoc=\"&lt;script&gt;" + ATTRIBUTE + "&lt;/script&gt;\"></iframe>",
                        "<input value=\"" + ATTRIBUTE + "\">", "<meta http-equiv=refresh content=\"0;url=javascript:" + ATTRIBUTE + "\">",
                        "<object data=\"data:text/html," + ATTRIBUTE + "\"></object>", "<embed src=\"javascript:" + ATTRIBUTE + "\">"));
                return;
            default: {
                boolean block = r.nextInt(3) > 0;
                String tag = block ? oneOf(r, BLOCKS) : oneOf(r, INLINES);
                out.append('<').append(tag).append(attributes(r)).append('>');
                int children = r.nextInt(5);
                for (int i = 0; i < children; i++) {
                    element(r, out, depth + 1);
                }
                if (r.nextInt(8) > 0) {
                    out.append("</").append(tag).append('>');
                }
            }
        }
    }

    private static String attributes(SplittableRandom r) {
        StringBuilder out = new StringBuilder();
        if (r.nextBoolean()) {
            out.append(" class=\"").append(oneOf(r, "content", "article-body", "post", "comment", "sidebar", "nav", "footer", "ad"))
                    .append('"');
        }
        out.append(handler(r));
        if (r.nextInt(3) == 0) {
            out.append(oneOf(r, " href=\"javascript:" + ATTRIBUTE + "()\"", " href=\"data:text/html,&lt;b&gt;" + ATTRIBUTE + "\"",
                    " style=\"background:url(javascript:" + ATTRIBUTE + ")\"", " title=\"" + ATTRIBUTE + "\"",
                    " href=\"https://example.org/x\""));
        }
        return out.toString();
    }

    private static String handler(SplittableRandom r) {
        return r.nextInt(3) == 0 ? " " + oneOf(r, "onclick", "onload", "onmouseover", "onerror", "onfocus") + "=\"" + ATTRIBUTE + "()\"" : "";
    }

    private static String text(SplittableRandom r, int max) {
        StringBuilder out = new StringBuilder();
        int n = 1 + r.nextInt(max);
        for (int i = 0; i < n; i++) {
            out.append(oneOf(r, WORDS)).append(' ');
        }
        return out.toString();
    }

    private static List<String> savedPages() {
        Path dir = Path.of("src/test/resources/fixtures/extract");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted()
                    .map(p -> new String(readAll(p), StandardCharsets.ISO_8859_1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
