package dev.quorum.scrape.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * What an element's class, id and (for custom elements such as {@code <amp-social-share>}) tag name say it is.
 * Names are split into words at punctuation and camel case ({@code headerSocialShareButton} is four words), so
 * that "ad" matches {@code ad-slot} but not {@code header} or {@code download}.
 */
final class ClassHints {

    /** Word prefixes of page furniture: {@code comment} covers comments, commentlist; {@code subscri} subscribe, subscription. */
    private static final List<String> BOILERPLATE_PREFIXES = List.of(
            "advert", "author", "banner", "breadcrumb", "byline", "comment", "consent", "cookie", "disqus", "footer",
            "gdpr", "masthead", "menu", "meta", "modal", "nav", "newsletter", "outbrain", "pager", "pagination", "popup",
            "promo", "related", "replies", "share", "sharing", "sidebar", "social", "sponsor", "subscri", "taboola",
            "tag", "toolbar", "widget");
    /** Words that begin like furniture and are not: seen in the ids and classes of real articles. */
    private static final Set<String> NOT_BOILERPLATE = Set.of(
            "authority", "authorization", "commentable", "commented", "navy", "shared");
    private static final int SLUG_WORDS_MIN = 4;
    /** Whole words of page furniture, too short to match as prefixes ("header" would take "headerlink"). */
    private static final Set<String> BOILERPLATE_WORDS = Set.of("ad", "ads", "adsense", "header", "login", "signin", "signup", "skip");
    private static final Set<String> CONTENT_WORDS = Set.of(
            "article", "articlebody", "body", "content", "entry", "hentry", "main", "post", "postbody", "story", "text");
    /** Readability's weight for one hint; enough to outweigh a few paragraphs' worth of points. */
    private static final int WEIGHT = 25;

    private ClassHints() {
    }

    static boolean isBoilerplate(Element e) {
        return words(e).stream().anyMatch(ClassHints::isBoilerplateWord);
    }

    /** Named as content and not also as furniture: {@code entry-content} is, {@code entry-footer} is not. */
    static boolean isContent(Element e) {
        List<String> words = words(e);
        return words.stream().anyMatch(CONTENT_WORDS::contains) && words.stream().noneMatch(ClassHints::isBoilerplateWord);
    }

    /** {@code +WEIGHT} for a content hint, {@code -WEIGHT} for a furniture hint; both cancel out. */
    static int weight(Element e) {
        List<String> words = words(e);
        int weight = 0;
        if (words.stream().anyMatch(CONTENT_WORDS::contains)) {
            weight += WEIGHT;
        }
        if (words.stream().anyMatch(ClassHints::isBoilerplateWord)) {
            weight -= WEIGHT;
        }
        return weight;
    }

    private static boolean isBoilerplateWord(String word) {
        if (BOILERPLATE_WORDS.contains(word)) {
            return true;
        }
        if (NOT_BOILERPLATE.contains(word)) {
            return false;
        }
        for (String prefix : BOILERPLATE_PREFIXES) {
            if (word.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> words(Element e) {
        String tag = e.normalName();
        List<String> words = new ArrayList<>();
        for (String token : e.className().split("\\s+")) {
            // Atomic CSS (Mx(a), md:flex, Bxsh(modalShadow), w-[50%]) describes styling, not what the element is.
            if (!isUtilityClass(token)) {
                split(token, words);
            }
        }
        // An id of four words or more is a slug of a heading (evolve-shared-mutable-history): it names the topic.
        List<String> idWords = new ArrayList<>();
        split(e.id(), idWords);
        if (idWords.size() < SLUG_WORDS_MIN) {
            words.addAll(idWords);
        }
        if (tag.indexOf('-') > 0) {
            split(tag, words);
        }
        return words;
    }

    private static boolean isUtilityClass(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '(' || c == ':' || c == '!' || c == '@' || c == '[') {
                return true;
            }
        }
        return false;
    }

    private static void split(String names, List<String> words) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < names.length(); i++) {
            char c = names.charAt(i);
            boolean camelBoundary = Character.isUpperCase(c) && i > 0 && Character.isLowerCase(names.charAt(i - 1));
            if (!Character.isLetterOrDigit(c) || camelBoundary) {
                flush(word, words);
            }
            if (Character.isLetterOrDigit(c)) {
                word.append(c);
            }
        }
        flush(word, words);
    }

    private static void flush(StringBuilder word, List<String> into) {
        if (word.length() > 0) {
            into.add(word.toString().toLowerCase(Locale.ROOT));
            word.setLength(0);
        }
    }
}
