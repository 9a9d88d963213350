package dev.quorum.lincheck;

import dev.quorum.lincheck.MalformedHistory.Kind;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A reader for the part of EDN that histories use: nil, booleans, integers (with or without {@code N}),
 * floats, strings, characters, keywords, symbols, vectors, lists, maps and sets, comments, {@code #_}
 * discards, and tagged values (the tag is dropped, so {@code #jepsen.history.Op{...}} reads as its map).
 * Recursive, but never deeper than {@link Values#DEPTH_MAX}; numbers longer than {@link #NUMBER_CHARS_MAX}
 * are refused, so no input can overflow the stack or make a number slow to parse. Every error names the
 * line and column where it was found.
 */
final class EdnReader {

    static final int NUMBER_CHARS_MAX = 64;

    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+N?");
    private static final Pattern FLOAT = Pattern.compile("[+-]?[0-9]+(\\.[0-9]*)?([eE][+-]?[0-9]+)?");

    /** A map read at the top of a history, with where each of its values starts. */
    record Entries(Map<Object, Object> values, Map<Object, Integer> at, int start) {
    }

    private final String text;
    private int pos;

    EdnReader(String text) {
        this.text = text;
    }

    int position() {
        return pos;
    }

    MalformedHistory error(int at, String reason) {
        return MalformedHistory.at(text, at, Kind.SYNTAX, reason);
    }

    /** Skips whitespace, commas, comments and discarded forms; true if anything is left. */
    boolean more(int depth) {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == ',' || c == '\f') {
                pos++;
            } else if (c == ';') {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '#' && pos + 1 < text.length() && text.charAt(pos + 1) == '_') {
                int at = pos;
                if (depth >= Values.DEPTH_MAX) {
                    throw error(at, "discards (#_) nest deeper than " + Values.DEPTH_MAX);
                }
                pos += 2;
                if (!more(depth + 1)) {
                    throw error(at, "#_ discards nothing: the input ends");
                }
                form(depth + 1);
            } else {
                return true;
            }
        }
        return false;
    }

    char peek() {
        return text.charAt(pos);
    }

    void skip() {
        pos++;
    }

    /** A map at the top of a history (tagged or not), keeping where each value starts for later messages. */
    Entries entries() {
        int start = pos;
        if (peek() == '#' && pos + 1 < text.length() && symbolStart(text.charAt(pos + 1))) {
            pos++;
            token();
            if (!more(1)) {
                throw error(start, "a tag with nothing after it");
            }
        }
        if (peek() != '{') {
            throw MalformedHistory.at(text, pos, Kind.HISTORY, "expected an operation, a map such as {:process 0, :type :invoke, "
                    + ":f :read, :value nil}, but found " + describe(pos));
        }
        Map<Object, Integer> at = new HashMap<>();
        Map<Object, Object> values = map(1, at);
        return new Entries(values, at, start);
    }

    /** One form; the caller has checked with {@link #more} that one starts here. */
    Object form(int depth) {
        int start = pos;
        char c = peek();
        switch (c) {
            case '{':
                return map(depth, null);
            case '[':
                return sequence(depth, ']');
            case '(':
                return sequence(depth, ')');
            case '"':
                return string();
            case ':':
                return keyword();
            case '\\':
                return character();
            case '#':
                return dispatch(depth);
            case ')':
            case ']':
            case '}':
                throw error(start, "unexpected '" + c + "' with nothing open to close");
            default:
                return atom();
        }
    }

    private Object dispatch(int depth) {
        int start = pos;
        if (pos + 1 >= text.length()) {
            throw error(start, "a '#' with nothing after it");
        }
        char c = text.charAt(pos + 1);
        if (c == '{') {
            pos++;
            return set(depth, start);
        }
        if (symbolStart(c)) {
            pos++;
            token();
            if (depth >= Values.DEPTH_MAX) {
                throw error(start, "values nest deeper than " + Values.DEPTH_MAX);
            }
            if (!more(depth + 1)) {
                throw error(start, "a tag with nothing after it");
            }
            return form(depth + 1);
        }
        throw error(start, "'#" + c + "' is not EDN this reader knows (sets #{}, discards #_ and tags #name are)");
    }

    private Map<Object, Object> map(int depth, Map<Object, Integer> at) {
        int open = enter(depth);
        Map<Object, Object> out = new LinkedHashMap<>();
        while (true) {
            if (!more(depth + 1)) {
                throw error(open, "this map is never closed");
            }
            if (peek() == '}') {
                pos++;
                return Collections.unmodifiableMap(out);
            }
            int keyAt = pos;
            Object key = form(depth + 1);
            if (!more(depth + 1)) {
                throw error(open, "this map is never closed");
            }
            if (peek() == '}') {
                throw error(keyAt, "the key " + Values.edn(key) + " has no value");
            }
            int valueAt = pos;
            Object value = form(depth + 1);
            if (out.containsKey(key)) {
                throw error(keyAt, "the key " + Values.edn(key) + " appears twice in one map");
            }
            out.put(key, value);
            if (at != null) {
                at.put(key, valueAt);
            }
        }
    }

    private List<Object> sequence(int depth, char close) {
        int open = enter(depth);
        List<Object> out = new ArrayList<>();
        while (true) {
            if (!more(depth + 1)) {
                throw error(open, "this " + (close == ']' ? "vector" : "list") + " is never closed");
            }
            if (peek() == close) {
                pos++;
                return Collections.unmodifiableList(out);
            }
            out.add(form(depth + 1));
        }
    }

    private Set<Object> set(int depth, int start) {
        enter(depth);
        Set<Object> out = new LinkedHashSet<>();
        while (true) {
            if (!more(depth + 1)) {
                throw error(start, "this set is never closed");
            }
            if (peek() == '}') {
                pos++;
                return Collections.unmodifiableSet(out);
            }
            int at = pos;
            Object item = form(depth + 1);
            if (!out.add(item)) {
                throw error(at, Values.edn(item) + " appears twice in one set");
            }
        }
    }

    /** Steps past an opening delimiter, refusing to go deeper than the bound; returns where it was. */
    private int enter(int depth) {
        if (depth >= Values.DEPTH_MAX) {
            throw error(pos, "values nest deeper than " + Values.DEPTH_MAX);
        }
        return pos++;
    }

    private String string() {
        int open = pos++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error(open, "this string is never closed");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) {
                throw error(open, "this string is never closed");
            }
            char e = text.charAt(pos++);
            switch (e) {
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case 'u' -> out.append(hex(pos - 2));
                default -> throw error(pos - 2, "unknown escape '\\" + e + "' in a string");
            }
        }
    }

    private char hex(int escapeAt) {
        if (pos + 4 > text.length()) {
            throw error(escapeAt, "\\u needs four hex digits");
        }
        int value = 0;
        for (int k = 0; k < 4; k++) {
            int digit = Character.digit(text.charAt(pos + k), 16);
            if (digit < 0) {
                throw error(escapeAt, "\\u needs four hex digits");
            }
            value = value * 16 + digit;
        }
        pos += 4;
        return (char) value;
    }

    private Keyword keyword() {
        int start = pos++;
        if (pos < text.length() && text.charAt(pos) == ':') {
            throw error(start, "'::' keywords are Clojure's, not EDN");
        }
        String name = token();
        if (name.isEmpty()) {
            throw error(start, "a ':' with no keyword name after it");
        }
        if (!Symbol.validName(name)) {
            throw error(start, "':" + shorten(name) + "' is not a keyword");
        }
        return new Keyword(name);
    }

    private Character character() {
        int start = pos++;
        if (pos >= text.length()) {
            throw error(start, "a '\\' with no character after it");
        }
        char first = text.charAt(pos++);
        String name = first + token();
        if (name.length() == 1) {
            return first;
        }
        switch (name) {
            case "newline":
                return '\n';
            case "space":
                return ' ';
            case "tab":
                return '\t';
            case "return":
                return '\r';
            case "formfeed":
                return '\f';
            case "backspace":
                return '\b';
            default:
                if (name.length() == 5 && name.charAt(0) == 'u') {
                    pos = start + 2;
                    return hex(start);
                }
                throw error(start, "'\\" + shorten(name) + "' is not a character");
        }
    }

    private Object atom() {
        int start = pos;
        String token = token();
        if (token.isEmpty()) {
            throw error(start, "unexpected " + describe(start));
        }
        char first = token.charAt(0);
        boolean numeric = first >= '0' && first <= '9'
                || (first == '+' || first == '-') && token.length() > 1 && token.charAt(1) >= '0' && token.charAt(1) <= '9';
        if (numeric) {
            return number(token, start);
        }
        switch (token) {
            case "nil":
                return null;
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            default:
                if (!Symbol.validName(token)) {
                    throw error(start, "'" + shorten(token) + "' is not EDN");
                }
                return new Symbol(token);
        }
    }

    private Object number(String token, int start) {
        if (token.length() > NUMBER_CHARS_MAX) {
            throw error(start, "a number longer than " + NUMBER_CHARS_MAX + " characters");
        }
        if (INTEGER.matcher(token).matches()) {
            String digits = token.endsWith("N") ? token.substring(0, token.length() - 1) : token;
            return Values.canonical(new BigInteger(digits), "a number");
        }
        if (FLOAT.matcher(token).matches()) {
            double d = Double.parseDouble(token);
            if (Double.isInfinite(d)) {
                throw error(start, "'" + token + "' is too large for a float");
            }
            return d;
        }
        throw error(start, "'" + shorten(token) + "' is not a number EDN knows (integers, 3N, floats such as 1.5e3)");
    }

    /** The longest run of symbol characters from here (possibly empty). */
    private String token() {
        int start = pos;
        while (pos < text.length() && tokenChar(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private static boolean tokenChar(char c) {
        return c > ' ' && "()[]{}\",;\\".indexOf(c) < 0 && c != 0x7f;
    }

    private static boolean symbolStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private String describe(int at) {
        if (at >= text.length()) {
            return "the end of the input";
        }
        char c = text.charAt(at);
        return c < ' ' || c == 0x7f ? String.format("character U+%04X", (int) c) : "'" + c + "'";
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
