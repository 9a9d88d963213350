package dev.quorum.search;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Lower-cases each token, as {@code LowerCaseFilter} does, and folds "ё" into "е": Russian writers use
 * the two interchangeably. One pass over the token, with a fast path for ASCII letters, because every
 * word of every page goes through it on a rebuild.
 */
final class LowerCaseFoldingFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    LowerCaseFoldingFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        char[] buffer = term.buffer();
        int length = term.length();
        for (int i = 0; i < length; ) {
            char c = buffer[i];
            if (c < 0x80) {
                if (c >= 'A' && c <= 'Z') {
                    buffer[i] = (char) (c + ('a' - 'A'));
                }
                i++;
                continue;
            }
            int codePoint = Character.codePointAt(buffer, i, length);
            int lower = Character.toLowerCase(codePoint);
            if (lower == 'ё') {
                lower = 'е';
            }
            int width = Character.charCount(codePoint);
            if (Character.charCount(lower) == width) { // always so in practice; a rare case that is not keeps its case
                Character.toChars(lower, buffer, i);
            }
            i += width;
        }
        return true;
    }
}
