package dev.quorum;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a bare socket, for tests that must send what no HTTP client would: malformed request lines, bad
 * %-encoding, oversized chunked bodies. Send {@code Connection: close}; the answer is read until the server closes.
 */
public final class RawHttp {

    /** A status (-1 when the answer had no header block), headers with lower-case names, and the de-chunked body. */
    public record Answer(int status, Map<String, String> headers, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private RawHttp() {
    }

    /** Sends {@code request} as it is and reads the answer until the server closes the connection. */
    public static Answer send(URL base, byte[] request) throws IOException {
        return send(base.getHost(), base.getPort(), request);
    }

    /** Sends {@code request} as it is to host:port and reads the answer until the server closes the connection. */
    public static Answer send(String host, int port, byte[] request) throws IOException {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException e) {
                // The server may answer and close before reading all of a large body; the answer is still there.
            }
            byte[] raw = socket.getInputStream().readAllBytes();
            return parse(raw);
        }
    }

    private static Answer parse(byte[] raw) throws IOException {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return new Answer(-1, Map.of(), raw);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int k = 1; k < lines.length; k++) {
            int colon = lines[k].indexOf(':');
            headers.put(lines[k].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[k].substring(colon + 1).trim());
        }
        byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(new ByteArrayInputStream(body));
        }
        return new Answer(status, headers, body);
    }

    private static byte[] dechunk(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            StringBuilder size = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                if (c != '\r') {
                    size.append((char) c);
                }
            }
            String hex = size.toString().split(";")[0].trim();
            if (hex.isEmpty() || c == -1) {
                return out.toByteArray();
            }
            int n = Integer.parseInt(hex, 16);
            if (n == 0) {
                return out.toByteArray();
            }
            out.write(in.readNBytes(n));
            in.read();
            in.read();
        }
    }
}
