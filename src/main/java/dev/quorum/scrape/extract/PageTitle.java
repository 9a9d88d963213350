package dev.quorum.scrape.extract;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The article's title read from the page's {@code <title>}: without the site's name when the page declares it
 * ({@code og:site_name}), else the way Readability reads it: without the site's name
 * that follows the last separator ("Title | Section | Site" is "Title | Section"), or before the first one when
 * what is left would be too short; with the page's only {@code <h1>} instead when the {@code <title>} is very
 * short or very long; and the whole {@code <title>} again when cutting left four words or fewer that were not the
 * last step of a breadcrumb ("Home » Blog » Post").
 */
final class PageTitle {

    /** How alike two titles must be for {@link #similarity} to call them the same title. */
    static final double SIMILAR = 0.75;

    private static final Pattern SEPARATOR = Pattern.compile(" [|\\-–—\\\\/>»] ");
    /** Before a declared site name, more separators are safe to take as such. */
    private static final Pattern SITE_NAME_SEPARATOR = Pattern.compile(" (?:[|\\-–—·\\\\/>»]|::) ");
    private static final Pattern HIERARCHICAL_SEPARATOR = Pattern.compile(" [\\\\/>»] ");
    /** Up to the first separator; Readability's own pattern also takes the hyphen in "Two-Phase" for one. */
    private static final Pattern LEADING_PART = Pattern.compile("^.*?" + SEPARATOR.pattern());
    private static final Pattern SEPARATORS = Pattern.compile("[|\\-–—\\\\/>»]+");
    private static final Pattern NON_WORD = Pattern.compile("\\W+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final int SHORT_WORDS = 4;
    private static final int CHARS_MIN = 15;
    private static final int CHARS_MAX = 150;

    private PageTitle() {
    }

    /** The cleaned {@code <title>}; empty when the page has none. */
    static String of(Document doc, Optional<String> siteName) {
        String original = Whitespace.collapse(doc.title());
        Optional<String> withoutSiteName = siteName.flatMap(name -> withoutSuffix(original, name));
        if (withoutSiteName.isPresent()) {
            return withoutSiteName.get();
        }
        String title = original;
        boolean hierarchical = false;
        Matcher separator = SEPARATOR.matcher(original);
        int lastSeparator = -1;
        while (separator.find()) {
            lastSeparator = separator.start();
        }
        if (lastSeparator >= 0) {
            hierarchical = HIERARCHICAL_SEPARATOR.matcher(original).find();
            title = original.substring(0, lastSeparator);
            if (words(title) < 3) {
                title = LEADING_PART.matcher(original).replaceFirst("");
            }
        } else if (original.length() > CHARS_MAX || original.length() < CHARS_MIN) {
            List<Element> h1s = doc.getElementsByTag("h1");
            if (h1s.size() == 1) {
                title = HtmlTags.shownText(h1s.get(0));
            }
        }
        title = Whitespace.collapse(title);
        int words = words(title);
        if (words <= SHORT_WORDS && (!hierarchical || words != words(SEPARATORS.matcher(original).replaceAll("")) - 1)) {
            title = original;
        }
        return title;
    }

    /** {@code title} without " | Site" when the page names its site so ({@code og:site_name}): no guess needed. */
    private static Optional<String> withoutSuffix(String title, String siteName) {
        Matcher separator = SITE_NAME_SEPARATOR.matcher(title);
        while (separator.find()) {
            String rest = title.substring(separator.end());
            if (rest.equalsIgnoreCase(siteName) && separator.start() > 0) {
                return Optional.of(title.substring(0, separator.start()).strip());
            }
        }
        return Optional.empty();
    }

    /** Words as Readability counts them: the pieces between runs of whitespace. */
    private static int words(String s) {
        return s.isEmpty() ? 1 : s.split("\\s+", -1).length;
    }

    /**
     * 1 minus the share of {@code b}'s text made of words that are not in {@code a}: 1 when every word of {@code b}
     * is in {@code a}, 0 when none is (or either is empty).
     */
    static double similarity(String a, String b) {
        Set<String> wordsOfA = new HashSet<>(tokens(a));
        List<String> wordsOfB = tokens(b);
        if (wordsOfA.isEmpty() || wordsOfB.isEmpty()) {
            return 0;
        }
        int all = String.join(" ", wordsOfB).length();
        int unshared = String.join(" ", wordsOfB.stream().filter(w -> !wordsOfA.contains(w)).toList()).length();
        return 1 - (double) unshared / all;
    }

    private static List<String> tokens(String s) {
        return Arrays.stream(NON_WORD.split(s.toLowerCase(Locale.ROOT))).filter(t -> !t.isEmpty()).toList();
    }
}
