package dev.quorum.scrape.extract;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * A PDFTextStripper that keeps at most {@code glyphsPerPageMax} glyphs of a page. The stripper holds every glyph
 * of a page as an object before it writes a line, so a hostile page that shows millions of glyphs would fill the
 * heap long before a cap on the output text could act.
 */
final class GlyphCappedStripper extends PDFTextStripper {

    private final int glyphsPerPageMax;
    private int glyphsOnPage;

    GlyphCappedStripper(int glyphsPerPageMax) {
        this.glyphsPerPageMax = glyphsPerPageMax;
        setLineSeparator("\n");
        // A blank line between the paragraphs the stripper detects, so PdfParagraphs can tell them from line breaks.
        setParagraphEnd("\n\n");
    }

    @Override
    protected void startPage(PDPage page) throws IOException {
        glyphsOnPage = 0;
        super.startPage(page);
    }

    @Override
    protected void processTextPosition(TextPosition text) {
        if (glyphsOnPage < glyphsPerPageMax) {
            glyphsOnPage++;
            super.processTextPosition(text);
        }
    }
}
