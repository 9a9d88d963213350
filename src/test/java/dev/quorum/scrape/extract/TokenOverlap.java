package dev.quorum.scrape.extract;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How far extracted text agrees with the expected text, the measure trafilatura's and Readability's public
 * benchmarks use: both texts as bags of lower-cased word tokens, compared by multiset intersection. Overlaps add
 * up, so the sum over fixtures is the micro-average.
 *
 * @param extracted tokens in the extracted text
 * @param expected  tokens in the expected text
 * @param common    tokens in both, counting repeats as often as both texts have them
 */
record TokenOverlap(int extracted, int expected, int common) {

    static TokenOverlap of(String extractedText, String expectedText) {
        Map<String, Integer> want = bag(expectedText);
        Map<String, Integer> got = bag(extractedText);
        int common = 0;
        for (Map.Entry<String, Integer> e : got.entrySet()) {
            common += Math.min(e.getValue(), want.getOrDefault(e.getKey(), 0));
        }
        return new TokenOverlap(size(got), size(want), common);
    }

    TokenOverlap plus(TokenOverlap other) {
        return new TokenOverlap(extracted + other.extracted, expected + other.expected, common + other.common);
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

    /** Whitespace-separated tokens, lower-cased, without surrounding punctuation; tokens with no letter or digit drop out. */
    private static Map<String, Integer> bag(String text) {
        Map<String, Integer> bag = new HashMap<>();
        for (String raw : text.split("\\s+")) {
            String token = trimPunctuation(raw).toLowerCase(Locale.ROOT);
            if (token.codePoints().anyMatch(Character::isLetterOrDigit)) {
                bag.merge(token, 1, Integer::sum);
            }
        }
        return bag;
    }

    private static String trimPunctuation(String token) {
        int start = 0;
        int end = token.length();
        while (start < end && !Character.isLetterOrDigit(token.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetterOrDigit(token.charAt(end - 1))) {
            end--;
        }
        return token.substring(start, end);
    }

    private static int size(Map<String, Integer> bag) {
        return bag.values().stream().mapToInt(Integer::intValue).sum();
    }
}
