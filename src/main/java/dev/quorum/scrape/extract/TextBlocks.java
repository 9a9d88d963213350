package dev.quorum.scrape.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Lays out the article's elements as paragraphs. Every block element (p, li, td, h2, blockquote...) becomes one
 * paragraph with its whitespace collapsed; {@code <pre>} keeps its lines; two {@code <br>} in a row end a paragraph,
 * as they do on pages without {@code <p>}. Left out: containers and paragraphs that are mostly link text (link
 * lists, tag clouds, "previous post" links left inside the article), heading permalinks such as "¶", and repeats
 * of the title, which {@link ExtractedPage} carries separately. Headings that are one link are left out too (the
 * "related stories" after an article) unless the page is a listing, such as a section front, where they are its
 * content.
 */
final class TextBlocks {

    private static final double LINK_DENSITY_MAX = 0.5;
    /** Text outside links that makes a mostly-linked paragraph worth keeping. */
    private static final int OWN_TEXT_CHARS_MIN = 25;
    private static final int HEADLINE_WORDS_MIN = 3;
    private static final int LISTING_HEADLINES_MIN = 8;
    private static final int TEASER_CHARS_MAX = 250;

    private TextBlocks() {
    }

    static String write(List<Element> roots, TextStats stats, String title) {
        Layout layout = new Layout(stats, title);
        for (Element root : roots) {
            layout.root = root;
            NodeTraversor.filter(layout, root);
            layout.endParagraph(root.normalName());
        }
        return String.join("\n\n", layout.isListing() ? layout.withHeadlines() : layout.paragraphs);
    }

    private static final class Layout implements NodeFilter {
        private final TextStats stats;
        private final String title;
        private final List<String> paragraphs = new ArrayList<>();
        /** Headings that are one link, left out unless the page is a listing: each the index it would have had, and its text. */
        private final List<Map.Entry<Integer, String>> headlines = new ArrayList<>();
        /** The element being laid out, which is never left out itself. */
        private Element root;
        /** The paragraph being collected: its text, the block it belongs to, its size and how much of it is links. */
        private final StringBuilder text = new StringBuilder();
        private String paragraphTag = "";
        private boolean preformatted;
        private int chars;
        private int linkChars;
        /** Where the traversal is: inside how many {@code <pre>} and links, and whether a {@code <br>} came last. */
        private int preDepth;
        /** Inside how many data tables (infoboxes, figures in rows), whose linked cells are data, not navigation. */
        private int dataTableDepth;
        private int linkDepth;
        private boolean afterBreak;

        Layout(TextStats stats, String title) {
            this.stats = stats;
            this.title = Whitespace.collapse(title).toLowerCase(Locale.ROOT);
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode textNode) {
                append(textNode.getWholeText());
            } else if (node instanceof Element e) {
                if (e != root && isLeftOut(e)) {
                    if (HtmlTags.isBlock(e)) {
                        endParagraph(paragraphTag);
                    }
                    return FilterResult.SKIP_ENTIRELY;
                }
                open(e);
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element e) {
                String name = e.normalName();
                if (name.equals("pre")) {
                    preDepth--;
                } else if (name.equals("table") && HtmlTags.isDataTable(e)) {
                    dataTableDepth--;
                } else if (HtmlTags.isLink(e)) {
                    linkDepth--;
                }
                if (preDepth == 0 && HtmlTags.isBlock(e)) {
                    endParagraph(e.parent() == null ? "" : e.parent().normalName());
                }
            }
            return FilterResult.CONTINUE;
        }

        private void open(Element e) {
            String name = e.normalName();
            if (name.equals("br")) {
                lineBreak();
                return;
            }
            if (preDepth == 0 && HtmlTags.isBlock(e)) {
                endParagraph(name);
            }
            if (name.equals("pre")) {
                preDepth++;
                preformatted = true;
            } else if (name.equals("table") && HtmlTags.isDataTable(e)) {
                dataTableDepth++;
            } else if (HtmlTags.isLink(e)) {
                linkDepth++;
            }
        }

        private boolean isLeftOut(Element e) {
            TextStats.Counts c = stats.of(e);
            // A list of citations is half links too, but each item has text of its own; a menu's items have none.
            double ownChars = c.chars() * (1 - c.linkDensity());
            boolean linkList = c.hasBlockChild() && c.linkDensity() > LINK_DENSITY_MAX && preDepth == 0 && dataTableDepth == 0
                    && ownChars < (double) OWN_TEXT_CHARS_MIN * e.childrenSize();
            return linkList || isPermalink(e);
        }

        /** An in-page anchor with no word in it: the "¶" or "#" that documentation generators put beside headings. */
        private static boolean isPermalink(Element e) {
            return e.normalName().equals("a") && e.attr("href").startsWith("#")
                    && e.text().codePoints().noneMatch(Character::isLetterOrDigit);
        }

        private void append(String s) {
            text.append(s);
            int nonSpace = 0;
            for (int i = 0; i < s.length(); i++) {
                if (!Whitespace.isSpace(s.charAt(i))) {
                    nonSpace++;
                }
            }
            chars += nonSpace;
            if (linkDepth > 0) {
                linkChars += nonSpace;
            }
            afterBreak &= nonSpace == 0;
        }

        private void lineBreak() {
            if (preDepth > 0) {
                text.append('\n');
            } else if (afterBreak) {
                endParagraph(paragraphTag);
            } else {
                text.append(' ');
                afterBreak = true;
            }
        }

        /** Keeps the paragraph collected so far unless it is empty, mostly links or the title; the next one belongs to {@code nextTag}. */
        void endParagraph(String nextTag) {
            String paragraph = preformatted ? lines(text) : Whitespace.collapse(text.toString());
            // A citation ("Gettell, Oliver (2014). <a>Title</a>. Los Angeles Times. Retrieved …") is half link and
            // still a sentence; a link list item or a menu entry has next to no text of its own.
            boolean mostlyLinks = !preformatted && dataTableDepth == 0 && linkChars > LINK_DENSITY_MAX * chars
                    && chars - linkChars < OWN_TEXT_CHARS_MIN;
            if (!paragraph.isEmpty() && !mostlyLinks && !repeatsTitle(paragraph)) {
                paragraphs.add(paragraph);
            } else if (mostlyLinks && HtmlTags.isHeading(paragraphTag) && Words.count(paragraph) >= HEADLINE_WORDS_MIN
                    && !repeatsTitle(paragraph)) {
                headlines.add(Map.entry(paragraphs.size(), paragraph));
            }
            text.setLength(0);
            chars = 0;
            linkChars = 0;
            afterBreak = false;
            preformatted = preDepth > 0;
            paragraphTag = nextTag;
        }

        /**
         * A listing (a section front, a feed) rather than an article: eight or more linked headlines, with less
         * than a short teaser's worth of other text each. Its headlines are its content.
         */
        boolean isListing() {
            if (headlines.size() < LISTING_HEADLINES_MIN) {
                return false;
            }
            long otherChars = paragraphs.stream().mapToLong(String::length).sum();
            return otherChars < (long) TEASER_CHARS_MAX * headlines.size();
        }

        List<String> withHeadlines() {
            List<String> merged = new ArrayList<>(paragraphs.size() + headlines.size());
            int next = 0;
            for (Map.Entry<Integer, String> headline : headlines) {
                while (next < headline.getKey()) {
                    merged.add(paragraphs.get(next++));
                }
                merged.add(headline.getValue());
            }
            merged.addAll(paragraphs.subList(next, paragraphs.size()));
            return merged;
        }

        /** Preformatted text line by line, without trailing spaces or blank lines, which would read as paragraph breaks. */
        private static String lines(CharSequence pre) {
            List<String> lines = new ArrayList<>();
            for (String line : pre.toString().split("\\R")) {
                String trimmed = line.stripTrailing();
                if (!trimmed.isEmpty()) {
                    lines.add(trimmed);
                }
            }
            return String.join("\n", lines);
        }

        /** The title again: the whole of it, most of it ("Blog name: Title" shows "Title"), or an h1 naming it. */
        private boolean repeatsTitle(String paragraph) {
            if (title.isEmpty()) {
                return false;
            }
            String p = paragraph.toLowerCase(Locale.ROOT);
            if (paragraphTag.equals("h1") && (title.contains(p) || p.contains(title))) {
                return true;
            }
            return title.contains(p) && 2 * p.length() >= title.length();
        }
    }
}
