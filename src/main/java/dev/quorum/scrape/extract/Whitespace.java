package dev.quorum.scrape.extract;

/** Whitespace as a reader sees it: any run of spaces, tabs, newlines or no-break spaces is one space. */
final class Whitespace {

    private Whitespace() {
    }

    static boolean isSpace(int codePoint) {
        if (codePoint < 128) { // the common case, without the Unicode tables
            return codePoint == ' ' || codePoint >= '\t' && codePoint <= '\r' || codePoint >= 0x1c && codePoint <= 0x1f;
        }
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }

    /** {@code text} with every run of whitespace made one space, and none at either end. */
    static String collapse(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}
