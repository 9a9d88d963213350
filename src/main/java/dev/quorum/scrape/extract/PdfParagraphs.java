package dev.quorum.scrape.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns the line-by-line output of PDFTextStripper into paragraphs: lines broken by typesetting are joined,
 * words hyphenated at a line end are mended, whitespace is collapsed.
 */
final class PdfParagraphs {

    /**
     * A word broken at a line end and continued in lower case: "distri-\nbuted" (also with U+2010 or a soft hyphen).
     * A continuation that is itself hyphenated ("state-\nof-the-art") is a compound and is left to the next pattern.
     */
    private static final Pattern BROKEN_WORD = Pattern.compile("(\\p{L})[-\u2010\u00AD][ \\t]*\\n[ \\t]*(?=\\p{Ll}\\p{L}*+(?![-\u2010]))");
    /** A hyphen at a line end before anything else is part of a compound ("IEEE 802.11-\n2016"): keep it, drop the break. */
    private static final Pattern BROKEN_COMPOUND = Pattern.compile("(\\S[-\u2010])[ \\t]*\\n[ \\t]*(?=\\S)");
    private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t]*\\n");

    private PdfParagraphs() {
    }

    /** @param strippedText lines ended by "\n", paragraphs by a blank line, as GlyphCappedStripper writes them */
    static String of(String strippedText) {
        String text = BROKEN_WORD.matcher(strippedText).replaceAll("$1");
        text = BROKEN_COMPOUND.matcher(text).replaceAll("$1");
        // Soft hyphens elsewhere are invisible hints for the typesetter, not part of the word.
        text = text.replace("\u00AD", "");
        List<String> paragraphs = new ArrayList<>();
        for (String paragraph : BLANK_LINE.split(text)) {
            String joined = Whitespace.collapse(paragraph);
            if (!joined.isEmpty()) {
                paragraphs.add(joined);
            }
        }
        return String.join("\n\n", paragraphs);
    }
}
