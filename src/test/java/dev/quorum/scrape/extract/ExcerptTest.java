package dev.quorum.scrape.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExcerptTest {

    @Test
    void aShortDescriptionIsKeptAsItIsWithItsWhitespaceCollapsed() {
        assertEquals(Optional.of("Leases, fencing and clocks."), Excerpt.of(Optional.of("  Leases,\n fencing and clocks. "), "Text."));
    }

    @Test
    void aBlankDescriptionGivesWayToTheText() {
        String text = "Short heading\n\nA sentence long enough.\n\nThe rest.";
        assertEquals(Optional.of("A sentence long enough."), Excerpt.of(Optional.of("  "), text));
    }

    @Test
    void aLongParagraphIsCutAtAWordBoundaryWithAnEllipsis() {
        String sentence = "Every grant of the lock comes with a number that only grows, and the storage remembers it. ";
        String excerpt = Excerpt.fromText(sentence.repeat(10)).orElseThrow();
        assertTrue(excerpt.length() <= Excerpt.CHARS_MAX, excerpt);
        assertTrue(excerpt.endsWith("…"), excerpt);
        String withoutEllipsis = excerpt.substring(0, excerpt.length() - 1);
        assertTrue(sentence.repeat(10).startsWith(withoutEllipsis + " "), "cut between two words: " + excerpt);
        assertTrue(!withoutEllipsis.endsWith(","), "no dangling comma: " + excerpt);
    }

    @Test
    void textWithoutSpacesIsCutWithoutSplittingACharacter() {
        String cjk = "分布式系统".repeat(100);
        String emoji = "😭".repeat(400);
        assertEquals(Excerpt.CHARS_MAX, Excerpt.trimmed(cjk).length());
        String cut = Excerpt.trimmed(emoji);
        assertTrue(cut.length() <= Excerpt.CHARS_MAX);
        assertEquals(0, cut.substring(0, cut.length() - 1).length() % 2, "whole surrogate pairs only: " + cut.length());
    }

    @Test
    void headingsAndDatelinesAreNotTheOpeningOfTheText() {
        assertEquals(Optional.empty(), Excerpt.fromText("Why CPU monitoring matters\n\nUpdated at 5 pm"));
        assertEquals(Optional.of("It was an extraordinary year for movies."),
                Excerpt.fromText("The best films of the year\n\nIt was an extraordinary year for movies.\n\nMore."));
    }
}
