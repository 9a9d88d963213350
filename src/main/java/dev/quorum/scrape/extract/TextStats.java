package dev.quorum.scrape.extract;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Text measurements of every element under a root, taken in one iterative pass: asking each element for its
 * {@code text()} instead would make a deeply nested page quadratic. Lengths count non-whitespace characters, so
 * indentation and markup layout do not count as content.
 */
final class TextStats {

    private static final Counts NONE = new Counts();

    private final Map<Element, Counts> counts = new IdentityHashMap<>();

    private TextStats() {
    }

    /** The measurements of one element. "Own" text is the text whose nearest enclosing block is the element. */
    static final class Counts {
        private int chars;
        private int linkChars;
        private int ownChars;
        private int ownCommas;
        private boolean hasBlockChild;

        /** Text characters inside the element. */
        int chars() {
            return chars;
        }

        /** Text characters inside the element, not inside another block within it: the element's own paragraph. */
        int ownChars() {
            return ownChars;
        }

        int ownCommas() {
            return ownCommas;
        }

        /** Whether the element holds blocks (a container) rather than only inline content (a paragraph). */
        boolean hasBlockChild() {
            return hasBlockChild;
        }

        /** The share of the element's text that is link text. */
        double linkDensity() {
            return chars == 0 ? 0 : (double) linkChars / chars;
        }
    }

    static TextStats measure(Element root) {
        TextStats stats = new TextStats();
        NodeTraversor.traverse(stats.new Measurer(root), root);
        return stats;
    }

    /** The element's counts; all zero for an element without text, which is not stored. */
    Counts of(Element e) {
        return counts.getOrDefault(e, NONE);
    }

    private final class Measurer implements NodeVisitor {
        private final Element root;
        private final Deque<Counts> open = new ArrayDeque<>();
        private final Deque<Counts> blocks = new ArrayDeque<>();
        private int linkDepth;

        Measurer(Element root) {
            this.root = root;
        }

        @Override
        public void head(Node node, int depth) {
            if (node instanceof Element e) {
                Counts c = new Counts();
                if (isBlock(e)) {
                    if (!open.isEmpty()) {
                        open.peek().hasBlockChild = true;
                    }
                    blocks.push(c);
                }
                open.push(c);
                if (HtmlTags.isLink(e)) {
                    linkDepth++;
                }
            } else if (node instanceof TextNode text) {
                count(text.getWholeText());
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element e) {
                Counts c = open.pop();
                if (isBlock(e)) {
                    blocks.pop();
                }
                if (HtmlTags.isLink(e)) {
                    linkDepth--;
                }
                if (c.chars == 0) {
                    return; // nothing to record or pass up; most elements of a hostile page are empty
                }
                counts.put(e, c);
                Counts parent = open.peek();
                if (parent != null) {
                    parent.chars += c.chars;
                    parent.linkChars += c.linkChars;
                }
            }
        }

        private boolean isBlock(Element e) {
            return e == root || HtmlTags.isBlock(e);
        }

        private void count(String text) {
            int chars = 0;
            int commas = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (!Whitespace.isSpace(c)) {
                    chars++;
                    if (c == ',' || c == '，' || c == '、') {
                        commas++;
                    }
                }
            }
            Counts enclosing = open.peek();
            enclosing.chars += chars;
            if (linkDepth > 0) {
                enclosing.linkChars += chars;
            }
            Counts paragraph = blocks.peek();
            paragraph.ownChars += chars;
            paragraph.ownCommas += commas;
        }
    }
}
