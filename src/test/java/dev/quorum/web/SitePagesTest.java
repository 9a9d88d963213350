package dev.quorum.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.quorum.catalog.CanonicalUrl;
import dev.quorum.catalog.Resource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SitePagesTest {

    @Test
    void homeSaysWhatQuorumIsAndListsKindsAndLatest() {
        given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("curated knowledge base for people learning distributed systems"))
                .body(containsString("href=\"/kinds/paper\""))
                .body(containsString("Latest additions"))
                .body(containsString("Maelstrom"));
    }

    @Test
    void aKindPageListsItsResources() {
        given().get("/kinds/course").then().statusCode(200)
                .body(containsString("CSE138 (Distributed Systems) lectures, Spring 2021"))
                .body(containsString("System Design"))
                .body(not(containsString("Jepsen")));
        given().get("/kinds/article?page=2").then().statusCode(200)
                .body(containsString("Page 2 of 2"))
                .body(containsString("rel=\"prev\""));
    }

    @Test
    void aResourcePageShowsItsFacts() {
        String id = CanonicalUrl.of("https://habr.com/ru/post/322876/").resourceId();
        given().get("/resources/" + id).then().statusCode(200)
                .body(containsString("Страх и ненависть в распределённых системах"))
                .body(containsString("href=\"https://habr.com/ru/post/322876/\""))
                .body(containsString("Russian"))
                .body(containsString("habr.com"))
                .body(containsString("<dt>Kind</dt><dd><a href=\"/kinds/article\">article</a></dd>"));
    }

    @Test
    void unknownPagesGetARealNotFoundPage() {
        given().accept("text/html").get("/no/such/page").then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("Page not found"))
                .body(containsString("href=\"/\""));
        given().get("/resources/nope").then().statusCode(404).body(containsString("there is no resource"));
        given().get("/kinds/podcast").then().statusCode(404).body(containsString("there is no kind"));
        given().get("/kinds/article?page=0").then().statusCode(400).contentType(containsString("text/html"));
    }

    @Test
    void titlesAndDescriptionsAreEscapedEverywhere() {
        String hostile = "<script>alert('owned')</script>";
        Resource r = new Resource();
        r.id = "0badc0ffee00";
        r.canonicalUrl = "https://example.com/escape-test";
        r.url = "https://example.com/escape-test?\"><script>alert(2)</script>";
        r.title = "Title " + hostile;
        r.description = "Description <img src=x onerror=alert(1)>";
        r.kind = "video";
        r.language = "en";
        r.domain = "example.com";
        r.section = "Section <b>bold</b>";
        r.sourceFile = "escape-test.md";
        r.sourceLine = 1;
        r.firstSeenAt = r.lastSeenAt = r.updatedAt = Instant.now().plusSeconds(3600);
        QuarkusTransaction.requiringNew().run(r::persist);
        try {
            for (String page : new String[] {"/resources/" + r.id, "/kinds/video", "/"}) {
                given().get(page).then().statusCode(200)
                        .body(not(containsString("<script>alert")))
                        .body(not(containsString("<img src=x")))
                        .body(not(containsString("<b>bold")))
                        .body(containsString("Title &lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt;"));
            }
        } finally {
            QuarkusTransaction.requiringNew().run(() -> Resource.deleteById(r.id));
        }
    }

    @Test
    void servesItsStylesheet() {
        given().get("/css/site.css").then().statusCode(200).contentType(containsString("text/css"));
    }
}
