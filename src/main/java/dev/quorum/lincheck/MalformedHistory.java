package dev.quorum.lincheck;

/**
 * A history that cannot be read, with where: the line and column (both from 1) of the offending text, and a
 * short reason. A web endpoint answers it with a 4xx that quotes {@link #getMessage}.
 */
public final class MalformedHistory extends RuntimeException {

    /** What was wrong: the text is not EDN, the EDN is not a history, or there is too much of it. */
    public enum Kind { SYNTAX, HISTORY, TOO_LARGE }

    private final Kind kind;
    private final int line;
    private final int column;
    private final String reason;

    MalformedHistory(Kind kind, int line, int column, String reason) {
        super("line " + line + ", column " + column + ": " + reason);
        this.kind = kind;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    /** Where {@code offset} (a char index into {@code text}) falls: lines end at {@code \n}. */
    static MalformedHistory at(String text, int offset, Kind kind, String reason) {
        int line = 1;
        int lineStart = 0;
        int end = Math.min(offset, text.length());
        for (int k = 0; k < end; k++) {
            if (text.charAt(k) == '\n') {
                line++;
                lineStart = k + 1;
            }
        }
        return new MalformedHistory(kind, line, offset - lineStart + 1, reason);
    }

    public Kind kind() {
        return kind;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The message without its position. */
    public String reason() {
        return reason;
    }
}
