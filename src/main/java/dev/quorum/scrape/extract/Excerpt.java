package dev.quorum.scrape.extract;

import java.util.Optional;

/**
 * A short summary of a document for previews: the description the page gives of itself when it gives one,
 * otherwise the first paragraph of its text that reads as prose. Either way at most {@value #CHARS_MAX}
 * characters, cut at a word boundary and ended with "…" when cut.
 */
public final class Excerpt {

    /** About two sentences: what a search result or a link preview shows. */
    static final int CHARS_MAX = 300;
    /** Shorter paragraphs are datelines, captions or "Updated at 5 pm", not the opening of the text. */
    static final int PARAGRAPH_CHARS_MIN = 80;
    /** A shorter paragraph still opens the text when it is a whole sentence; a heading does not end with a full stop. */
    static final int SENTENCE_CHARS_MIN = 20;

    private Excerpt() {
    }

    /** The page's own description if it has one, else the first paragraph of {@code text}; either trimmed. */
    static Optional<String> of(Optional<String> description, String text) {
        return description.map(Whitespace::collapse).filter(d -> !d.isEmpty()).or(() -> firstParagraph(text)).map(Excerpt::trim);
    }

    /**
     * The first paragraph of {@code text} (paragraphs separated by blank lines) with at least
     * {@value #PARAGRAPH_CHARS_MIN} characters, or at least {@value #SENTENCE_CHARS_MIN} ending as a sentence ends;
     * trimmed; empty when there is none.
     */
    public static Optional<String> fromText(String text) {
        return firstParagraph(text).map(Excerpt::trim);
    }

    /** {@code s} with its whitespace collapsed and cut to at most {@value #CHARS_MAX} characters. */
    public static String trimmed(String s) {
        return trim(Whitespace.collapse(s));
    }

    private static Optional<String> firstParagraph(String text) {
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf("\n\n", start);
            if (end < 0) {
                end = text.length();
            }
            String paragraph = Whitespace.collapse(text.substring(start, end));
            if (paragraph.length() >= PARAGRAPH_CHARS_MIN || paragraph.length() >= SENTENCE_CHARS_MIN && isSentence(paragraph)) {
                return Optional.of(paragraph);
            }
            start = end + 2;
        }
        return Optional.empty();
    }

    private static boolean isSentence(String paragraph) {
        char last = paragraph.charAt(paragraph.length() - 1);
        return last == '.' || last == '!' || last == '。' || last == '！';
    }

    /** {@code s} if it is short enough, else its longest prefix that ends at a word boundary, with "…". */
    static String trim(String s) {
        if (s.length() <= CHARS_MAX) {
            return s;
        }
        int cut = s.lastIndexOf(' ', CHARS_MAX - 1);
        if (cut < CHARS_MAX / 2) {
            cut = CHARS_MAX - 1; // one long word (a URL, or a language written without spaces): cut inside it
            if (Character.isHighSurrogate(s.charAt(cut - 1))) {
                cut--;
            }
        }
        String head = s.substring(0, cut);
        int end = head.length();
        while (end > 0 && ",;:-–—".indexOf(head.charAt(end - 1)) >= 0) {
            end--;
        }
        return head.substring(0, end).stripTrailing() + "…";
    }
}
