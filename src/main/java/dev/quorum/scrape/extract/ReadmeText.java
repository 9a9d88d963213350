package dev.quorum.scrape.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Collects the text a reader of a rendered README reads: headings, paragraphs, list items, table cells and code.
 * Images (badges included) disappear with their alt text, links keep their text but not their URL, and raw HTML
 * keeps its text but not its tags.
 */
final class ReadmeText extends AbstractVisitor {

    private final StringBuilder text = new StringBuilder();
    private Optional<String> title = Optional.empty();
    private int listDepth;
    private boolean lastBlockInList;

    static ExtractedText of(Node document) {
        ReadmeText collector = new ReadmeText();
        document.accept(collector);
        String text = collector.text.toString();
        return new ExtractedText(collector.title, text, Words.count(text));
    }

    @Override
    public void visit(Heading heading) {
        String line = InlineText.of(heading);
        if (heading.getLevel() == 1) {
            titleOnce(line);
        }
        block(line);
    }

    @Override
    public void visit(Paragraph paragraph) {
        block(InlineText.of(paragraph));
    }

    @Override
    public void visit(FencedCodeBlock code) {
        block(code.getLiteral().stripTrailing());
    }

    @Override
    public void visit(IndentedCodeBlock code) {
        block(code.getLiteral().stripTrailing());
    }

    /** READMEs centre their logo and name in raw HTML, so its text, and an {@code <h1>} as the title, count. */
    @Override
    public void visit(HtmlBlock html) {
        Element body = Jsoup.parseBodyFragment(html.getLiteral()).body();
        Element h1 = body.selectFirst("h1");
        if (h1 != null) {
            titleOnce(Whitespace.collapse(h1.text()));
        }
        block(body.text());
    }

    @Override
    public void visit(BulletList list) {
        inList(list);
    }

    @Override
    public void visit(OrderedList list) {
        inList(list);
    }

    /** A table row becomes a line, its cells separated by " | ". */
    @Override
    public void visit(CustomBlock block) {
        if (block instanceof TableBlock table) {
            List<String> rows = new ArrayList<>();
            collectRows(table, rows);
            block(String.join("\n", rows));
        } else {
            visitChildren(block);
        }
    }

    private static void collectRows(Node node, List<String> rows) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof TableRow row) {
                List<String> cells = new ArrayList<>();
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    cells.add(InlineText.of(cell));
                }
                rows.add(String.join(" | ", cells));
            } else {
                collectRows(child, rows);
            }
        }
    }

    private void inList(Node list) {
        listDepth++;
        visitChildren(list);
        listDepth--;
    }

    private void titleOnce(String candidate) {
        if (title.isEmpty() && !candidate.isEmpty()) {
            title = Optional.of(candidate);
        }
    }

    /** Appends a block: list items follow each other on the next line, everything else after a blank line. */
    private void block(String block) {
        if (block.isBlank()) {
            return;
        }
        boolean inList = listDepth > 0;
        if (!text.isEmpty()) {
            text.append(inList && lastBlockInList ? "\n" : "\n\n");
        }
        text.append(block);
        lastBlockInList = inList;
    }

    /** The text of a heading, paragraph or table cell, on one line. */
    private static final class InlineText extends AbstractVisitor {

        private final StringBuilder text = new StringBuilder();

        static String of(Node node) {
            InlineText collector = new InlineText();
            collector.visitChildren(node);
            return Whitespace.collapse(collector.text.toString());
        }

        @Override
        public void visit(Text literal) {
            text.append(literal.getLiteral());
        }

        @Override
        public void visit(Code code) {
            text.append(code.getLiteral());
        }

        @Override
        public void visit(SoftLineBreak lineBreak) {
            text.append(' ');
        }

        @Override
        public void visit(HardLineBreak lineBreak) {
            text.append(' ');
        }

        /** Badges and screenshots: their alt text describes a picture, not the project. */
        @Override
        public void visit(Image image) {
        }

        /** Tags only; the text between an opening and a closing tag is a Text node and stays. */
        @Override
        public void visit(HtmlInline html) {
        }
    }
}
