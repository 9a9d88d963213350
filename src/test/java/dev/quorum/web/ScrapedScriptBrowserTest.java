package dev.quorum.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorum.catalog.CanonicalUrl;
import dev.quorum.catalog.Resource;
import dev.quorum.scrape.FixtureServer;
import dev.quorum.scrape.ScrapeFixtures;
import dev.quorum.scrape.ScrapeQueue;
import dev.quorum.scrape.ScrapeWorker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A scraped page full of scripts (script elements, on* handlers, javascript: and data: links, iframe srcdoc, SVG
 * script, meta refresh) is extracted into a resource's text and title, and every page that shows them (the resource
 * page, search results with their highlights, the API read in the browser) runs none of it in real Chromium: no
 * payload set its global or called the fixture server, no element carries an on* attribute or a javascript: link,
 * and the console stays clean (the base class checks it after the test).
 */
@QuarkusTest
class ScrapedScriptBrowserTest extends AbstractBrowserTest {

    private static final String FIXTURE_FILE = "scraped-script-fixture.md";
    private static final String WORD = "zyzzogeton";

    @Inject
    ScrapeQueue queue;

    @Inject
    ScrapeWorker worker;

    @Inject
    EntityManager em;

    private FixtureServer server;

    @Override
    String diagram() {
        return "body";
    }

    @BeforeEach
    void start() throws IOException {
        server = ScrapeFixtures.server();
        ScrapeFixtures.parkEveryJob(em); // only this test's resources are due
    }

    @AfterEach
    void stop() {
        if (server == null) {
            return; // the browser was missing: the test was skipped before it started anything
        }
        server.close();
        QuarkusTransaction.requiringNew().run(() -> {
            for (String table : List.of("scrape_snapshot", "scrape_job")) {
                em.createNativeQuery("DELETE FROM " + table + " WHERE resource_id IN (SELECT id FROM resource WHERE source_file = ?1)")
                        .setParameter(1, FIXTURE_FILE).executeUpdate();
            }
            em.createNativeQuery("DELETE FROM resource WHERE source_file = ?1").setParameter(1, FIXTURE_FILE).executeUpdate();
        });
    }

    /** Each payload, run, would set window.__pwned_N or fetch /hit/N from the fixture server. */
    private String hostilePage() {
        String hit = server.url("/hit/");
        String prose = (" " + WORD + " replicas agree on one value when a majority of acceptors accept it, and Paxos keeps"
                + " that value chosen across crashes and lost messages.").repeat(12);
        return "<!doctype html><html><head><title>" + WORD + " &lt;img src=x onerror=window.__pwned_t=1&gt;"
                + " <script>window.__pwned_title=1</script></title>"
                + "<meta http-equiv=\"refresh\" content=\"0;url=" + hit + "refresh\">"
                + "<script>window.__pwned_1=1;fetch('" + hit + "1')</script></head>"
                + "<body onload=\"window.__pwned_2=1\"><article><h1>" + WORD + " &lt;script&gt;window.__pwned_3=1&lt;/script&gt;</h1>"
                + "<p>" + prose + " <img src=\"" + hit + "img\" onerror=\"window.__pwned_4=1\"></p>"
                + "<p>Read <a href=\"javascript:window.__pwned_5=1\">this " + WORD + " link</a> and"
                + " <a href=\"data:text/html,<script>parent.__pwned_6=1</script>\">that one</a>. " + prose + "</p>"
                + "<p onclick=\"window.__pwned_7=1\" onmouseover=\"window.__pwned_8=1\">&lt;img src=x onerror=\"window.__pwned_9=1\"&gt; "
                + "&lt;svg onload=window.__pwned_10=1&gt; " + WORD + " javascript:window.__pwned_11=1 " + prose + "</p>"
                + "<iframe srcdoc=\"<script>parent.__pwned_12=1;fetch('" + hit + "12')</script>\"></iframe>"
                + "<svg><script>window.__pwned_13=1</script><a href=\"javascript:window.__pwned_14=1\"><text>x</text></a></svg>"
                + "<object data=\"data:text/html,<script>parent.__pwned_15=1</script>\"></object>"
                + "<p>&lt;/mark&gt;&lt;script&gt;window.__pwned_16=1&lt;/script&gt; " + prose + "</p>"
                + "</article></body></html>";
    }

    private String scrapedResource() {
        server.page("/hostile", 200, "text/html; charset=utf-8", hostilePage());
        String url = server.url("/hostile");
        CanonicalUrl canonical = CanonicalUrl.of(url);
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("DELETE FROM scrape_snapshot WHERE resource_id = ?1").setParameter(1, canonical.resourceId()).executeUpdate();
            em.createNativeQuery("DELETE FROM scrape_job WHERE resource_id = ?1").setParameter(1, canonical.resourceId()).executeUpdate();
            Resource.deleteById(canonical.resourceId());
            Resource r = new Resource();
            r.id = canonical.resourceId();
            r.canonicalUrl = canonical.value();
            r.url = url;
            r.title = WORD + " <script>window.__pwned_17=1</script> <img src=x onerror=window.__pwned_18=1>";
            r.kind = "article";
            r.language = "en";
            r.domain = "127.0.0.1";
            r.sourceFile = FIXTURE_FILE;
            r.sourceLine = 1;
            r.firstSeenAt = r.lastSeenAt = r.updatedAt = Instant.now();
            r.persist();
        });
        assertTrue(queue.enqueue(canonical.resourceId()));
        assertTrue(worker.runOnce("test-worker"));
        return canonical.resourceId();
    }

    @Test
    void scrapedScriptsNeverRunInAReadersBrowser() {
        String id = scrapedResource();
        String text = given().get("/api/v1/resources/" + id).then().statusCode(200).extract().asString();
        assertTrue(text.contains(WORD), "the scraped text is served: " + text.substring(0, Math.min(300, text.length())));
        int hitsAfterScrape = hits();

        visit("resources/" + id);
        visit("api/v1/resources/" + id);
        wait.until(d -> given().queryParam("q", WORD).get("/api/v1/search").asString().contains(id));
        visit("search?q=" + WORD);
        visit("search?q=" + WORD + "+script+onerror+javascript");

        assertEquals(hitsAfterScrape, hits(), "a payload called the fixture server: " + server.requests());
    }

    private int hits() {
        return (int) server.requests().stream().filter(r -> r.contains("/hit/")).count();
    }

    private void visit(String path) {
        driver.get(base + path);
        wait.until(d -> !d.findElements(By.cssSelector("body")).isEmpty());
        Object pwned = js("return Object.keys(window).filter(k => k.startsWith('__pwned'));");
        assertEquals(List.of(), pwned, path + ": payloads ran");
        // The payloads in the title are shown as text (escaped), so the title may quote them; none is an element.
        assertEquals(0L, js("return document.querySelectorAll('script:not([src]):not([type=\"application/json\"])').length;"),
                path + ": an inline script element reached the page");
        Object handlers = js("return Array.from(document.querySelectorAll('*')).flatMap(e => Array.from(e.attributes)"
                + ".filter(a => a.name.startsWith('on') || /^\\s*(javascript|data):/i.test(a.value)).map(a => e.tagName + ' ' + a.name + '=' + a.value));");
        assertEquals(List.of(), handlers, path + ": elements with handlers or script links");
        assertEquals(0L, js("return document.querySelectorAll('iframe[srcdoc], object, embed, " + "svg script').length;"), path);
        assertTrue(driver.getCurrentUrl().startsWith(base.toString()), "navigated away: " + driver.getCurrentUrl());
    }
}
