package dev.quorum.content;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * CommonMark with tables and heading anchors. Raw HTML in the Markdown is escaped, never passed through,
 * and link destinations are sanitised ({@code javascript:} and the like are dropped), so the output is
 * safe to put in a page as it is.
 */
public final class MarkdownRenderer {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), HeadingAnchorExtension.create());

    private final Parser parser = Parser.builder()
            .extensions(EXTENSIONS)
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();

    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                if (node instanceof Link link && link.getDestination().matches("(?i)^https?://.*")) {
                    attributes.put("rel", "noopener nofollow");
                }
            })
            .build();

    public String toHtml(String markdown) {
        return renderer.render(parser.parse(markdown));
    }

    /** The 0-based lines (within {@code markdown}) where raw HTML appears. */
    public List<Integer> rawHtmlLines(String markdown) {
        List<Integer> lines = new ArrayList<>();
        parser.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlBlock html) {
                record(html);
            }

            @Override
            public void visit(HtmlInline html) {
                record(html);
            }

            private void record(Node node) {
                List<SourceSpan> spans = node.getSourceSpans();
                lines.add(spans.isEmpty() ? 0 : spans.get(0).getLineIndex());
            }
        });
        return lines;
    }

    /** A link written in Markdown: its destination as written, and where it starts (0-based line and column). */
    public record LinkAt(String destination, int line, int column) {
    }

    /** Every inline link of {@code markdown}, in reading order; images and autolinks are links too. */
    public List<LinkAt> links(String markdown) {
        List<LinkAt> links = new ArrayList<>();
        parser.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                links.add(linkAt(link, link.getDestination()));
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                links.add(linkAt(image, image.getDestination()));
            }
        });
        return links;
    }

    private static LinkAt linkAt(Node node, String destination) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.isEmpty() ? new LinkAt(destination, 0, 0)
                : new LinkAt(destination, spans.get(0).getLineIndex(), spans.get(0).getColumnIndex());
    }

    /** Words a reader reads: tokens with a letter or digit, Markdown punctuation aside. */
    public static int wordCount(String markdown) {
        int words = 0;
        for (String token : markdown.split("\\s+")) {
            if (token.codePoints().anyMatch(Character::isLetterOrDigit)) {
                words++;
            }
        }
        return words;
    }
}
