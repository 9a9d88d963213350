package dev.quorum.scrape.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.jsoup.Jsoup;

/**
 * Scores {@link HtmlExtractor} against Mozilla Readability.js's own test pages: for every folder of the corpus,
 * the text of {@code expected.html} (what Readability.js extracts from {@code source.html}) against ours, and
 * {@code expected-metadata.json} against our metadata. Run by hand, never by surefire (CI has no corpus):
 *
 * <pre>./mvnw -q test-compile exec:exec@extract-corpus [-Dextract.corpus=DIR] [-Dextract.compare=REV] [-Dextract.rounds=N]</pre>
 *
 * <p><b>Text.</b> Both texts become bags of word 3-shingles ({@link ShingleOverlap}: lower-cased Unicode word
 * tokens, CJK and Thai one character a word). Per page: precision, recall and F1. In total: the micro-average
 * (shingle counts summed, so long pages weigh more) and the macro-average (the mean of the per-page figures, so
 * each page weighs the same). Then the 15 pages with the lowest F1, with the longest stretch that was lost (in
 * theirs, not ours) and the longest kept wrongly (ours, not theirs). Readability's output is a reference, not
 * the truth: where it keeps an image credit or a newsletter box, so does the "right" answer.
 *
 * <p><b>Metadata.</b> The share of pages where a field is right: title and byline equal after collapsing
 * whitespace and case (a leading "By" dropped from bylines); language equal as a primary subtag ({@code en-US} is
 * {@code en}); publication time equal as an instant, or as a calendar date when either side has no time; excerpt
 * equal, or one a prefix of the other (an ellipsis at the end ignored). Both sides empty is right. Pages without
 * a metadata file are not counted. {@code -Dextract.mismatches=FIELD} lists the pages where that field is wrong.
 *
 * <p><b>Speed.</b> Pages per second on one thread, whole rounds over the corpus from raw bytes
 * ({@code -Dextract.rounds}, 9 by default), after {@code -Dextract.warmup} rounds of warm-up (5). With {@code -Dextract.compare=REV} the extractor package of that git revision is compiled into a
 * temporary directory and loaded beside this one; both are scored, and their timing rounds alternate in the same
 * JVM, so the ratio of the two rates is measured under the same load.
 */
public final class CorpusScore {

    private static final String SOURCE_URL = "http://fakehost/test/page.html";
    private static final int WORST_SHOWN = 15;
    private static final int SAMPLE_WORDS = 25;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One saved page: its source bytes, the reference text and the reference metadata (null when the file is absent). */
    record Page(String name, byte[] source, String expectedText, JsonNode expectedMeta) {
    }

    /** What an extractor returned, read the same way from this tree's classes and from an older revision's. */
    record Result(String title, String byline, String language, String published, String excerpt, String text) {
    }

    private CorpusScore() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(System.getProperty("extract.corpus", "../shared/corpora/readability-test-pages"));
        String compare = System.getProperty("extract.compare", "").strip();
        List<Page> pages = load(corpus);
        System.out.printf(Locale.ROOT, "Corpus %s: %d pages, %.1f MB of HTML%n%n", corpus.toAbsolutePath().normalize(),
                pages.size(), pages.stream().mapToLong(p -> p.source().length).sum() / 1e6);

        Function<byte[], Result> head = CorpusScore::extractHere;
        report("this tree", pages, head);
        Function<byte[], Result> base = null;
        if (!compare.isEmpty()) {
            base = olderRevision(compare);
            report("revision " + compare, pages, base);
        }
        speed(pages, head, base, compare);
    }

    static Result extractHere(byte[] source) {
        ExtractedPage p = new HtmlExtractor().extract(source, Optional.empty(), SOURCE_URL);
        return new Result(p.title(), p.author().orElse(""), p.language().orElse(""), p.published().orElse(""),
                excerptOf(p), p.text());
    }

    /** The excerpt if this version of {@link ExtractedPage} has one; before it had, none. */
    private static String excerptOf(Object page) {
        try {
            Object value = page.getClass().getMethod("excerpt").invoke(page);
            return value instanceof Optional<?> o ? o.map(Object::toString).orElse("") : String.valueOf(value);
        } catch (NoSuchMethodException none) {
            return "";
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- loading -------------------------------------------------------------------------------------------

    static List<Page> load(Path corpus) throws IOException {
        if (!Files.isDirectory(corpus)) {
            throw new IllegalArgumentException("no corpus at " + corpus.toAbsolutePath() + " (set -Dextract.corpus)");
        }
        List<Page> pages = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(corpus)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                Path source = dir.resolve("source.html.gz");
                Path expected = dir.resolve("expected.html.gz");
                if (!Files.exists(source) || !Files.exists(expected)) {
                    continue;
                }
                Path meta = dir.resolve("expected-metadata.json.gz");
                String expectedHtml = new String(gunzip(expected), StandardCharsets.UTF_8);
                pages.add(new Page(dir.getFileName().toString(), gunzip(source), Jsoup.parse(expectedHtml).text(),
                        Files.exists(meta) ? JSON.readTree(gunzip(meta)) : null));
            }
        }
        return pages;
    }

    private static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    // ---- text and metadata ---------------------------------------------------------------------------------

    private static void report(String label, List<Page> pages, Function<byte[], Result> extractor) {
        record Row(Page page, Result result, ShingleOverlap overlap) {
        }
        List<Row> rows = new ArrayList<>();
        for (Page page : pages) {
            Result r = extractor.apply(page.source());
            rows.add(new Row(page, r, ShingleOverlap.of(r.text(), page.expectedText())));
        }
        System.out.println("== " + label + " ==");
        String format = "%-44s %8s %8s %6s %6s %6s%n";
        System.out.printf(Locale.ROOT, format, "page", "ours", "theirs", "P", "R", "F1");
        ShingleOverlap micro = new ShingleOverlap(0, 0, 0);
        double p = 0;
        double r = 0;
        double f = 0;
        int below = 0;
        for (Row row : rows) {
            ShingleOverlap o = row.overlap();
            System.out.printf(Locale.ROOT, format, row.page().name(), o.extracted(), o.expected(),
                    three(o.precision()), three(o.recall()), three(o.f1()));
            micro = micro.plus(o);
            p += o.precision();
            r += o.recall();
            f += o.f1();
            below += o.f1() < 0.5 ? 1 : 0;
        }
        int n = rows.size();
        System.out.printf(Locale.ROOT, format, "micro-average", micro.extracted(), micro.expected(),
                three(micro.precision()), three(micro.recall()), three(micro.f1()));
        System.out.printf(Locale.ROOT, format, "macro-average", "", "", three(p / n), three(r / n), three(f / n));
        System.out.printf(Locale.ROOT, "pages with F1 below 0.5: %d of %d%n%n", below, n);

        System.out.println("The " + WORST_SHOWN + " lowest F1, with the longest stretch lost (-) and kept wrongly (+):");
        rows.stream().sorted(Comparator.comparingDouble(row -> row.overlap().f1())).limit(WORST_SHOWN).forEach(row -> {
            ShingleOverlap.Unmatched lost = ShingleOverlap.unmatched(row.page().expectedText(), row.result().text(), SAMPLE_WORDS);
            ShingleOverlap.Unmatched extra = ShingleOverlap.unmatched(row.result().text(), row.page().expectedText(), SAMPLE_WORDS);
            System.out.printf(Locale.ROOT, "%s  F1 %s (P %s, R %s)%n  - %d shingles lost: %s%n  + %d kept wrongly: %s%n",
                    row.page().name(), three(row.overlap().f1()), three(row.overlap().precision()),
                    three(row.overlap().recall()), lost.shingles(), lost.sample(), extra.shingles(), extra.sample());
        });

        System.out.println();
        System.out.println("Metadata, share of pages right (of those with expected-metadata.json):");
        List<Row> withMeta = rows.stream().filter(row -> row.page().expectedMeta() != null).toList();
        field("title", withMeta.stream().map(row -> sameText(row.result().title(), meta(row.page(), "title"))).toList());
        field("byline", withMeta.stream().map(row -> sameByline(row.result().byline(), meta(row.page(), "byline"))).toList());
        field("lang", withMeta.stream().map(row -> sameLanguage(row.result().language(), meta(row.page(), "lang"))).toList());
        field("publishedTime", withMeta.stream().map(row -> sameTime(row.result().published(), meta(row.page(), "publishedTime"))).toList());
        field("excerpt", withMeta.stream().map(row -> sameExcerpt(row.result().excerpt(), meta(row.page(), "excerpt"))).toList());
        System.out.println();
        String shown = System.getProperty("extract.mismatches", "").strip();
        if (!shown.isEmpty()) {
            System.out.println("Pages where " + shown + " is wrong (ours / theirs):");
            for (Row row : withMeta) {
                Result res = row.result();
                String ours = switch (shown) {
                    case "title" -> res.title();
                    case "byline" -> res.byline();
                    case "lang" -> res.language();
                    case "publishedTime" -> res.published();
                    case "excerpt" -> res.excerpt();
                    default -> throw new IllegalArgumentException("no metadata field " + shown);
                };
                String theirs = meta(row.page(), shown);
                Verdict v = switch (shown) {
                    case "title" -> sameText(ours, theirs);
                    case "byline" -> sameByline(ours, theirs);
                    case "lang" -> sameLanguage(ours, theirs);
                    case "publishedTime" -> sameTime(ours, theirs);
                    default -> sameExcerpt(ours, theirs);
                };
                if (!v.right()) {
                    System.out.printf(Locale.ROOT, "  %s%n    ours:   %s%n    theirs: %s%n", row.page().name(), ours, theirs);
                }
            }
            System.out.println();
        }
    }

    /** Right or wrong, and whether the reference had a value: a share of all pages, and of those with a value. */
    record Verdict(boolean right, boolean expectedPresent) {
    }

    private static void field(String name, List<Verdict> verdicts) {
        long right = verdicts.stream().filter(Verdict::right).count();
        long present = verdicts.stream().filter(Verdict::expectedPresent).count();
        long rightPresent = verdicts.stream().filter(v -> v.right() && v.expectedPresent()).count();
        System.out.printf(Locale.ROOT, "  %-14s %3d/%d right (%.2f); where Readability has a value %3d/%d (%.2f)%n",
                name, right, verdicts.size(), (double) right / verdicts.size(), rightPresent, present,
                present == 0 ? 1.0 : (double) rightPresent / present);
    }

    private static String meta(Page page, String field) {
        JsonNode value = page.expectedMeta().get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    static String normalise(String s) {
        return Whitespace.collapse(s).toLowerCase(Locale.ROOT);
    }

    static Verdict sameText(String ours, String theirs) {
        return new Verdict(normalise(ours).equals(normalise(theirs)), !normalise(theirs).isEmpty());
    }

    static Verdict sameByline(String ours, String theirs) {
        Function<String, String> name = s -> normalise(s).replaceFirst("^by\\s+", "").replaceFirst("[\\s,.;:|]+$", "");
        return new Verdict(name.apply(ours).equals(name.apply(theirs)), !normalise(theirs).isEmpty());
    }

    static Verdict sameLanguage(String ours, String theirs) {
        Function<String, String> primary = s -> normalise(s).split("[-_]", 2)[0];
        return new Verdict(primary.apply(ours).equals(primary.apply(theirs)), !normalise(theirs).isEmpty());
    }

    /** Equal as instants when both carry a time and an offset, else equal as calendar dates. */
    static Verdict sameTime(String ours, String theirs) {
        boolean present = !theirs.isBlank();
        if (ours.isBlank() || !present) {
            return new Verdict(ours.isBlank() && !present, present);
        }
        Optional<OffsetDateTime> a = instant(ours);
        Optional<OffsetDateTime> b = instant(theirs);
        if (a.isPresent() && b.isPresent()) {
            return new Verdict(a.get().toInstant().equals(b.get().toInstant()) || a.get().toLocalDate().equals(b.get().toLocalDate()), true);
        }
        Optional<LocalDate> da = date(ours);
        Optional<LocalDate> db = date(theirs);
        return new Verdict(da.isPresent() && da.equals(db), true);
    }

    private static Optional<OffsetDateTime> instant(String s) {
        String v = s.strip();
        for (DateTimeFormatter f : List.of(DateTimeFormatter.ISO_OFFSET_DATE_TIME, DateTimeFormatter.RFC_1123_DATE_TIME)) {
            try {
                return Optional.of(OffsetDateTime.parse(v, f));
            } catch (DateTimeParseException next) {
                // try the next form
            }
        }
        try {
            return Optional.of(ZonedDateTime.parse(v).toOffsetDateTime());
        } catch (DateTimeParseException notAnInstant) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> date(String s) {
        Optional<OffsetDateTime> i = instant(s);
        if (i.isPresent()) {
            return Optional.of(i.get().toLocalDate());
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})").matcher(s);
        try {
            return m.find() ? Optional.of(LocalDate.parse(m.group())) : Optional.empty();
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }

    static Verdict sameExcerpt(String ours, String theirs) {
        Function<String, String> text = s -> normalise(s).replaceFirst("(\\.\\.\\.|…)$", "").strip();
        String a = text.apply(ours);
        String b = text.apply(theirs);
        boolean right = a.equals(b) || !a.isEmpty() && !b.isEmpty() && (a.startsWith(b) || b.startsWith(a));
        return new Verdict(right, !b.isEmpty());
    }

    private static String three(double ratio) {
        return String.format(Locale.ROOT, "%.3f", ratio);
    }

    // ---- speed ---------------------------------------------------------------------------------------------

    private static void speed(List<Page> pages, Function<byte[], Result> head, Function<byte[], Result> base, String baseName) {
        int rounds = Integer.getInteger("extract.rounds", 9);
        if (rounds <= 0) {
            return;
        }
        long bytes = pages.stream().mapToLong(p -> p.source().length).sum();
        // One round is not enough for the JIT: in a first measurement the rates still doubled from round 5 to 9.
        int warmup = Integer.getInteger("extract.warmup", 5);
        for (int i = 0; i < warmup; i++) {
            if (base != null) {
                round(pages, base);
            }
            round(pages, head);
        }
        List<Double> headRates = new ArrayList<>();
        List<Double> baseRates = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            if (base != null) {
                baseRates.add(pages.size() / (round(pages, base) / 1e9));
            }
            headRates.add(pages.size() / (round(pages, head) / 1e9));
        }
        double h = median(headRates);
        System.out.printf(Locale.ROOT, "Speed, one thread, median of %d rounds over the corpus: this tree %.1f pages/s (%.2f MB/s)%n",
                rounds, h, h * bytes / pages.size() / 1e6);
        if (base != null) {
            double b = median(baseRates);
            System.out.printf(Locale.ROOT, "  revision %s %.1f pages/s (%.2f MB/s); ratio this/base %.3f (rounds alternated)%n",
                    baseName, b, b * bytes / pages.size() / 1e6, h / b);
            System.out.println("  rounds, this tree: " + rates(headRates) + "; base: " + rates(baseRates));
        } else {
            System.out.println("  rounds: " + rates(headRates));
        }
    }

    private static long round(List<Page> pages, Function<byte[], Result> extractor) {
        long start = System.nanoTime();
        long chars = 0; // consumed, so the JIT cannot drop the extraction as unused
        for (Page p : pages) {
            chars += extractor.apply(p.source()).text().length();
        }
        long nanos = System.nanoTime() - start;
        if (chars < 0) {
            throw new AssertionError();
        }
        return nanos;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String rates(List<Double> values) {
        return String.join(", ", values.stream().map(v -> String.format(Locale.ROOT, "%.1f", v)).toList());
    }

    // ---- the older revision --------------------------------------------------------------------------------

    /**
     * The extractor package of git revision {@code rev}, compiled against this JVM's class path into a temporary
     * directory and loaded child-first, so that its classes shadow this tree's of the same name.
     */
    private static Function<byte[], Result> olderRevision(String rev) throws Exception {
        Path work = Files.createTempDirectory("extract-" + rev.replaceAll("[^A-Za-z0-9]", "_") + "-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(work)));
        Path src = work.resolve("src");
        Path classes = work.resolve("classes");
        Files.createDirectories(classes);
        String pkg = "src/main/java/dev/quorum/scrape/extract";
        Files.createDirectories(src);
        Process archive = new ProcessBuilder("sh", "-c", "git archive " + shellQuote(rev) + " " + pkg + " | tar -x -C " + shellQuote(src.toString()))
                .inheritIO().start();
        if (archive.waitFor() != 0) {
            throw new IllegalStateException("git archive " + rev + " failed");
        }
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path"), "-nowarn"));
        try (Stream<Path> files = Files.list(src.resolve(pkg))) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("-Dextract.compare needs a JDK's compiler; this is a JRE");
        }
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        if (javac.run(null, null, errors, args.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("compiling " + rev + " failed:\n" + errors);
        }
        ClassLoader loader = new ChildFirst(new URL[] {classes.toUri().toURL()}, CorpusScore.class.getClassLoader());
        Class<?> extractorClass = loader.loadClass(HtmlExtractor.class.getName());
        Object extractor = extractorClass.getConstructor().newInstance();
        Method extract = extractorClass.getMethod("extract", byte[].class, Optional.class, String.class);
        Class<?> pageClass = loader.loadClass(ExtractedPage.class.getName());
        Method title = pageClass.getMethod("title");
        Method author = pageClass.getMethod("author");
        Method language = pageClass.getMethod("language");
        Method published = pageClass.getMethod("published");
        Method text = pageClass.getMethod("text");
        return source -> {
            try {
                Object p = extract.invoke(extractor, source, Optional.empty(), SOURCE_URL);
                return new Result((String) title.invoke(p), optional(author.invoke(p)), optional(language.invoke(p)),
                        optional(published.invoke(p)), excerptOf(p), (String) text.invoke(p));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException leftBehind) {
            System.err.println("could not delete " + root + ": " + leftBehind);
        }
    }

    private static String optional(Object o) {
        return ((Optional<?>) o).map(Object::toString).orElse("");
    }

    private static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** Loads the extractor package from its own URLs first; everything else (jsoup, Jackson, the JDK) from the parent. */
    private static final class ChildFirst extends URLClassLoader {
        private static final String PACKAGE = HtmlExtractor.class.getPackageName() + ".";

        ChildFirst(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null && name.startsWith(PACKAGE)) {
                    try {
                        c = findClass(name);
                    } catch (ClassNotFoundException notInTheOldPackage) {
                        c = null;
                    }
                }
                if (c == null) {
                    return super.loadClass(name, resolve);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }
}
