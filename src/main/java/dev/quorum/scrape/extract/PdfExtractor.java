package dev.quorum.scrape.extract;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Calendar;
import java.util.Objects;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Reads the metadata and text of a PDF with PDFBox. The PDFs we fetch are untrusted, so everything that can grow
 * is bounded: the bytes one stream decodes to ({@link StreamBudget}), the pages read, the glyphs kept per page and
 * the text returned. The size of the PDF itself is bounded by the fetcher.
 *
 * <p>PDFBox's scratch memory is capped as well, but reading a document in PDFBox 3 hardly uses it: the buffers
 * that can explode (filter chains, font programs) are allocated outside it, which is why StreamBudget exists.
 */
public final class PdfExtractor {

    /**
     * @param memoryBytesMax   bytes one stream may decode to, and the cap on PDFBox's scratch memory; an embedded
     *                         CJK font, among the largest honest streams, decodes to about 20 MB
     * @param pagesMax         pages read for text; the first 300 pages of a book are plenty to index it
     * @param glyphsPerPageMax glyphs kept per page; a dense page of small print has about 6,000
     * @param textCharsMax     characters of text returned
     */
    public record Limits(long memoryBytesMax, int pagesMax, int glyphsPerPageMax, int textCharsMax) {
        public static final Limits DEFAULT = new Limits(32L * 1024 * 1024, 300, 50_000, 2_000_000);
    }

    private final Limits limits;

    public PdfExtractor() {
        this(Limits.DEFAULT);
    }

    public PdfExtractor(Limits limits) {
        this.limits = limits;
    }

    public PdfDocument extract(byte[] pdf) throws ExtractionException {
        MemoryUsageSetting memory = MemoryUsageSetting.setupMainMemoryOnly(limits.memoryBytesMax());
        try (PDDocument document = Loader.loadPDF(pdf, "", null, null, memory.streamCache)) {
            return read(document);
        } catch (InvalidPasswordException e) {
            throw new ExtractionException("PDF is encrypted with a password", e);
        } catch (IOException e) {
            throw new ExtractionException("PDF cannot be read: " + Objects.requireNonNullElse(e.getMessage(), e.toString()), e);
        } catch (RuntimeException e) {
            // PDFBox is lenient and parses on after many defects; what it cannot survive surfaces as an arbitrary
            // unchecked exception (ClassCastException, IllegalArgumentException…), all meaning a malformed file.
            throw new ExtractionException("PDF is malformed: " + e, e);
        }
    }

    private PdfDocument read(PDDocument document) throws IOException, ExtractionException {
        PDDocumentInformation info = document.getDocumentInformation();
        int pageCount = document.getNumberOfPages();
        StreamBudget budget = new StreamBudget(limits.memoryBytesMax());
        GlyphCappedStripper stripper = new GlyphCappedStripper(limits.glyphsPerPageMax());
        StringBuilder paragraphs = new StringBuilder();
        String firstPage = "";
        int pagesRead = Math.min(pageCount, limits.pagesMax());
        for (int page = 1; page <= pagesRead && paragraphs.length() < limits.textCharsMax(); page++) {
            budget.check(document.getPage(page - 1));
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            String pageText = stripper.getText(document);
            if (page == 1) {
                firstPage = pageText;
            }
            // Each page on its own, so a word is never mended across a page break.
            String normalised = PdfParagraphs.of(pageText);
            if (!normalised.isEmpty()) {
                paragraphs.append(paragraphs.isEmpty() ? "" : "\n\n").append(normalised);
            }
        }
        String text = truncate(paragraphs.toString(), limits.textCharsMax());
        return new PdfDocument(
                PdfTitle.of(info.getTitle(), firstPage),
                nonBlank(info.getAuthor()),
                date(info.getCreationDate()),
                pageCount,
                text,
                Words.count(text));
    }

    /** Cuts at the last whitespace before the limit, so the text does not end in half a word. */
    private static String truncate(String text, int charsMax) {
        if (text.length() <= charsMax) {
            return text;
        }
        // Paragraph text holds no whitespace but spaces and newlines.
        int cut = Math.max(text.lastIndexOf(' ', charsMax), text.lastIndexOf('\n', charsMax));
        return text.substring(0, cut > 0 ? cut : charsMax).strip();
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).map(Whitespace::collapse).filter(v -> !v.isEmpty());
    }

    /** The calendar date the document states, in its own time zone: "D:20190301235900-08'00'" is 2019-03-01. */
    private static Optional<String> date(Calendar created) {
        if (created == null) {
            return Optional.empty();
        }
        LocalDate date = created.toInstant().atZone(created.getTimeZone().toZoneId()).toLocalDate();
        return Optional.of(date.toString());
    }
}
