package dev.quorum.scrape.extract;

/** Counts words the way {@link ExtractedPage#wordCount()} defines them. */
final class Words {

    private Words() {
    }

    /** Whitespace-separated tokens that contain at least one letter or digit; "—" and "·" are not words. */
    static int count(String text) {
        int words = 0;
        boolean inToken = false;
        boolean tokenHasWordChar = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Whitespace.isSpace(cp)) {
                if (inToken && tokenHasWordChar) {
                    words++;
                }
                inToken = false;
                tokenHasWordChar = false;
            } else {
                inToken = true;
                tokenHasWordChar |= Character.isLetterOrDigit(cp);
            }
        }
        return inToken && tokenHasWordChar ? words + 1 : words;
    }
}
