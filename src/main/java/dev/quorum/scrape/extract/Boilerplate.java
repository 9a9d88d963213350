package dev.quorum.scrape.extract;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Removes what is never the article before anything is scored: scripts, embeds and form controls; navigation,
 * page headers and footers, sidebars and dialogs; hidden elements; anything whose class or id names furniture
 * (comments, cookie banners, share bars, related posts, ads, newsletter boxes...).
 *
 * <p>Class names lie in one systematic way: layout wrappers describe the page around them
 * ({@code tm-page__main_has-sidebar}, {@code site has-social}). So elements that look like the article and hold a
 * fair share of the text are never removed, nor are their ancestors, whatever their names say. Headings are not
 * judged by their class either: their classes describe styling ({@code header-anchor-post}), and a heading inside
 * furniture goes with it.
 */
final class Boilerplate {

    /** The share of the page's text an element must hold to be protected as the article. */
    private static final double ARTICLE_SHARE_MIN = 0.25;
    /** How much other text a paragraph needs around an inline element for the element to count as part of a sentence. */
    private static final int PHRASE_CONTEXT_CHARS_MIN = 40;

    private Boilerplate() {
    }

    static void strip(Element body) {
        TextStats stats = TextStats.measure(body);
        Set<Element> holdsArticle = articleAndAncestors(body, stats);
        NodeTraversor.filter((node, depth) -> node instanceof Element e && e != body && isRemovable(e, holdsArticle, stats)
                ? NodeFilter.FilterResult.REMOVE
                : NodeFilter.FilterResult.CONTINUE, body);
    }

    private static boolean isRemovable(Element e, Set<Element> holdsArticle, TextStats stats) {
        if (holdsArticle.contains(e)) {
            return false;
        }
        return HtmlTags.isNeverText(e) || HtmlTags.isFurniture(e) || isHidden(e)
                || !HtmlTags.isHeading(e) && !isPhraseInProse(e, stats) && ClassHints.isBoilerplate(e);
    }

    /**
     * An inline element that is a minor part of its paragraph, such as a footnote link with {@code class="popup"}:
     * removing it would cut a sentence in half, whatever its class says.
     */
    private static boolean isPhraseInProse(Element e, TextStats stats) {
        if (HtmlTags.isBlock(e)) {
            return false;
        }
        Element block = e.parent();
        while (block != null && !HtmlTags.isBlock(block)) {
            block = block.parent();
        }
        int own = stats.of(e).chars();
        int rest = block == null ? 0 : stats.of(block).ownChars() - own;
        return own > 0 && rest >= PHRASE_CONTEXT_CHARS_MIN;
    }

    /** Hidden from everyone, or only from sighted readers (screen-reader-only text such as "Skip to content"). */
    private static boolean isHidden(Element e) {
        if (e.hasAttr("hidden")) {
            return true;
        }
        String style = e.attr("style").replace(" ", "").toLowerCase(Locale.ROOT);
        if (style.contains("display:none") || style.contains("visibility:hidden")) {
            return true;
        }
        String classes = e.className().toLowerCase(Locale.ROOT);
        return classes.contains("sr-only") || classes.contains("screen-reader") || classes.contains("visually-hidden");
    }

    /**
     * Every element that is or is named as the article ({@code article}, {@code main}, {@code itemprop=articleBody},
     * {@code class="entry-content"}) and holds a fair share of the text, with all its ancestors. All of them, not
     * only the largest: between {@code <main>} and {@code <article>} there may be a wrapper named for the sidebar
     * beside it.
     */
    private static Set<Element> articleAndAncestors(Element body, TextStats stats) {
        double charsMin = Math.max(1, stats.of(body).chars() * ARTICLE_SHARE_MIN);
        Set<Element> protectedElements = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element e : body.getAllElements()) {
            if (stats.of(e).chars() >= charsMin && (isSemanticArticle(e) || ClassHints.isContent(e))) {
                // Document order visits ancestors first, so the walk up stops at the first one already protected.
                for (Element a = e; a != null && protectedElements.add(a); ) {
                    a = a.parent();
                }
            }
        }
        return protectedElements;
    }

    private static boolean isSemanticArticle(Element e) {
        String tag = e.normalName();
        return tag.equals("article") || tag.equals("main") || e.attr("role").equals("main")
                || e.attr("itemprop").equalsIgnoreCase("articleBody");
    }
}
