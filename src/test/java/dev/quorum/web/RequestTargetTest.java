package dev.quorum.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.RawHttp;
import dev.quorum.RawHttp.Answer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A request target that is not a valid URI gets a 400 that says what is wrong (issue 16, item 4), where Quarkus on its
 * own answers an empty one before any route runs.
 */
@QuarkusTest
class RequestTargetTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL base;

    @Test
    void validTargetsPass() {
        for (String target : new String[] {"/", "/search?q=lamport+clocks", "/search?q=%7C%22", "/api/v1/search?q=caf%C3%A9",
                "/topics/time-and-clocks#x", "/a;b=1", "/api/v1/search?q=100%25", "*", "/café"}) {
            assertNull(RequestTarget.problem(target), target);
        }
    }

    @Test
    void eachProblemNamesTheCharacterAndItsEscape() {
        assertEquals("character 11 of the request target starts a %-escape without two hex digits after it: write a literal % as %25",
                RequestTarget.problem("/search?q=%zz"));
        assertEquals("character 3 of the request target starts a %-escape without two hex digits after it: write a literal % as %25",
                RequestTarget.problem("/a%2"));
        assertEquals("character 19 of the request target, '|', may not appear in a URI: write it as %7C",
                RequestTarget.problem("/api/v1/search?q=a|b"));
        assertEquals("character 3 of the request target, '{', may not appear in a URI: write it as %7B", RequestTarget.problem("/a{b}"));
        assertEquals("character 3 of the request target, '<', may not appear in a URI: write it as %3C", RequestTarget.problem("/a<script>"));
        assertEquals("character 2 of the request target, U+0001, may not appear in a URI: write it as %01", RequestTarget.problem("/\u0001"));
        assertEquals("the request has no target", RequestTarget.problem(""));
        assertEquals("the request has no target", RequestTarget.problem(null));
    }

    @Test
    void aPageAnswersTheErrorPageWithTheReasonEscaped() throws Exception {
        Answer a = get("/search?q=<script>alert(1)</script>");
        assertEquals(400, a.status());
        assertTrue(a.headers().get("content-type").startsWith("text/html"), a.headers().toString());
        String page = a.text();
        assertTrue(page.contains("character 11 of the request target, &#39;&lt;&#39;, may not appear in a URI: write it as %3C")
                || page.contains("character 11 of the request target, &#x27;&lt;&#x27;, may not appear in a URI: write it as %3C"), page);
        assertFalse(page.contains("<script>alert"), page);
        // the refusal carries the headers every response does
        assertEquals(HttpPolicy.CSP, a.headers().get("content-security-policy"));
        assertEquals("nosniff", a.headers().get("x-content-type-options"));
    }

    @Test
    void theApiAnswersItsJsonError() throws Exception {
        for (String target : new String[] {"/api/v1/search?q=a|b", "/api/v1/x%zz", "/api/v1/topics/{slug}"}) {
            Answer a = get(target);
            assertEquals(400, a.status(), target);
            assertTrue(a.headers().get("content-type").startsWith("application/json"), target + ": " + a.headers());
            JsonNode error = JSON.readTree(a.body());
            assertEquals(400, error.path("status").asInt(), target);
            assertEquals("Bad Request", error.path("error").asText(), target);
            assertTrue(error.path("message").asText().startsWith("character "), target + ": " + error);
        }
    }

    @Test
    void aBadEscapeInThePathIsA400NotTheRoutersFailure() throws Exception {
        // Past Quarkus's own check, a path like this one made the static-file route throw: a 500.
        for (String target : new String[] {"/%zz", "/topics/%", "/static/%g0.css"}) {
            Answer a = get(target);
            assertEquals(400, a.status(), target);
            assertTrue(a.text().contains("%-escape without two hex digits"), target + ": " + a.text());
        }
    }

    @Test
    void aHeadRequestGetsTheStatusWithoutABody() throws Exception {
        Answer a = RawHttp.send(base, "HEAD /a{b} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(400, a.status());
        assertEquals(0, a.body().length);
    }

    private Answer get(String target) throws Exception {
        String request = "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
        return RawHttp.send(base, request.getBytes(StandardCharsets.UTF_8));
    }
}
