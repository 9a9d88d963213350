package dev.quorum;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A property checked on generated inputs: try {@code k} draws its input from {@code new SplittableRandom(seed + k)},
 * so a failure names the one seed that reproduces it, with the input as the generator made it.
 *
 * <p>A seeded generator rather than a property-testing library: the inputs here are built from domain pieces
 * (Markdown lines, query syntax, EDN forms, HTML) where random structure finds more than shrinking would.
 */
public final class ForAll {

    private ForAll() {
    }

    /** Checks {@code property} on {@code tries} inputs; returns how many were checked (all of them, or it threw). */
    public static <T> int check(long seed, int tries, Function<SplittableRandom, T> generator, Consumer<T> property) {
        for (int k = 0; k < tries; k++) {
            T input = generator.apply(new SplittableRandom(seed + k));
            try {
                property.accept(input);
            } catch (AssertionError | RuntimeException | StackOverflowError e) {
                throw new AssertionError("property failed on try " + k + " (seed " + (seed + k) + ") for input " + shown(input)
                        + ": " + e, e);
            }
        }
        return tries;
    }

    /** An input as a failure message prints it: control and non-ASCII characters as \\uXXXX, cut at 400 characters. */
    public static String shown(Object input) {
        String s = String.valueOf(input);
        StringBuilder out = new StringBuilder();
        s.codePoints().limit(400).forEach(cp -> out.append(cp < 32 || cp > 126 ? String.format("\\u%04x", cp) : Character.toString(cp)));
        return (s.length() > 400 ? out + "… (" + s.length() + " chars)" : out.toString());
    }

    /** One of {@code options}. */
    @SafeVarargs
    public static <T> T oneOf(SplittableRandom random, T... options) {
        return options[random.nextInt(options.length)];
    }

    /** Up to {@code max} pieces drawn by {@code piece}, joined. */
    public static String joined(SplittableRandom random, int max, Function<SplittableRandom, String> piece) {
        StringBuilder out = new StringBuilder();
        int n = random.nextInt(max + 1);
        for (int i = 0; i < n; i++) {
            out.append(piece.apply(random));
        }
        return out.toString();
    }

    /** A string of up to {@code max} code points, any of them (unassigned, surrogate halves and controls included). */
    public static String anyString(SplittableRandom random, int max) {
        StringBuilder out = new StringBuilder();
        int n = random.nextInt(max + 1);
        for (int i = 0; i < n; i++) {
            switch (random.nextInt(4)) {
                case 0:
                    out.append((char) random.nextInt(0x80));
                    break;
                case 1:
                    out.append((char) random.nextInt(0x10000));
                    break;
                case 2:
                    out.appendCodePoint(random.nextInt(0x110000));
                    break;
                default:
                    out.append(oneOf(random, ' ', '\n', '\t', '\r', '\u0000', '\u00a0', '\u2028', '\ufeff'));
            }
        }
        return out.toString();
    }

    /** One edit that may break anything: delete, insert, overwrite, duplicate a slice, truncate, swap lines, repeat, CRLF. */
    /** {@code text} with two of its lines (perhaps the same one) swapped. */
    public static String swapLines(SplittableRandom random, String text) {
        String[] lines = text.split("\n", -1);
        int a = random.nextInt(lines.length);
        int b = random.nextInt(lines.length);
        String t = lines[a];
        lines[a] = lines[b];
        lines[b] = t;
        return String.join("\n", lines);
    }

    public static String mutate(SplittableRandom random, String text, String[] pieces) {
        int at = text.isEmpty() ? 0 : random.nextInt(text.length());
        int end = Math.min(text.length(), at + random.nextInt(400));
        String piece = pieces[random.nextInt(pieces.length)];
        switch (random.nextInt(8)) {
            case 0:
                return text.substring(0, at) + text.substring(end);
            case 1:
                return text.substring(0, at) + piece + text.substring(at);
            case 2:
                return text.substring(0, at) + piece + text.substring(end);
            case 3:
                return text.substring(0, end) + text.substring(at, end) + text.substring(end);
            case 4:
                return text.substring(0, at);
            case 5:
                return swapLines(random, text);
            case 6:
                return text.substring(0, at) + piece.repeat(1 + random.nextInt(2_000)) + text.substring(at);
            default:
                return text.replace("\n", "\r\n");
        }
    }
}
