package dev.quorum.search;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Query strings a fuzzer would try: Lucene syntax, quotes, escapes, control characters, odd Unicode, huge inputs. */
public final class HostileQueries {

    private static final String[] PIECES = {
        "\"", "\"\"", "\\", "\\\"", "*", "?", "~", "~2", ":", "title:", "body.en:x", "^", "^10", "(", ")", "[", "]", "{", "}",
        "!", "&&", "||", "-", "--", "+", "/", "/.*/", "OR", "AND", "NOT", "or", "-\"", "\"-", " OR ", "OR OR", "-OR",
        "\u0000", "\u0001", "\u0007", "\u001b[31m", "\u007f", "\u200b", "\u200e", "\u202e", "\ufeff", "\ufffd",
        "e\u0301", "😀", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "ﬁ", "Ⅻ", "ё", "Ё", "распределённые", "系统", "مرحبا", "<script>", "</mark>", "&amp;",
        "%00", "%", "'", ";", "--", "/*", "*/", "$", "${x}", "{#if}", "\t", "\n", "\r\n", " ", "  ",
        "vector", "clocks", "paxos", "raft", "consensus", "a", "the", "to", "be", "1", "12345678901234567890",
    };

    private HostileQueries() {
    }

    /** {@code count} strings from a fixed seed, so a failure names a reproducible input. */
    public static List<String> generate(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> out = new ArrayList<>(count);
        out.add("");
        out.add("a".repeat(10_000));
        out.add("\"".repeat(10_000));
        out.add("-".repeat(5_000) + "x");
        out.add("OR ".repeat(3_000));
        out.add("x~".repeat(400));
        out.add("\"a b c d e f g h i j k l m n o p q r s t u v w x y z\"");
        out.add(String.join(" ", java.util.Collections.nCopies(200, "word")));
        while (out.size() < count) {
            StringBuilder q = new StringBuilder();
            int parts = 1 + random.nextInt(12);
            for (int i = 0; i < parts; i++) {
                if (random.nextInt(10) == 0) {
                    q.appendCodePoint(random.nextInt(0x30000)); // any code point, unassigned ones included
                } else {
                    q.append(PIECES[random.nextInt(PIECES.length)]);
                }
                if (random.nextBoolean()) {
                    q.append(' ');
                }
            }
            out.add(q.toString());
        }
        return out;
    }

    /** A query as a failure message may print it: control and non-ASCII characters as \\uXXXX, at most {@code max} code points. */
    public static String shown(String query, int max) {
        StringBuilder out = new StringBuilder();
        query.codePoints().limit(max).forEach(cp -> out.append(cp < 32 || cp > 126 ? String.format("\\u%04x", cp) : Character.toString(cp)));
        return out.toString();
    }
}
