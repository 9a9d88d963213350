package dev.quorum.catalog;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The identity of a resource: its URL with the differences that never change what it points at removed.
 *
 * <p>Rules: scheme and host lower-cased (IDN hosts in ASCII form), default ports dropped, the fragment
 * dropped, tracking parameters ({@code utm_*}, {@code fbclid}, …) dropped, a trailing slash dropped,
 * percent-escapes upper-cased. Everything else, including query order and the {@code www.} prefix, is
 * kept: some sites really do serve different things there.
 */
public record CanonicalUrl(String value) {

    private static final Set<String> TRACKING_PARAMS = Set.of(
            "fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid",
            "_hsenc", "_hsmkt", "ref_src", "ref_url", "si");
    private static final Pattern PERCENT_ESCAPE = Pattern.compile("%[0-9a-fA-F]{2}");
    private static final int MAX_LENGTH = 2048;

    /** Normalizes {@code raw}, or throws {@link InvalidUrlException} saying what is wrong with it. */
    public static CanonicalUrl of(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidUrlException("missing URL");
        }
        String trimmed = raw.trim();
        if (trimmed.length() > MAX_LENGTH) {
            throw new InvalidUrlException("URL longer than " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new InvalidUrlException("malformed URL '" + trimmed + "': " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null) {
            throw new InvalidUrlException("URL '" + trimmed + "' is not absolute (expected http:// or https://)");
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidUrlException("URL scheme '" + scheme + "' is not allowed (expected http or https)");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidUrlException("URL '" + trimmed + "' carries credentials");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new InvalidUrlException("URL '" + trimmed + "' has no host");
        }
        try {
            host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new InvalidUrlException("URL host '" + host + "' is not a valid domain name");
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);

        StringBuilder out = new StringBuilder(trimmed.length());
        out.append(scheme).append("://").append(host);
        if (!defaultPort) {
            out.append(':').append(port);
        }
        String path = upperCaseEscapes(uri.getRawPath() == null ? "" : uri.getRawPath());
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        out.append(path);
        String query = keptQuery(uri.getRawQuery());
        if (!query.isEmpty()) {
            out.append('?').append(query);
        }
        return new CanonicalUrl(out.toString());
    }

    private static String keptQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (name.startsWith("utm_") || TRACKING_PARAMS.contains(name)) {
                continue;
            }
            kept.add(upperCaseEscapes(pair));
        }
        return String.join("&", kept);
    }

    private static String upperCaseEscapes(String s) {
        Matcher m = PERCENT_ESCAPE.matcher(s);
        StringBuilder sb = new StringBuilder(s.length());
        while (m.find()) {
            m.appendReplacement(sb, m.group().toUpperCase(Locale.ROOT));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** The host, without a leading {@code www.}, as readers expect to see it. */
    public String domain() {
        String host = URI.create(value).getHost();
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    /** A short identifier derived from the URL alone, so that it is the same in every database. */
    public String resourceId() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }

    /** Thrown for input that is not an absolute http(s) URL. */
    public static final class InvalidUrlException extends IllegalArgumentException {
        public InvalidUrlException(String message) {
            super(message);
        }
    }
}
