package dev.quorum.scrape.extract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.DeflaterOutputStream;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Builds the PDFs the tests read, with PDFBox, so no binary fixture is needed. */
public final class TestPdf {

    private static final float FONT_SIZE = 11;
    private static final float LEADING = 14;

    private interface PageMaker {
        PDPage make(PDDocument document) throws IOException;
    }

    private final List<PageMaker> pages = new ArrayList<>();
    private final PDDocumentInformation info = new PDDocumentInformation();
    private Optional<String> userPassword = Optional.empty();

    /** A page of lines set one under the other; an empty string leaves a blank line, which ends a paragraph. */
    public TestPdf page(String... lines) {
        pages.add(document -> textPage(document, List.of(lines)));
        return this;
    }

    /**
     * A page showing {@code line} whose content stream, padded with spaces, decodes to {@code decodedBytes}
     * through the chain [/FlateDecode /ASCIIHexDecode]: PDFBox buffers the inflated hex in memory unbounded.
     */
    TestPdf inflatingPage(String line, int decodedBytes) {
        pages.add(document -> inflatingPage(document, line, decodedBytes));
        return this;
    }

    TestPdf title(String title) {
        info.setTitle(title);
        return this;
    }

    TestPdf author(String author) {
        info.setAuthor(author);
        return this;
    }

    /** A creation date as PDF writes it, e.g. {@code D:20190301235900-08'00'}. */
    TestPdf created(String pdfDate) {
        info.getCOSObject().setString(COSName.CREATION_DATE, pdfDate);
        return this;
    }

    TestPdf userPassword(String password) {
        userPassword = Optional.of(password);
        return this;
    }

    public byte[] bytes() {
        try (PDDocument document = new PDDocument()) {
            document.setDocumentInformation(info);
            for (PageMaker page : pages) {
                document.addPage(page.make(document));
            }
            if (userPassword.isPresent()) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", userPassword.get(), new AccessPermission());
                policy.setEncryptionKeyLength(256);
                document.protect(policy);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot build the test PDF", e);
        }
    }

    private static PDPage textPage(PDDocument document, List<String> lines) throws IOException {
        PDPage page = new PDPage();
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            content.beginText();
            content.setFont(new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN), FONT_SIZE);
            content.newLineAtOffset(72, 720);
            for (String line : lines) {
                if (!line.isEmpty()) {
                    content.showText(line);
                }
                content.newLineAtOffset(0, -LEADING);
            }
            content.endText();
        }
        return page;
    }

    private static PDPage inflatingPage(PDDocument document, String line, int decodedBytes) throws IOException {
        PDPage page = textPage(document, List.of(line));
        byte[] hex;
        try (InputStream content = page.getContents()) {
            hex = HexFormat.of().formatHex(content.readAllBytes()).getBytes(StandardCharsets.US_ASCII);
        }
        COSStream stream = document.getDocument().createCOSStream();
        stream.setItem(COSName.FILTER, new COSArray(List.of(COSName.FLATE_DECODE, COSName.ASCII_HEX_DECODE)));
        try (OutputStream out = new DeflaterOutputStream(stream.createRawOutputStream())) {
            out.write(hex);
            byte[] space = "20".getBytes(StandardCharsets.US_ASCII);
            for (int written = hex.length; written < decodedBytes - 1; written += space.length) {
                out.write(space);
            }
            out.write('>');
        }
        page.getCOSObject().setItem(COSName.CONTENTS, stream);
        return page;
    }
}
