package dev.quorum.content;

/**
 * One problem found in a content file, printed the way compilers do: {@code path:line:col: error: message},
 * so editors and CI annotate the right line.
 */
public record Finding(String path, int line, int column, Severity severity, String message) {

    public enum Severity {
        ERROR, WARNING;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static Finding error(String path, int line, int column, String message) {
        return new Finding(path, line, column, Severity.ERROR, message);
    }

    public static Finding warning(String path, int line, int column, String message) {
        return new Finding(path, line, column, Severity.WARNING, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return path + ":" + line + ":" + column + ": " + severity.label() + ": " + message;
    }
}
