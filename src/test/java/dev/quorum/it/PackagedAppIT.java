package dev.quorum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorum.RawHttp;
import dev.quorum.RawHttp.Answer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built app as a new user starts it: no database configured (so its own embedded PostgreSQL), the seed content.
 * What only the packaged app shows: {@code platform.Main} runs, so an invalid request target reaches
 * {@code web.RequestTarget} and gets a 400 with a body instead of Quarkus's empty one.
 */
class PackagedAppIT {

    private static AppProcess app;

    @BeforeAll
    static void start() {
        Path work = AppProcess.workDir("packaged-app");
        app = new AppProcess("app", work.resolve("app"), Map.of("quorum.content.dir", Path.of("content").toAbsolutePath().toString()));
        app.start().awaitReady();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theSeedContentIsServed() {
        AppProcess.Response home = app.get("/");
        assertEquals(200, home.status());
        assertTrue(app.get("/api/v1/topics").json().size() > 0, "no topics");
    }

    @Test
    void anInvalidRequestTargetGetsA400ThatSaysWhy() throws Exception {
        Answer page = raw("/search?q=a|b");
        assertEquals(400, page.status());
        assertTrue(page.text().contains("may not appear in a URI: write it as %7C"), page.text());
        Answer api = raw("/api/v1/search?q=%zz");
        assertEquals(400, api.status());
        assertTrue(api.headers().get("content-type").startsWith("application/json"), api.headers().toString());
        assertTrue(api.text().contains("\"status\":400") && api.text().contains("%-escape without two hex digits"), api.text());
    }

    private static Answer raw(String target) throws Exception {
        String request = "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
        return RawHttp.send("127.0.0.1", app.port(), request.getBytes(StandardCharsets.US_ASCII));
    }
}
