package dev.quorum.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void escapesRawHtmlInsteadOfPassingItThrough() {
        String html = renderer.toHtml("Hello <script>alert('x')</script>\n\n<div onclick=\"evil()\">block</div>\n");
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("<div"), html);
        assertTrue(html.contains("&lt;script&gt;"), html);
    }

    @Test
    void dropsDangerousLinkTargets() {
        String html = renderer.toHtml("[click](javascript:alert(1)) and ![img](javascript:alert(2)) and [v](vbscript:x)");
        assertFalse(html.contains("javascript:"), html);
        assertFalse(html.contains("vbscript:"), html);
    }

    @Test
    void rendersTablesAndHeadingAnchors() {
        String html = renderer.toHtml("## Lamport vs vector\n\n| clock | size |\n| --- | --- |\n| Lamport | 1 |\n");
        assertTrue(html.contains("<h2 id=\"lamport-vs-vector\">"), html);
        assertTrue(html.contains("<table>"), html);
        assertTrue(html.contains("<td>Lamport</td>"), html);
    }

    @Test
    void marksExternalLinks() {
        assertTrue(renderer.toHtml("[x](https://example.com)").contains("rel=\"noopener nofollow\""));
    }

    @Test
    void findsTheLinesOfRawHtml() {
        assertEquals(List.of(2, 4), renderer.rawHtmlLines("Text\n\n<div>x</div>\n\nInline <b>bold</b>\n").stream().distinct().toList());
    }

    @Test
    void countsWordsNotMarkup() {
        assertEquals(4, MarkdownRenderer.wordCount("## Two words\n\n| --- | --- |\n- one, two"));
    }
}
