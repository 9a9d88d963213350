package dev.quorum.scrape.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The measure {@link CorpusScore} reports; the corpus itself is never read by tests (CI has none). */
class ShingleOverlapTest {

    @Test
    void wordsAreLowerCasedUnicodeLetterAndDigitRuns() {
        assertEquals(List.of("über", "straße", "2024", "don", "t", "русский", "текст"),
                ShingleOverlap.words("Über-Straße, 2024: don't — РУССКИЙ текст!"));
    }

    @Test
    void hanAndKanaCharactersAreWordsOfTheirOwn() {
        assertEquals(List.of("tnw", "中", "文", "站", "の", "記"), ShingleOverlap.words("TNW中文站の記"));
    }

    @Test
    void textsAreBagsOfThreeWordShingles() {
        // "a b c d" has shingles abc, bcd; "b c d e" has bcd, cde: one in common of two each
        ShingleOverlap o = ShingleOverlap.of("a b c d", "b c d e");
        assertEquals(new ShingleOverlap(2, 2, 1), o);
        assertEquals(0.5, o.f1(), 1e-9);
    }

    @Test
    void theSameWordsInAnotherOrderDoNotMatch() {
        assertEquals(0, ShingleOverlap.of("c b a", "a b c").common());
    }

    @Test
    void aShortTextIsOneShingle() {
        assertEquals(new ShingleOverlap(1, 1, 1), ShingleOverlap.of("Hello, world", "hello world"));
    }

    @Test
    void theLongestUnmatchedStretchIsReportedWithItsCount() {
        ShingleOverlap.Unmatched lost = ShingleOverlap.unmatched("one two three four five six", "one two three", 10);
        assertEquals(3, lost.shingles());
        assertEquals("two three four five six", lost.sample());
    }

    @Test
    void metadataVerdictsNormaliseWhatDoesNotMatter() {
        assertTrue(CorpusScore.sameText(" The  Title ", "the title").right());
        assertTrue(CorpusScore.sameByline("By Jane Doe", "Jane Doe,").right());
        assertTrue(CorpusScore.sameLanguage("en", "en-US").right());
        assertTrue(CorpusScore.sameTime("2020-01-02T03:04:05+01:00", "2020-01-02T02:04:05Z").right());
        assertTrue(CorpusScore.sameTime("2020-01-02", "2020-01-02T02:04:05Z").right());
        assertFalse(CorpusScore.sameTime("2020-01-03", "2020-01-02T02:04:05Z").right());
        assertTrue(CorpusScore.sameExcerpt("The first sentence", "The first sentence and more…").right());
        assertFalse(CorpusScore.sameExcerpt("", "Something").right());
        assertTrue(CorpusScore.sameExcerpt("", "").right());
    }
}
