package dev.quorum.scrape.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Keeps extraction quality from regressing silently: token-level F1 against every fixture's expected text, at least
 * 0.90 micro-averaged over all fixtures and 0.75 for each one. The table printed here is the one
 * {@link ExtractionBenchmark} prints; docs/benchmarks.md records it.
 */
class ExtractionQualityTest {

    private static final double OVERALL_F1_MIN = 0.90;
    private static final double FIXTURE_F1_MIN = 0.75;
    private static final int FIXTURES_MIN = 15;

    private static QualityReport report;

    @BeforeAll
    static void measure() throws IOException {
        report = QualityReport.measure(new HtmlExtractor(), ExtractionFixtures.all());
        System.out.print(report.table());
    }

    @Test
    void theFixtureSetIsLargeEnoughToMeanSomething() {
        assertTrue(report.rows().size() >= FIXTURES_MIN, report.rows().size() + " fixtures");
    }

    @Test
    void microAveragedF1IsAtLeast90Percent() {
        double f1 = report.total().f1();
        assertTrue(f1 >= OVERALL_F1_MIN, String.format(Locale.ROOT, "micro-averaged F1 %.3f%n%s", f1, report.table()));
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureF1IsAtLeast75Percent() {
        return report.rows().stream().map(row -> DynamicTest.dynamicTest(row.fixture(), () -> assertTrue(
                row.overlap().f1() >= FIXTURE_F1_MIN,
                String.format(Locale.ROOT, "%s: F1 %.3f (P %.3f, R %.3f)", row.fixture(), row.overlap().f1(),
                        row.overlap().precision(), row.overlap().recall()))));
    }

    @Test
    void tokensAreComparedAsBagsOfLowerCasedWords() {
        // six tokens ("—" is none), of which one "the" and one "cat" are also expected
        TokenOverlap overlap = TokenOverlap.of("The cat, the CAT; a dog — ", "the cat sat");
        assertEquals(new TokenOverlap(6, 3, 2), overlap);
        assertEquals(1.0 / 3, overlap.precision(), 1e-9);
        assertEquals(2.0 / 3, overlap.recall(), 1e-9);
        assertEquals(4.0 / 9, overlap.f1(), 1e-9);
    }

    @Test
    void overlapsAddUpToTheMicroAverage() {
        TokenOverlap sum = TokenOverlap.of("a b", "a b").plus(TokenOverlap.of("c", "c d e f"));
        assertEquals(new TokenOverlap(3, 6, 3), sum);
        assertEquals(0.5, sum.recall(), 1e-9);
    }

    @Test
    void nothingExtractedFromSomethingScoresZero() {
        assertEquals(0, TokenOverlap.of("", "some text").f1());
        assertEquals(1, TokenOverlap.of("", "").f1());
    }
}
