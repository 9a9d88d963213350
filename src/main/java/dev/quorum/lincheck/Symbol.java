package dev.quorum.lincheck;

/**
 * An EDN symbol, such as {@code java.net.SocketTimeoutException} in the {@code :exception} of a Jepsen
 * {@code :info} operation. The checker never looks at symbols; they are read so that such histories parse.
 */
public record Symbol(String name) {

    public Symbol {
        if (!validName(name) || name.equals("nil") || name.equals("true") || name.equals("false")) {
            throw new IllegalArgumentException("not a symbol name: '" + name + "'");
        }
    }

    /** Text EDN accepts after a colon or as a symbol: no leading digit, no delimiters, at most one inner slash. */
    static boolean validName(String name) {
        if (name == null || name.isEmpty() || name.length() > 256) {
            return false;
        }
        if (name.equals("/")) {
            return true;
        }
        char first = name.charAt(0);
        if (!startChar(first) || (first == '-' || first == '+' || first == '.') && name.length() > 1 && isDigit(name.charAt(1))) {
            return false;
        }
        int slash = name.indexOf('/');
        if (slash == 0 || slash == name.length() - 1 || slash >= 0 && name.indexOf('/', slash + 1) >= 0) {
            return false;
        }
        for (int k = 1; k < name.length(); k++) {
            char c = name.charAt(k);
            if (!startChar(c) && !isDigit(c) && c != ':' && c != '#' && c != '\'' && c != '/') {
                return false;
            }
        }
        return true;
    }

    private static boolean startChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || "*+!-_?<>=.&%$|".indexOf(c) >= 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    @Override
    public String toString() {
        return name;
    }
}
