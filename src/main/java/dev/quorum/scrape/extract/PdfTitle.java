package dev.quorum.scrape.extract;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Chooses a PDF's title. The document information's Title is often left to the authoring tool, which fills it
 * with a file name or a placeholder, so it is used only when it looks written by a person; otherwise the first
 * line of page 1 that reads like text, which in papers and reports is the title.
 */
final class PdfTitle {

    /** Office prints "Microsoft Word - report.docx" when the author never set a title. */
    private static final Pattern OFFICE_PREFIX = Pattern.compile("(?i)^microsoft (?:word|powerpoint|excel)\\s*-\\s*");
    private static final Pattern FILE_EXTENSION = Pattern.compile("(?i)\\.(?:docx?|pptx?|xlsx?|odt|rtf|pdf|tex|dvi|ps|indd)$");
    private static final Pattern PLACEHOLDER = Pattern.compile("(?i)^(?:untitled(?:\\s*(?:document|\\d+))?|title|slide \\d+|powerpoint presentation)$");
    /** Page numbers, dates and stray symbols have fewer letters than this. */
    private static final int LINE_LETTERS_MIN = 4;
    /** A longer first line is a paragraph, not a title. */
    private static final int LINE_CHARS_MAX = 200;

    private PdfTitle() {
    }

    static Optional<String> of(String infoTitle, String firstPageText) {
        return fromInfo(infoTitle).or(() -> firstLine(firstPageText));
    }

    private static Optional<String> fromInfo(String infoTitle) {
        if (infoTitle == null) {
            return Optional.empty();
        }
        String title = OFFICE_PREFIX.matcher(Whitespace.collapse(infoTitle)).replaceFirst("");
        boolean fileName = FILE_EXTENSION.matcher(title).find();
        title = FILE_EXTENSION.matcher(title).replaceFirst("");
        // "paxos-simple.doc" names a file; "Paxos Made Simple.doc" is a title saved under its own name.
        if (fileName && !title.contains(" ")) {
            return Optional.empty();
        }
        if (PLACEHOLDER.matcher(title).matches() || letters(title) == 0) {
            return Optional.empty();
        }
        return Optional.of(title);
    }

    private static Optional<String> firstLine(String pageText) {
        return pageText.lines()
                .map(Whitespace::collapse)
                .filter(line -> letters(line) >= LINE_LETTERS_MIN && line.length() <= LINE_CHARS_MAX)
                .findFirst();
    }

    private static long letters(String text) {
        return text.codePoints().filter(Character::isLetter).count();
    }
}
