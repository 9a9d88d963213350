package dev.quorum.scrape.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PdfExtractorTest {

    private final PdfExtractor extractor = new PdfExtractor();

    private PdfDocument extract(TestPdf pdf) throws ExtractionException {
        return extractor.extract(pdf.bytes());
    }

    @Test
    void readsTheDocumentInformationAndTheTextOfEveryPage() throws ExtractionException {
        PdfDocument document = extract(new TestPdf()
                .title("Paxos Made Simple")
                .author("Leslie Lamport")
                .created("D:20011101120000Z")
                .page("Paxos Made Simple", "", "The Paxos algorithm, when presented in plain English, is very simple.")
                .page("The safety requirements for consensus are:")
                .page("That concludes the algorithm."));

        assertEquals(Optional.of("Paxos Made Simple"), document.title());
        assertEquals(Optional.of("Leslie Lamport"), document.author());
        assertEquals(Optional.of("2001-11-01"), document.published());
        assertEquals(3, document.pageCount());
        assertEquals("""
                Paxos Made Simple

                The Paxos algorithm, when presented in plain English, is very simple.

                The safety requirements for consensus are:

                That concludes the algorithm.""", document.text());
        assertEquals(24, document.wordCount());
    }

    @Test
    void thePublishedDateIsTheDayInTheDocumentsOwnTimeZone() throws ExtractionException {
        PdfDocument document = extract(new TestPdf().created("D:20190301235900-08'00'").page("Late at night in California"));

        assertEquals(Optional.of("2019-03-01"), document.published());
    }

    @Test
    void aDocumentWithoutInformationHasNoAuthorOrDate() throws ExtractionException {
        PdfDocument document = extract(new TestPdf().page("Notes on vector clocks"));

        assertEquals(Optional.empty(), document.author());
        assertEquals(Optional.empty(), document.published());
    }

    @Nested
    class Title {

        @Test
        void dropsTheOfficePrefixFromTheDocumentTitle() throws ExtractionException {
            PdfDocument document = extract(new TestPdf().title("Microsoft Word - Consensus in the Cloud.docx").page("1"));

            assertEquals(Optional.of("Consensus in the Cloud"), document.title());
        }

        @Test
        void aFileNameIsNotATitleSoTheFirstLineOfPageOneIsUsed() throws ExtractionException {
            PdfDocument document = extract(new TestPdf()
                    .title("Microsoft Word - x.doc")
                    .page("12", "In Search of an Understandable Consensus Algorithm", "Diego Ongaro and John Ousterhout"));

            assertEquals(Optional.of("In Search of an Understandable Consensus Algorithm"), document.title());
        }

        @Test
        void anUntitledPlaceholderIsNotATitle() throws ExtractionException {
            PdfDocument document = extract(new TestPdf().title("untitled").page("Chain Replication", "for Supporting High Throughput"));

            assertEquals(Optional.of("Chain Replication"), document.title());
        }

        @Test
        void aDocumentWithoutTextHasNoTitle() throws ExtractionException {
            assertEquals(Optional.empty(), extract(new TestPdf().page()).title());
        }
    }

    @Nested
    class Text {

        @Test
        void mendsWordsHyphenatedAtTheEndOfALine() throws ExtractionException {
            PdfDocument document = extract(new TestPdf().page("Paxos is a distri-", "buted protocol for agree-", "ment."));

            assertEquals("Paxos is a distributed protocol for agreement.", document.text());
        }

        @Test
        void keepsTheHyphenOfACompoundBrokenAtTheEndOfALine() throws ExtractionException {
            PdfDocument document = extract(new TestPdf().page("a state-", "of-the-art protocol over IEEE 802.11-", "2016 links"));

            assertEquals("a state-of-the-art protocol over IEEE 802.11-2016 links", document.text());
        }

        @Test
        void joinsLinesIntoParagraphsSeparatedByABlankLine() throws ExtractionException {
            PdfDocument document = extract(new TestPdf().page(
                    "Replicas agree on a value", "even when some fail.", "", "Liveness needs", "a stable leader."));

            assertEquals("Replicas agree on a value even when some fail.\n\nLiveness needs a stable leader.", document.text());
        }

        @Test
        void collapsesRunsOfSpaces() throws ExtractionException {
            assertEquals("two spaced words", extract(new TestPdf().page("two    spaced     words")).text());
        }

        @Test
        void aBlankPageHasNoText() throws ExtractionException {
            PdfDocument document = extract(new TestPdf().page());

            assertEquals(1, document.pageCount());
            assertEquals("", document.text());
            assertEquals(0, document.wordCount());
        }

        @Test
        void aDocumentWithoutPagesIsEmptyNotBroken() throws ExtractionException {
            PdfDocument document = extract(new TestPdf());

            assertEquals(0, document.pageCount());
            assertEquals("", document.text());
        }
    }

    @Nested
    class Limits {

        @Test
        void readsTextFromTheFirstPagesOnlyButCountsThemAll() throws ExtractionException {
            PdfExtractor twoPages = new PdfExtractor(new PdfExtractor.Limits(1 << 20, 2, 1000, 1000));
            byte[] pdf = new TestPdf().page("one").page("two").page("three").page("four").bytes();

            PdfDocument document = twoPages.extract(pdf);

            assertEquals("one\n\ntwo", document.text());
            assertEquals(4, document.pageCount());
        }

        @Test
        void cutsTheTextAtAWordBoundaryBeforeTheLimit() throws ExtractionException {
            PdfExtractor twentyChars = new PdfExtractor(new PdfExtractor.Limits(1 << 20, 10, 1000, 20));
            byte[] pdf = new TestPdf().page("Byzantine generals agree on a plan").bytes();

            assertEquals("Byzantine generals", twentyChars.extract(pdf).text());
        }

        @Test
        void keepsAtMostTheGlyphLimitOfEachPage() throws ExtractionException {
            PdfExtractor tenGlyphs = new PdfExtractor(new PdfExtractor.Limits(1 << 20, 10, 10, 1000));
            byte[] pdf = new TestPdf().page("Consensus protocols").page("Quorum systems").bytes();

            assertEquals("Consensus\n\nQuorum sys", tenGlyphs.extract(pdf).text());
        }

        @Test
        void refusesAPageWhoseContentDecodesBeyondTheMemoryBudget() {
            PdfExtractor oneMegabyte = new PdfExtractor(new PdfExtractor.Limits(1 << 20, 10, 1000, 1000));
            byte[] pdf = new TestPdf().page("An honest first page").inflatingPage("Zip bomb", 4 << 20).bytes();

            ExtractionException e = assertThrows(ExtractionException.class, () -> oneMegabyte.extract(pdf));
            assertEquals("PDF stream decodes to more than 1048576 bytes", e.getMessage());
        }

        @Test
        void readsAStreamDecodedThroughAChainOfFiltersWithinTheBudget() throws ExtractionException {
            byte[] pdf = new TestPdf().inflatingPage("Two filters", 1 << 20).bytes();

            assertEquals("Two filters", extractor.extract(pdf).text());
        }
    }

    @Nested
    class Failures {

        @Test
        void aPasswordProtectedPdfIsReportedAsEncrypted() {
            byte[] pdf = new TestPdf().userPassword("secret").page("Confidential").bytes();

            ExtractionException e = assertThrows(ExtractionException.class, () -> extractor.extract(pdf));
            assertEquals("PDF is encrypted with a password", e.getMessage());
        }

        @Test
        void bytesThatAreNotAPdfAreReportedAsUnreadable() {
            byte[] html = "<!doctype html><title>Not found</title>".getBytes(StandardCharsets.UTF_8);

            ExtractionException e = assertThrows(ExtractionException.class, () -> extractor.extract(html));
            assertTrue(e.getMessage().startsWith("PDF cannot be read: "), e.getMessage());
        }

        @Test
        void noBytesAtAllAreReportedAsUnreadable() {
            assertThrows(ExtractionException.class, () -> extractor.extract(new byte[0]));
        }

        @Test
        void aPdfCutInHalfIsReportedAsUnreadable() {
            byte[] pdf = new TestPdf().page("Linearizability").page("Serializability").bytes();

            assertThrows(ExtractionException.class, () -> extractor.extract(Arrays.copyOf(pdf, pdf.length / 2)));
        }

        @Test
        void aPdfThatLostItsEndIsStillReadWhenItsPagesAreWhole() throws ExtractionException {
            byte[] pdf = new TestPdf().page("Linearizability").bytes();
            int end = new String(pdf, StandardCharsets.ISO_8859_1).lastIndexOf("startxref");

            assertEquals("Linearizability", extractor.extract(Arrays.copyOf(pdf, end)).text());
        }
    }
}
