package dev.quorum.scrape.extract;

import java.util.Set;
import org.jsoup.nodes.Element;

/** What the extractor needs to know about HTML elements by name. */
final class HtmlTags {

    /** Elements that begin and end a paragraph of their own when the text is laid out. */
    private static final Set<String> BLOCKS = Set.of(
            "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "div",
            "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
            "header", "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
            "td", "tfoot", "th", "thead", "tr", "ul");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    /** Elements whose text, if any, is never prose a reader came for: code, embeds, controls, media fallbacks. */
    private static final Set<String> NEVER_TEXT = Set.of(
            "script", "style", "noscript", "template", "iframe", "frame", "object", "embed", "svg", "canvas",
            "button", "input", "select", "option", "textarea", "audio", "video", "map");
    /** Page furniture: navigation, page headers and footers, sidebars, forms and dialogs. */
    private static final Set<String> FURNITURE = Set.of("nav", "aside", "header", "footer", "form", "menu", "dialog");
    /** ARIA landmark roles of the same furniture. */
    private static final Set<String> FURNITURE_ROLES = Set.of(
            "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu",
            "menubar", "toolbar");

    private HtmlTags() {
    }

    static boolean isBlock(Element e) {
        return BLOCKS.contains(e.normalName());
    }

    static boolean isHeading(Element e) {
        return isHeading(e.normalName());
    }

    static boolean isHeading(String tag) {
        return HEADINGS.contains(tag);
    }

    static boolean isNeverText(Element e) {
        return NEVER_TEXT.contains(e.normalName());
    }

    /** What a reader sees of {@code e}: its text without that of scripts, styles, templates and the like inside it. */
    static String shownText(Element e) {
        Element copy = e.clone();
        copy.select("*").stream().filter(HtmlTags::isNeverText).toList().forEach(Element::remove);
        return copy.text();
    }

    /**
     * A link to somewhere else: an {@code <a>} with an {@code href} that is not {@code javascript:}, which is a
     * button in disguise whose text belongs to the sentence around it.
     */
    static boolean isLink(Element e) {
        if (!e.normalName().equals("a")) {
            return false;
        }
        String href = e.attr("href").strip();
        return !href.isEmpty() && !href.regionMatches(true, 0, "javascript:", 0, "javascript:".length());
    }

    /**
     * A table of data rather than of layout, as Readability tells them apart: it has header cells, a caption or a
     * {@code <thead>}, and no table inside it.
     */
    static boolean isDataTable(Element e) {
        if (!e.normalName().equals("table") || e.attr("role").equals("presentation")) {
            return false;
        }
        boolean headed = false;
        for (Element inner : e.getAllElements()) {
            String name = inner.normalName();
            if (inner != e && name.equals("table")) {
                return false;
            }
            headed |= name.equals("th") || name.equals("caption") || name.equals("thead");
        }
        return headed;
    }

    static boolean isFurniture(Element e) {
        return FURNITURE.contains(e.normalName()) || FURNITURE_ROLES.contains(e.attr("role").strip());
    }
}
