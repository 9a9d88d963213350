package dev.quorum.scrape.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Finds the elements that hold the article in a page already stripped of boilerplate. A semantic element
 * ({@code <article>}, {@code itemprop=articleBody}, {@code <main>}) is taken whole when it holds most of the text;
 * otherwise the best-scoring container is chosen as Readability chooses it, widened to a common ancestor when
 * several good candidates share one, and joined by the siblings that look like more of the same article. The
 * thresholds are Readability.js's, so that its long record on real pages carries over.
 */
final class MainContent {

    private static final String REGION = "main, [role=main]";
    private static final List<String> SEMANTIC_ROOTS = List.of("article", "[itemprop=articleBody]", REGION);
    /** Microdata types that say an element is one article, not a region of the page; {@code itemtype} may list several. */
    private static final Pattern ARTICLE_TYPE = Pattern.compile(
            "(^|\\s)https?://schema\\.org/(Article|NewsArticle|BlogPosting|Report|ScholarlyArticle|TechArticle)/?(\\s|$)",
            Pattern.CASE_INSENSITIVE);
    private static final double MOST_OF_THE_TEXT = 0.5;
    private static final int ALTERNATIVES_MIN = 3;
    private static final Pattern SENTENCE_END = Pattern.compile("\\.( |$)");

    private MainContent() {
    }

    /** The article's elements in document order; the body itself when nothing stands out. */
    static List<Element> locate(Element body, TextStats stats) {
        Optional<Element> semantic = semanticRoot(body, stats);
        if (semantic.isPresent()) {
            return List.of(semantic.get());
        }
        Map<Element, Double> scores = ContentScorer.score(body, stats);
        if (scores.isEmpty()) {
            return List.of(body);
        }
        Element top = best(scores);
        top = sharedAncestorOfAlternatives(top, scores, body);
        top = risingAncestor(top, scores, body);
        while (top != body && top.parent() != body && top.parent().childrenSize() == 1) {
            top = top.parent();
        }
        return top == body ? List.of(body) : withSiblings(top, scores, stats);
    }

    private static Optional<Element> semanticRoot(Element body, TextStats stats) {
        int bodyChars = stats.of(body).chars();
        for (String selector : SEMANTIC_ROOTS) {
            Optional<Element> largest = body.select(selector).stream().max(Comparator.comparingInt(e -> stats.of(e).chars()));
            if (largest.isPresent() && bodyChars > 0 && stats.of(largest.get()).chars() >= MOST_OF_THE_TEXT * bodyChars) {
                return selector.equals(REGION) ? Optional.of(markedArticleWithin(largest.get(), stats)) : largest;
            }
        }
        return Optional.empty();
    }

    /**
     * {@code <main>} marks the page's main region, which may hold a feed of other stories after the article. When an
     * element inside it is marked as an article and holds the region's best-scoring container, that element is the
     * article; a marked teaser in a feed does not hold the best container, so it is not mistaken for the story.
     */
    private static Element markedArticleWithin(Element region, TextStats stats) {
        if (region.stream().noneMatch(e -> e != region && isMarkedArticle(e))) {
            return region;
        }
        Map<Element, Double> scores = ContentScorer.score(region, stats);
        if (scores.isEmpty()) {
            return region;
        }
        Element top = best(scores);
        Element article = region;
        for (Element e = top; e != null && e != region; e = e.parent()) {
            if (isMarkedArticle(e)) {
                article = e; // the outermost marked element on the way up
            }
        }
        return article;
    }

    private static Element best(Map<Element, Double> scores) {
        return scores.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private static boolean isMarkedArticle(Element e) {
        if (e.normalName().equals("article") || e.attr("itemprop").equalsIgnoreCase("articleBody")) {
            return true;
        }
        String type = e.attr("itemtype");
        return !type.isEmpty() && ARTICLE_TYPE.matcher(type).find();
    }

    /** When three or more of the next best candidates score close to the top one and share an ancestor, take it. */
    private static Element sharedAncestorOfAlternatives(Element top, Map<Element, Double> scores, Element body) {
        double topScore = scores.get(top);
        List<Element> alternatives = scores.entrySet().stream()
                .filter(e -> e.getKey() != top && e.getValue() >= 0.75 * topScore)
                .sorted(Map.Entry.<Element, Double>comparingByValue().reversed())
                .limit(4)
                .map(Map.Entry::getKey)
                .toList();
        if (alternatives.size() < ALTERNATIVES_MIN) {
            return top;
        }
        for (Element ancestor = top.parent(); ancestor != null && ancestor != body; ancestor = ancestor.parent()) {
            Element candidate = ancestor;
            if (alternatives.stream().filter(a -> a.parents().contains(candidate)).count() >= ALTERNATIVES_MIN) {
                return ancestor;
            }
        }
        return top;
    }

    /** Walks up while ancestors still score at least a third of the top; one that scores higher holds more article. */
    private static Element risingAncestor(Element top, Map<Element, Double> scores, Element body) {
        Double topScore = scores.get(top);
        if (topScore == null) {
            return top; // the shared ancestor of alternatives, which need not be a candidate itself
        }
        double last = topScore;
        double floor = last / 3;
        for (Element ancestor = top.parent(); ancestor != null && ancestor != body; ancestor = ancestor.parent()) {
            Double score = scores.get(ancestor);
            if (score == null) {
                continue;
            }
            if (score < floor) {
                break;
            }
            if (score > last) {
                return ancestor;
            }
            last = score;
        }
        return top;
    }

    /**
     * The top candidate with those siblings that score well, share its class, or are clean paragraphs of prose. A
     * sibling scores as well as the best candidate inside it: an article split into sections by figures or ads
     * often has the sections' paragraphs wrapped deeper than the points of its paragraphs reach.
     */
    private static List<Element> withSiblings(Element top, Map<Element, Double> scores, TextStats stats) {
        double topScore = scores.getOrDefault(top, 0.0);
        double threshold = Math.max(10, topScore * 0.2);
        Map<Element, Double> bestWithin = bestScoreWithinEachChild(top.parent(), scores);
        List<Element> chosen = new ArrayList<>();
        for (Element sibling : top.parent().children()) {
            boolean sameClass = !top.className().isEmpty() && sibling.className().equals(top.className());
            double score = bestWithin.getOrDefault(sibling, Double.NEGATIVE_INFINITY) + (sameClass ? topScore * 0.2 : 0);
            if (sibling == top || score >= threshold || isProseParagraph(sibling, stats)) {
                chosen.add(sibling);
            }
        }
        return chosen;
    }

    /** For each child of {@code parent}, the highest score of it or of any candidate inside it. */
    private static Map<Element, Double> bestScoreWithinEachChild(Element parent, Map<Element, Double> scores) {
        Map<Element, Double> best = new IdentityHashMap<>();
        for (Map.Entry<Element, Double> entry : scores.entrySet()) {
            Element child = entry.getKey();
            while (child != null && child.parent() != parent) {
                child = child.parent();
            }
            if (child != null) {
                best.merge(child, entry.getValue(), Math::max);
            }
        }
        return best;
    }

    private static boolean isProseParagraph(Element e, TextStats stats) {
        if (!e.normalName().equals("p")) {
            return false;
        }
        TextStats.Counts c = stats.of(e);
        if (c.chars() > 80) {
            return c.linkDensity() < 0.25;
        }
        return c.chars() > 0 && c.linkDensity() == 0 && SENTENCE_END.matcher(e.text()).find();
    }
}
