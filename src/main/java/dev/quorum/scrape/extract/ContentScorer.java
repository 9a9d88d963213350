package dev.quorum.scrape.extract;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * Readability's scoring of candidate containers. Every paragraph of 25 characters or more is worth a point, one more
 * per comma and per 100 characters (at most three); it gives those points to the element that contains it, half to
 * that element's parent, and a third, a sixth... up to five levels. Each container starts from a small bonus or
 * penalty for its tag and its class hints, and its total is scaled down by its share of link text.
 */
final class ContentScorer {

    private static final int PARAGRAPH_CHARS_MIN = 25;
    private static final int ANCESTOR_LEVELS = 5;

    private ContentScorer() {
    }

    /** Candidate containers and their scores, in the document order in which they were first credited. */
    static Map<Element, Double> score(Element body, TextStats stats) {
        Map<Element, Double> scores = new LinkedHashMap<>();
        for (Element e : body.getAllElements()) {
            TextStats.Counts c = stats.of(e);
            if (c.ownChars() < PARAGRAPH_CHARS_MIN) {
                continue;
            }
            double points = 1 + c.ownCommas() + Math.min(c.ownChars() / 100, 3);
            // Loose text beside blocks (text<br><br>text<p>...) is a paragraph of its own inside e, as if wrapped in <p>.
            Element container = c.hasBlockChild() ? e : e.parent();
            for (int level = 0; level < ANCESTOR_LEVELS && container != null && container != body.parent(); level++) {
                double share = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                scores.computeIfAbsent(container, ContentScorer::initialScore);
                scores.merge(container, points / share, Double::sum);
                container = container.parent();
            }
        }
        scores.replaceAll((e, score) -> score * (1 - stats.of(e).linkDensity()));
        return scores;
    }

    private static double initialScore(Element e) {
        int tag = switch (e.normalName()) {
            case "div" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        return tag + ClassHints.weight(e);
    }
}
