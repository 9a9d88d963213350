package dev.quorum.web;

import static dev.quorum.ForAll.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.ForAll;
import dev.quorum.RawHttp;
import dev.quorum.RawHttp.Answer;
import dev.quorum.search.SearchService;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Seeded hostile requests over every endpoint: those the app's own OpenAPI document lists, the pages, static files,
 * health, metrics and the API docs. Odd methods; path parameters that are huge, Unicode, %-encoded, traversals or
 * null bytes; query parameters missing, repeated, huge or of the wrong type; bodies of the wrong type, invalid,
 * deeply nested or large; odd Accept, Content-Type, Range and Origin headers; the admin API with and without the
 * token (read-only calls only with it, so no other test's state changes). Sent over a raw socket so that nothing
 * is cleaned up on the way. No answer is a 5xx, and every 4xx has a body, under /api/ the JSON error.
 */
@QuarkusTest
class HttpFuzzTest {

    private static final int REQUESTS = 2_400;
    private static final String TOKEN = "test-admin-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "PROPFIND", "FOO", "get"};
    private static final String[] PATH_VALUES = {
        "1", "0", "-1", "99999999999999999999", "paxos", "consensus", "lamport-clocks", "articles", "x".repeat(5_000), "é",
        "%C3%A9", "%00", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "..", "..%2f..%2f", "%2F", "%25", "%ZZ", "%", "a%20b", "%E2%80%AE",
        "%F0%9F%98%80", "%ED%A0%80", "%C0%AE", ";jsessionid=1", "null", "undefined", "<script>", "%3Cscript%3E", "'", "\"",
        "a.b", "1.0", "1e3", "0x1f", "+1", "%0d%0aSet-Cookie:x", "%u0041", "~", "*",
    };
    private static final String[] QUERY_VALUES = {
        "", "1", "0", "-1", "2147483648", "99999999999999999999", "1.5", "abc", "true", "null", "%00", "%FF", "%", "%E2%80%AE",
        "x".repeat(3_000), "%22", "OR", "paxos", "*", "%3Cscript%3E", "1%2C2", "%20", "+", "[]", "{}", "correct", "none",
        "violation", "en", "articles", "consensus", "1,2,3", "2024-01-01", "-9223372036854775808",
    };
    private static final String[] ACCEPTS = {
        "*/*", "application/json", "text/html", "application/xml", "image/png", "text/event-stream", "application/json;q=0",
        "", "garbage", "*/*;q=abc", "text/*, application/*;q=0.1", "application/edn",
    };
    private static final String[] CONTENT_TYPES = {
        "application/json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
        "application/edn", "text/html", "application/octet-stream", "application/json; charset=ebcdic", "garbage", "",
        "application/xml", "application/json; charset=utf-16",
    };

    /** One endpoint: a method and a path template; for an OpenAPI operation its query and header parameters. */
    record Endpoint(String method, String path, List<String> query) {
    }

    /** The answer: status, headers (lower-case names) and the body as sent. */
    @TestHTTPResource("/")
    URL base;

    @Inject
    SearchService search;

    @Test
    void noRequestGetsA5xxOrAnEmptyError() throws Exception {
        assertTrue(search.awaitIndexed(Duration.ofSeconds(30)));
        List<Endpoint> endpoints = endpoints();
        assertTrue(endpoints.size() >= 30, "endpoints found: " + endpoints);
        SplittableRandom random = new SplittableRandom(16_901);
        List<String> failures = new ArrayList<>();
        TreeSet<String> covered = new TreeSet<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        for (int i = 0; i < REQUESTS; i++) {
            // Every endpoint in turn at first, then at random.
            Endpoint e = i < endpoints.size() * 4 ? endpoints.get(i % endpoints.size()) : endpoints.get(random.nextInt(endpoints.size()));
            String request = request(random, e);
            Answer a = RawHttp.send(base, request.getBytes(StandardCharsets.UTF_8));
            covered.add(e.method() + " " + e.path());
            statuses.merge(a.status(), 1, Integer::sum);
            String problem = problem(request, a);
            if (problem != null) {
                failures.add(problem + " for " + ForAll.shown(request.lines().findFirst().orElse("")));
            }
        }
        assertEquals(endpoints.size(), covered.size());
        assertTrue(statuses.keySet().stream().noneMatch(s -> s >= 500), statuses::toString);
        assertTrue(failures.isEmpty(), failures.size() + " bad answers of " + REQUESTS + " (" + statuses + "), first: "
                + String.join("\n", failures.stream().limit(8).toList()));
    }

    /** A chunked body, which announces no length, over the server's limit: a JSON 413 like an announced one. */
    @Test
    void aChunkedBodyOverTheLimitGetsTheJson413() throws IOException {
        for (String path : List.of("/api/v1/extract", "/api/v1/check/linearizability")) {
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
                    + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[1024 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'a');
            for (int k = 0; k < 12; k++) {
                request.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                request.write(chunk);
                request.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            request.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            Answer a = RawHttp.send(base, request.toByteArray());
            assertEquals(413, a.status(), path);
            assertTrue(a.headers().getOrDefault("content-type", "").startsWith("application/json"), path + ": " + a.headers());
            JsonNode error = JSON.readTree(a.body());
            assertEquals(413, error.path("status").asInt(), path);
            assertTrue(!error.path("message").asText().isBlank(), path);
        }
    }

    private static String problem(String request, Answer a) {
        int status = a.status();
        boolean head = request.startsWith("HEAD ");
        if (status >= 500 || status < 100) {
            return "status " + status + " " + ForAll.shown(new String(a.body(), StandardCharsets.UTF_8));
        }
        if (status < 400 || head) {
            return null;
        }
        if (a.body().length == 0) {
            return "empty " + status;
        }
        String target = request.substring(request.indexOf(' ') + 1);
        // A traversal out of /api/ (/api/%2e%2e/) is a page's path once normalised, and gets the error page.
        boolean leavesApi = target.toLowerCase(Locale.ROOT).contains("%2e") || target.contains("..");
        if (target.startsWith("/api/") && !leavesApi) {
            try {
                JsonNode error = JSON.readTree(a.body());
                if (error.path("status").asInt() != status || error.path("error").asText().isEmpty() || error.path("message").asText().isEmpty()) {
                    return "not the API's error shape: " + status + " " + ForAll.shown(new String(a.body(), StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                return "not JSON: " + status + " " + ForAll.shown(new String(a.body(), StandardCharsets.UTF_8));
            }
        }
        return null;
    }

    private String request(SplittableRandom r, Endpoint e) {
        String method = r.nextInt(6) == 0 ? oneOf(r, METHODS) : e.method();
        StringBuilder target = new StringBuilder();
        for (String segment : e.path().split("/", -1)) {
            if (target.length() > 0 || !segment.isEmpty()) {
                target.append('/');
            }
            target.append(segment.startsWith("{") ? (r.nextInt(5) == 0 ? "" : oneOf(r, PATH_VALUES)) : segment);
        }
        if (target.length() == 0) {
            target.append('/');
        }
        if (r.nextInt(12) == 0) {
            target.append(oneOf(r, "/", "//", "/..", "/%2e%2e/", "?", "#x", "/x", ";x=1", "%00", "/../../etc/passwd"));
        }
        List<String> names = new ArrayList<>(e.query());
        names.addAll(List.of("q", "page", "size", "kind", "lang", "seed", "variant", "topic", "format", "callback"));
        StringBuilder query = new StringBuilder();
        int params = r.nextInt(6);
        for (int k = 0; k < params; k++) {
            String name = r.nextInt(10) == 0 ? oneOf(r, "%00", "", "a[b]", "__proto__", "x".repeat(2_000)) : names.get(r.nextInt(names.size()));
            query.append(query.length() == 0 ? '?' : '&').append(name);
            if (r.nextInt(8) > 0) {
                query.append('=').append(oneOf(r, QUERY_VALUES));
            }
        }
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(query).append(" HTTP/1.1\r\n");
        head.append("Host: localhost\r\nConnection: close\r\n");
        if (r.nextInt(3) > 0) {
            head.append("Accept: ").append(oneOf(r, ACCEPTS)).append("\r\n");
        }
        if (r.nextInt(6) == 0) {
            head.append("Range: ").append(oneOf(r, "bytes=0-10", "bytes=100-0", "bytes=-5", "bytes=0-0,1-1,2-2", "items=1-2", "bytes=99999999999-")).append("\r\n");
        }
        if (r.nextInt(6) == 0) {
            head.append("Origin: ").append(oneOf(r, "https://evil.example", "null", "http://localhost", "file://")).append("\r\n");
        }
        if (r.nextInt(8) == 0) {
            head.append(oneOf(r, "Accept-Language: ;;;\r\n", "If-None-Match: *\r\n", "If-Modified-Since: yesterday\r\n",
                    "X-Forwarded-For: 1.2.3.4, ::1, garbage\r\n", "Accept-Encoding: gzip;q=2, br\r\n", "Cookie: a=" + "b".repeat(3_000) + "\r\n"));
        }
        if (e.path().startsWith("/api/v1/admin")) {
            int roll = r.nextInt(3);
            boolean readOnly = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
            boolean harmless = readOnly || e.path().contains("{id}") && target.indexOf("/scrape/1") < 0 && !target.toString().matches(".*/scrape/\\d+.*");
            if (roll == 0 && harmless) {
                head.append("Authorization: Bearer ").append(TOKEN).append("\r\n");
            } else if (roll == 1) {
                head.append("Authorization: ").append(oneOf(r, "Bearer wrong", "Bearer ", TOKEN, "Basic dGVzdA==", "Bearer " + TOKEN + "x")).append("\r\n");
            }
        }
        String body = "";
        if (!method.equals("GET") && !method.equals("HEAD") || r.nextInt(10) == 0) {
            body = body(r);
            if (r.nextInt(4) > 0) {
                head.append("Content-Type: ").append(oneOf(r, CONTENT_TYPES)).append("\r\n");
            }
            head.append("Content-Length: ").append(body.getBytes(StandardCharsets.UTF_8).length).append("\r\n");
        }
        return head.append("\r\n").append(body).toString();
    }

    private static String body(SplittableRandom r) {
        switch (r.nextInt(9)) {
            case 0:
                return "";
            case 1:
                return "{\"html\": \"<p>hi</p>\", \"url\": \"https://example.org/\"}";
            case 2:
                return "[".repeat(1 + r.nextInt(20_000)) + "]".repeat(r.nextInt(3));
            case 3:
                return "{\"a\":".repeat(1 + r.nextInt(5_000)) + "1" + "}".repeat(r.nextInt(5_000));
            case 4:
                return "{\"history\": \"" + "x".repeat(r.nextInt(200_000)) + "\"}";
            case 5:
                return "{\"model\": \"register\", \"history\": [" + "{\":type\": 1},".repeat(r.nextInt(50)) + "]}";
            case 6:
                return ForAll.anyString(r, 500);
            case 7:
                return "history=" + "%7B".repeat(r.nextInt(2_000)) + "&model=" + oneOf(r, "register", "cas-register", "kv", "x", "");
            default:
                return "{:process 0, :type :invoke, :f :write, :value 1}\n{:process 0, :type :ok, :f :write, :value 1}";
        }
    }

    /** The operations of /q/openapi, then the pages and files it does not list. */
    private List<Endpoint> endpoints() throws IOException {
        Answer doc = RawHttp.send(base, ("GET /q/openapi?format=json HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        assertEquals(200, doc.status());
        JsonNode paths = JSON.readTree(doc.body()).path("paths");
        Map<String, Endpoint> all = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase(Locale.ROOT);
                if (!List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                    continue;
                }
                List<String> query = new ArrayList<>();
                op.getValue().path("parameters").forEach(p -> {
                    if (p.path("in").asText().equals("query")) {
                        query.add(p.path("name").asText());
                    }
                });
                all.put(method + " " + path.getKey(), new Endpoint(method, path.getKey(), query));
            }
        }
        assertTrue(all.keySet().stream().anyMatch(k -> k.startsWith("GET /api/v1/")), "no API in the OpenAPI document: " + all.keySet());
        for (String page : List.of("/", "/topics", "/topics/{slug}", "/kinds/{kind}", "/resources/{id}", "/demos", "/demos/{id}", "/search",
                "/tools/linearizability", "/feed.xml", "/api-docs/", "/api-docs/index.html", "/q/openapi", "/q/health", "/q/health/live",
                "/q/health/ready", "/q/metrics", "/q/swagger-ui", "/favicon.svg", "/css/site.css", "/js/search.js", "/js/demo/viewer.js",
                "/nothing/{x}", "/api/v1/{x}", "/api")) {
            all.putIfAbsent("GET " + page, new Endpoint("GET", page, List.of()));
        }
        all.putIfAbsent("POST /tools/linearizability", new Endpoint("POST", "/tools/linearizability", List.of()));
        return new ArrayList<>(all.values());
    }

    /** One request on its own connection; the whole answer, a chunked body decoded. */
}
