package dev.quorum.scrape.extract;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns fetched bytes into text the way browsers decide the encoding: a byte order mark, then the charset of the
 * Content-Type header, then a {@code <meta>} declaration in the first 4 KiB (unless the bytes are plainly UTF-8),
 * else UTF-8. Bytes that do not decode
 * become U+FFFD; decoding never fails.
 *
 * <p>As in the WHATWG encoding standard, a label Java does not know is ignored rather than trusted, and
 * ISO-8859-1 and US-ASCII mean windows-1252, because pages that say latin-1 routinely use its curly quotes.
 */
final class CharsetSniffer {

    static final int PRESCAN_BYTES = 4096;

    private static final Pattern HEADER_CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([^\"';,\\s]+)", Pattern.CASE_INSENSITIVE);
    // One pattern serves both <meta charset="x"> and <meta http-equiv="Content-Type" content="text/html; charset=x">.
    private static final Pattern META_CHARSET = Pattern.compile("<meta\\b[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private CharsetSniffer() {
    }

    static String decode(byte[] body, Optional<String> contentType) {
        Optional<Bom> bom = Bom.of(body);
        if (bom.isPresent()) {
            int skip = bom.get().length;
            return new String(body, skip, body.length - skip, bom.get().charset);
        }
        // new String(...) replaces malformed and unmappable input instead of throwing.
        return new String(body, charset(body, contentType));
    }

    /** The charset the bytes declare, ignoring a BOM. */
    private static Charset charset(byte[] body, Optional<String> contentType) {
        return contentType.flatMap(CharsetSniffer::headerCharset)
                // Most pages declare UTF-8: then there is nothing to check, and the check decodes the whole page.
                .or(() -> metaCharset(body).map(declared -> declared.equals(StandardCharsets.UTF_8) || isMultiByteUtf8(body)
                        ? StandardCharsets.UTF_8 : declared))
                .orElse(StandardCharsets.UTF_8);
    }

    /**
     * Whether the bytes are valid UTF-8 with at least one multi-byte sequence. Text in a legacy encoding almost
     * never is; a page saved or converted to UTF-8 with its old {@code <meta charset=gb2312>} left in place is.
     */
    private static boolean isMultiByteUtf8(byte[] body) {
        boolean multiByte = false;
        for (byte b : body) {
            if (b < 0) {
                multiByte = true;
                break;
            }
        }
        if (!multiByte) {
            return false;
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException notUtf8) {
            return false;
        }
    }

    private static Optional<Charset> headerCharset(String contentType) {
        Matcher m = HEADER_CHARSET.matcher(contentType);
        return m.find() ? forLabel(m.group(1)) : Optional.empty();
    }

    private static Optional<Charset> metaCharset(byte[] body) {
        // Every charset a meta tag can sensibly declare is ASCII-compatible, so reading the prescan as latin-1 is exact.
        String head = new String(body, 0, Math.min(body.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        if (!m.find()) {
            return Optional.empty();
        }
        // A page that could be read as ASCII to find this tag is not UTF-16, whatever it says (WHATWG prescan rule).
        return forLabel(m.group(1)).map(c -> c.name().startsWith("UTF-16") ? StandardCharsets.UTF_8 : c);
    }

    private static Optional<Charset> forLabel(String label) {
        try {
            Charset charset = Charset.forName(label.strip());
            boolean latin1 = charset.equals(StandardCharsets.ISO_8859_1) || charset.equals(StandardCharsets.US_ASCII);
            return Optional.of(latin1 ? WINDOWS_1252 : charset);
        } catch (IllegalArgumentException unknownOrIllegalName) {
            return Optional.empty();
        }
    }

    private enum Bom {
        UTF_8(StandardCharsets.UTF_8, 0xEF, 0xBB, 0xBF),
        UTF_16BE(StandardCharsets.UTF_16BE, 0xFE, 0xFF),
        UTF_16LE(StandardCharsets.UTF_16LE, 0xFF, 0xFE);

        final Charset charset;
        final int length;
        private final int[] marks;

        Bom(Charset charset, int... marks) {
            this.charset = charset;
            this.marks = marks;
            this.length = marks.length;
        }

        static Optional<Bom> of(byte[] body) {
            for (Bom bom : values()) {
                if (bom.startsOf(body)) {
                    return Optional.of(bom);
                }
            }
            return Optional.empty();
        }

        private boolean startsOf(byte[] body) {
            if (body.length < marks.length) {
                return false;
            }
            for (int i = 0; i < marks.length; i++) {
                if ((body[i] & 0xFF) != marks[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
