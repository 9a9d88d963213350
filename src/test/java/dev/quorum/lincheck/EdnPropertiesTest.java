package dev.quorum.lincheck;

import static dev.quorum.ForAll.check;
import static dev.quorum.ForAll.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorum.ForAll;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The EDN history reader on any text: it reads a history or throws {@link MalformedHistory} with a line, a column
 * and a reason, never anything else; and the writer and the reader are inverses on generated histories whose
 * values are of every type EDN has here (nil, integers small and big, doubles, strings with any character,
 * characters, booleans, keywords, symbols, vectors, sets and maps, nested).
 */
class EdnPropertiesTest {

    private static final Edn.Limits LIMITS = new Edn.Limits(200_000, 5_000);
    private static final String[] FORMS = {
        "{", "}", "[", "]", "(", ")", "#{", "#_", "#inst ", "#uuid ", "#foo ", "\"", "\\", "\\newline", "\\u00", ":", ":type",
        ":invoke", ":ok", ":fail", ":info", ":process", ":f", ":value", ":index", ":time", ":nemesis", "nil", "true", "1", "-0",
        "1.5e308", "1e999", "3N", "1M", "0x10", "'", "`", "~@", "^", ";", "\n", " ", ",", "\u0000", "\u00e9", "\ud800", "😀",
    };

    @Test
    void anyTextReadsOrIsMalformedWithAPosition() {
        check(16_501, 1_500, r -> {
            switch (r.nextInt(3)) {
                case 0:
                    return ForAll.anyString(r, 200);
                case 1: {
                    byte[] bytes = new byte[r.nextInt(300)];
                    r.nextBytes(bytes);
                    return new String(bytes, StandardCharsets.UTF_8);
                }
                default:
                    return ForAll.joined(r, 60, x -> oneOf(x, FORMS) + (x.nextBoolean() ? " " : ""));
            }
        }, text -> {
            Model<?> model = text.length() % 2 == 0 ? Register.empty() : new KeyValueMap();
            try {
                History h = Edn.read(text, LIMITS, model);
                assertEquals(h, Edn.read(Edn.write(h), LIMITS, model));
            } catch (MalformedHistory e) {
                assertTrue(e.line() >= 1 && e.column() >= 1 && !e.reason().isBlank(), e::getMessage);
            }
        });
    }

    @Test
    void writingThenReadingGivesTheSameHistory() {
        check(16_502, 400, EdnPropertiesTest::history, h -> {
            String text = Edn.write(h);
            History back = Edn.read(text, LIMITS);
            assertEquals(h, back);
            assertEquals(text, Edn.write(back));
        });
    }

    /** Up to 40 operations over up to 4 processes, each completing ok, fail or info or left pending. */
    private static History history(SplittableRandom r) {
        HistoryBuilder b = History.builder();
        int processes = 1 + r.nextInt(4);
        boolean[] open = new boolean[processes];
        int ops = r.nextInt(40);
        for (int i = 0; i < ops; i++) {
            int p = r.nextInt(processes);
            Object process = p == 3 ? Keyword.of("nemesis-ish") : (Object) (long) p;
            if (!open[p]) {
                b.invoke(process, oneOf(r, "read", "write", "cas", "txn", "add"), value(r, 0));
            } else {
                switch (r.nextInt(3)) {
                    case 0:
                        b.ok(process, value(r, 0));
                        break;
                    case 1:
                        b.fail(process, value(r, 0));
                        break;
                    default:
                        b.info(process, value(r, 0));
                }
            }
            open[p] = !open[p];
        }
        return b.build();
    }

    private static Object value(SplittableRandom r, int depth) {
        switch (r.nextInt(depth < 3 ? 14 : 10)) {
            case 0:
                return null;
            case 1:
                return r.nextLong();
            case 2:
                return BigInteger.valueOf(r.nextLong()).multiply(BigInteger.TEN.pow(1 + r.nextInt(30)));
            case 3:
                return oneOf(r, 0.0, -0.0, 1.5, -2.25e-300, 1e300, Double.MIN_VALUE, r.nextDouble());
            case 4:
                return validString(r);
            case 5:
                return (char) (0x20 + r.nextInt(0xd000));
            case 6:
                return r.nextBoolean();
            case 7:
                return Keyword.of(name(r));
            case 8:
                return new Symbol(name(r));
            case 9:
                return (long) r.nextInt(5);
            case 10: {
                List<Object> list = new ArrayList<>();
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    list.add(value(r, depth + 1));
                }
                return list;
            }
            case 11: {
                Set<Object> set = new LinkedHashSet<>();
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    set.add((long) r.nextInt(100));
                }
                return set;
            }
            default: {
                Map<Object, Object> map = new LinkedHashMap<>();
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    map.put(Keyword.of(name(r)), value(r, depth + 1));
                }
                return map;
            }
        }
    }

    /** Any characters but lone surrogate halves, which no UTF-8 file can hold. */
    private static String validString(SplittableRandom r) {
        StringBuilder s = new StringBuilder();
        int n = r.nextInt(12);
        for (int i = 0; i < n; i++) {
            int cp = r.nextInt(4) == 0 ? r.nextInt(0x20) : r.nextInt(0x110000);
            s.appendCodePoint(cp >= 0xd800 && cp <= 0xdfff ? '"' : cp);
        }
        return s.toString();
    }

    private static String name(SplittableRandom r) {
        StringBuilder s = new StringBuilder().append((char) ('a' + r.nextInt(26)));
        int n = r.nextInt(8);
        for (int i = 0; i < n; i++) {
            s.append("abcxyz09-_*?!".charAt(r.nextInt(13)));
        }
        return s.toString();
    }
}
