package dev.quorum.scrape.extract;

import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How far extracted text agrees with a reference text as bags of word shingles: every run of {@link #SIZE}
 * consecutive words, compared by multiset intersection. Shingles, unlike single tokens, notice when the words are
 * right but come from elsewhere on the page (a teaser repeating the article's vocabulary scores as it should).
 *
 * <p>Words are maximal runs of letters, digits and combining marks ({@code \p{L}\p{N}\p{M}}), lower-cased with
 * {@link Locale#ROOT}; everything else separates them. Han, Hiragana, Katakana and Thai characters are words of one
 * character each, since those scripts put no spaces between words. A text of fewer than {@link #SIZE} words is one
 * shingle of all of them.
 *
 * @param extracted shingles in the extracted text
 * @param expected  shingles in the reference text
 * @param common    shingles in both, counting repeats as often as both texts have them
 */
record ShingleOverlap(int extracted, int expected, int common) {

    static final int SIZE = 3;

    static ShingleOverlap of(String extractedText, String expectedText) {
        Map<String, Integer> want = bag(shingles(words(expectedText)));
        Map<String, Integer> got = bag(shingles(words(extractedText)));
        int common = 0;
        for (Map.Entry<String, Integer> e : got.entrySet()) {
            common += Math.min(e.getValue(), want.getOrDefault(e.getKey(), 0));
        }
        return new ShingleOverlap(size(got), size(want), common);
    }

    ShingleOverlap plus(ShingleOverlap other) {
        return new ShingleOverlap(extracted + other.extracted, expected + other.expected, common + other.common);
    }

    double precision() {
        return extracted == 0 ? (expected == 0 ? 1 : 0) : (double) common / extracted;
    }

    double recall() {
        return expected == 0 ? 1 : (double) common / expected;
    }

    double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** The words of {@code text} as this class defines them. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isOneCharacterWord(cp)) {
                flush(word, words);
                words.add(new String(Character.toChars(cp)).toLowerCase(Locale.ROOT));
            } else if (Character.isLetterOrDigit(cp) || isMark(cp)) {
                word.appendCodePoint(cp);
            } else {
                flush(word, words);
            }
        }
        flush(word, words);
        return words;
    }

    static List<String> shingles(List<String> words) {
        if (words.isEmpty()) {
            return List.of();
        }
        if (words.size() < SIZE) {
            return List.of(String.join(" ", words));
        }
        List<String> shingles = new ArrayList<>(words.size() - SIZE + 1);
        for (int i = 0; i + SIZE <= words.size(); i++) {
            shingles.add(String.join(" ", words.subList(i, i + SIZE)));
        }
        return shingles;
    }

    /**
     * The longest stretch of {@code text} whose shingles {@code other} lacks, as words (at most {@code wordsMax}),
     * with the number of such shingles in all: "what was lost" when {@code text} is the reference, "what was kept
     * wrongly" when it is the extract.
     */
    static Unmatched unmatched(String text, String other, int wordsMax) {
        List<String> words = words(text);
        List<String> shingles = shingles(words);
        Map<String, Integer> available = bag(shingles(words(other)));
        int total = 0;
        int bestStart = 0;
        int bestLength = 0;
        int runStart = 0;
        for (int i = 0; i <= shingles.size(); i++) {
            boolean matched = i == shingles.size() || available.merge(shingles.get(i), -1, Integer::sum) >= 0;
            if (!matched) {
                total++;
                continue;
            }
            if (i - runStart > bestLength) {
                bestStart = runStart;
                bestLength = i - runStart;
            }
            runStart = i + 1;
        }
        if (bestLength == 0) {
            return new Unmatched(0, "");
        }
        int end = Math.min(words.size(), Math.min(bestStart + bestLength + SIZE - 1, bestStart + wordsMax));
        String sample = String.join(" ", words.subList(bestStart, end));
        return new Unmatched(total, end < bestStart + bestLength + SIZE - 1 ? sample + " …" : sample);
    }

    record Unmatched(int shingles, String sample) {
    }

    private static boolean isOneCharacterWord(int cp) {
        UnicodeScript script = UnicodeScript.of(cp);
        return script == UnicodeScript.HAN || script == UnicodeScript.HIRAGANA || script == UnicodeScript.KATAKANA
                || script == UnicodeScript.THAI;
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    private static void flush(StringBuilder word, List<String> into) {
        if (word.length() > 0) {
            into.add(word.toString().toLowerCase(Locale.ROOT));
            word.setLength(0);
        }
    }

    private static Map<String, Integer> bag(List<String> shingles) {
        Map<String, Integer> bag = new HashMap<>();
        for (String s : shingles) {
            bag.merge(s, 1, Integer::sum);
        }
        return bag;
    }

    private static int size(Map<String, Integer> bag) {
        return bag.values().stream().mapToInt(Integer::intValue).sum();
    }
}
