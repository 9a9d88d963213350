package dev.quorum.scrape.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The extractor's token overlap with every fixture's expected text, per fixture and micro-averaged. */
final class QualityReport {

    record Row(String fixture, TokenOverlap overlap) {
    }

    private final List<Row> rows;
    private final TokenOverlap total;

    private QualityReport(List<Row> rows, TokenOverlap total) {
        this.rows = rows;
        this.total = total;
    }

    static QualityReport measure(HtmlExtractor extractor, List<ExtractionFixtures.Fixture> fixtures) {
        List<Row> rows = new ArrayList<>();
        TokenOverlap total = new TokenOverlap(0, 0, 0);
        for (ExtractionFixtures.Fixture f : fixtures) {
            String text = extractor.extract(f.html(), f.contentType(), "https://fixtures.invalid/" + f.name()).text();
            TokenOverlap overlap = TokenOverlap.of(text, f.expected());
            rows.add(new Row(f.name(), overlap));
            total = total.plus(overlap);
        }
        return new QualityReport(List.copyOf(rows), total);
    }

    List<Row> rows() {
        return rows;
    }

    TokenOverlap total() {
        return total;
    }

    /** A plain-text table: one line per fixture, then the micro-averaged total. */
    String table() {
        StringBuilder out = new StringBuilder();
        String format = "%-20s %9s %9s %7s %7s %7s%n";
        out.append(String.format(Locale.ROOT, format, "fixture", "extracted", "expected", "P", "R", "F1"));
        for (Row row : rows) {
            out.append(line(format, row.fixture(), row.overlap()));
        }
        out.append(line(format, "micro-average", total));
        return out.toString();
    }

    private static String line(String format, String name, TokenOverlap o) {
        return String.format(Locale.ROOT, format, name, o.extracted(), o.expected(),
                percent(o.precision()), percent(o.recall()), percent(o.f1()));
    }

    private static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.3f", ratio);
    }
}
