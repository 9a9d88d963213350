package dev.quorum.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * A reader's query in the language people already know from web search: words, {@code "exact
 * phrases"}, {@code -excluded} words or phrases, and {@code OR} between alternatives. Every other
 * character is text: there is no syntax to get wrong, so parsing never fails.
 *
 * <p>Bounded by construction: at most {@link #CLAUSES_MAX} clauses (the rest are ignored) and
 * {@link #PHRASE_WORDS_MAX} words a phrase, so no input builds an expensive query.
 */
public record UserQuery(List<Group> groups, List<Part> excluded) {

    /** The longest query the API accepts, in characters. */
    public static final int LENGTH_MAX = 500;
    /** Words and phrases in all, alternatives and exclusions included: keeps every plan under Lucene's clause limit. */
    public static final int CLAUSES_MAX = 10;
    public static final int PHRASE_WORDS_MAX = 8;

    /** A word or a quoted phrase, as the reader typed it (never empty). */
    public record Part(String text, boolean phrase) {
        @Override
        public String toString() {
            // A word the reader quoted so that it is not an exclusion stays quoted, or it would read back as one.
            boolean excludes = !phrase && text.length() > 1 && text.charAt(0) == '-' && text.charAt(1) != '-';
            return phrase || excludes ? "\"" + text + "\"" : text;
        }
    }

    /** One positive clause: a single part, or alternatives joined by OR (any of them may match). */
    public record Group(List<Part> alternatives) {
        boolean isSinglePhrase() {
            return alternatives.size() == 1 && alternatives.get(0).phrase();
        }
    }

    public UserQuery {
        groups = List.copyOf(groups);
        excluded = List.copyOf(excluded);
    }

    public boolean isEmpty() {
        return groups.isEmpty();
    }

    /** The query written back in its own syntax, normalised: what the reader sees as "you searched for". */
    @Override
    public String toString() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            List<Part> alternatives = groups.get(i).alternatives();
            // The word "OR" alone at either end reads back as a word; anywhere else it could be the operator.
            boolean atAnEnd = alternatives.size() == 1 && (i == 0 || i == groups.size() - 1);
            List<String> shown = new ArrayList<>();
            for (int k = 0; k < alternatives.size(); k++) {
                Part part = alternatives.get(k);
                boolean orWord = !part.phrase() && part.text().equals("OR") && !atAnEnd;
                // After OR, a word starting with '-' ends the alternatives unless quoted.
                boolean dashed = k > 0 && !part.phrase() && part.text().startsWith("-");
                shown.add(orWord || dashed ? "\"" + part.text() + "\"" : part.toString());
            }
            out.add(String.join(" OR ", shown));
        }
        for (Part part : excluded) {
            boolean dashed = !part.phrase() && part.text().startsWith("-"); // "--x" would read back as a word
            out.add("-" + (dashed ? "\"" + part.text() + "\"" : part.toString()));
        }
        return String.join(" ", out);
    }

    public static UserQuery parse(String input) {
        return new Parser(clean(input)).parse();
    }

    /** NFKC, control and format characters to spaces, and never longer than {@link #LENGTH_MAX}. */
    static String clean(String input) {
        if (input == null) {
            return "";
        }
        String text = input.length() > LENGTH_MAX * 2 ? input.substring(0, LENGTH_MAX * 2) : input;
        text = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            boolean invisible = type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.PRIVATE_USE || type == Character.UNASSIGNED;
            out.appendCodePoint(invisible || Character.isWhitespace(cp) ? ' ' : cp);
        });
        String cleaned = out.toString().strip();
        if (cleaned.length() > LENGTH_MAX) {
            int end = LENGTH_MAX;
            if (Character.isHighSurrogate(cleaned.charAt(end - 1))) {
                end--;
            }
            cleaned = cleaned.substring(0, end);
        }
        return cleaned;
    }

    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        UserQuery parse() {
            List<Group> groups = new ArrayList<>();
            List<Part> excluded = new ArrayList<>();
            List<Part> pendingOr = null;
            int parts = 0;
            while (parts < CLAUSES_MAX) {
                skipSpaces();
                if (pos >= text.length()) {
                    break;
                }
                boolean negated = false;
                if (text.charAt(pos) == '-' && pos + 1 < text.length() && !Character.isWhitespace(text.charAt(pos + 1))
                        && text.charAt(pos + 1) != '-') {
                    negated = true;
                    pos++;
                }
                int before = pos;
                boolean quoted = text.charAt(pos) == '"';
                Part part = quoted ? phrase() : word();
                if (pos == before) {
                    pos++; // cannot happen by the rules above; a bound all the same
                }
                if (part == null) {
                    continue;
                }
                if (negated) {
                    excluded.add(part);
                    parts++;
                    continue;
                }
                if (!quoted && part.text().equals("OR") && !groups.isEmpty() && nextIsOperand()) {
                    Group last = groups.remove(groups.size() - 1);
                    pendingOr = new ArrayList<>(last.alternatives());
                    continue;
                }
                parts++;
                if (pendingOr != null) {
                    pendingOr.add(part);
                    groups.add(new Group(pendingOr));
                    pendingOr = null;
                } else {
                    groups.add(new Group(List.of(part)));
                }
            }
            return new UserQuery(groups, excluded);
        }

        /** "OR" is an operator only between two operands; "OR" at the ends is the word "or". */
        private boolean nextIsOperand() {
            int p = pos;
            while (p < text.length() && Character.isWhitespace(text.charAt(p))) {
                p++;
            }
            return p < text.length() && text.charAt(p) != '-';
        }

        private Part phrase() {
            pos++; // opening quote
            int end = text.indexOf('"', pos);
            String inner = end < 0 ? text.substring(pos) : text.substring(pos, end);
            pos = end < 0 ? text.length() : end + 1;
            String[] words = inner.strip().split("\\s+");
            if (words.length == 0 || words[0].isEmpty()) {
                return null;
            }
            int count = Math.min(words.length, PHRASE_WORDS_MAX);
            String joined = String.join(" ", java.util.Arrays.copyOf(words, count));
            return count == 1 ? new Part(joined, false) : new Part(joined, true);
        }

        private Part word() {
            int start = pos;
            while (pos < text.length() && !Character.isWhitespace(text.charAt(pos)) && text.charAt(pos) != '"') {
                pos++;
            }
            return pos == start ? null : new Part(text.substring(start, pos), false);
        }

        private void skipSpaces() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }
    }
}
