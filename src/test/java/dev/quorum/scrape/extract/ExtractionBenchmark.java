package dev.quorum.scrape.extract;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Measures {@link HtmlExtractor} on the fixtures: quality (token precision, recall and F1 per fixture and
 * micro-averaged, as {@link ExtractionQualityTest} asserts) and speed (pages and megabytes per second, extracting
 * every fixture over and over for about five seconds after two seconds of warm-up, on one thread).
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.quorum.scrape.extract.ExtractionBenchmark</pre>
 *
 * <p>Run from the project root (the fixtures are read from {@code src/test/resources}); results go to
 * docs/benchmarks.md.
 */
public final class ExtractionBenchmark {

    private static final long WARM_UP_NANOS = 2_000_000_000L;
    private static final long MEASURE_NANOS = 5_000_000_000L;

    private ExtractionBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        List<ExtractionFixtures.Fixture> fixtures = ExtractionFixtures.all();
        HtmlExtractor extractor = new HtmlExtractor();
        System.out.println("Quality (token overlap with the expected text)");
        System.out.print(QualityReport.measure(extractor, fixtures).table());

        run(extractor, fixtures, WARM_UP_NANOS);
        Speed speed = run(extractor, fixtures, MEASURE_NANOS);
        System.out.println();
        System.out.printf(Locale.ROOT, "Speed over %.1f s, one thread: %d pages, %.0f pages/s, %.1f MB/s, %.2f ms/page (words: %d)%n",
                speed.nanos / 1e9, speed.pages, speed.pagesPerSecond(), speed.megabytesPerSecond(), speed.millisPerPage(), speed.words);
    }

    /** Extracts the fixtures round after round until {@code nanos} have passed; whole rounds only, so each page weighs the same. */
    private static Speed run(HtmlExtractor extractor, List<ExtractionFixtures.Fixture> fixtures, long nanos) {
        long start = System.nanoTime();
        long pages = 0;
        long bytes = 0;
        long words = 0; // consumed, so the JIT cannot drop the extraction as unused
        while (System.nanoTime() - start < nanos) {
            for (ExtractionFixtures.Fixture f : fixtures) {
                words += extractor.extract(f.html(), f.contentType(), null).wordCount();
                bytes += f.html().length;
                pages++;
            }
        }
        return new Speed(pages, bytes, words, System.nanoTime() - start);
    }

    private record Speed(long pages, long bytes, long words, long nanos) {

        double pagesPerSecond() {
            return pages / (nanos / 1e9);
        }

        double megabytesPerSecond() {
            return bytes / 1e6 / (nanos / 1e9);
        }

        double millisPerPage() {
            return nanos / 1e6 / pages;
        }
    }
}
