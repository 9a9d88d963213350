package dev.quorum.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.not;

import dev.quorum.scrape.extract.TestPdf;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ExtractApiTest {

    private static final String HTML = "<html lang=\"en\"><head><title>Fencing tokens | Example Blog</title>"
            + "<meta property=\"og:site_name\" content=\"Example Blog\"><meta name=\"author\" content=\"Ada Lovelace\"><meta property=\"article:published_time\" content=\"2021-05-19T10:00:00Z\">"
            + "</head><body><nav>Home · Archive · About</nav><article><h1>Fencing tokens</h1>"
            + "<p>A lease expires, but the old holder does not know it yet; a fencing token lets the storage refuse its late writes.</p>"
            + "<p>Every grant of the lock comes with a number that only grows, and the storage remembers the largest it has seen.</p>"
            + "<script>alert('never text')</script></article><footer>Subscribe to our newsletter</footer></body></html>";

    @Test
    void extractsHtml() {
        given().contentType("text/html; charset=utf-8").header("X-Source-Url", "https://example.com/fencing")
                .body(HTML).post("/api/v1/extract")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("title", equalTo("Fencing tokens"))
                .body("author", equalTo("Ada Lovelace"))
                .body("published", containsString("2021-05-19"))
                .body("language", equalTo("en"))
                .body("excerpt", equalTo("A lease expires, but the old holder does not know it yet; a fencing token lets the storage refuse its late writes."))
                .body("text", containsString("fencing token lets the storage refuse"))
                .body("text", not(containsString("never text")))
                .body("text", not(containsString("newsletter")))
                .body("wordCount", greaterThan(30));
    }

    @Test
    void extractsPdf() {
        byte[] pdf = new TestPdf().page("Metastable failures persist after their trigger is gone.").page("Retries keep the load high.").bytes();
        given().contentType("application/pdf").body(pdf).post("/api/v1/extract")
                .then().statusCode(200)
                .body("text", containsString("Metastable failures"))
                .body("pageCount", equalTo(2));
    }

    @Test
    void refusesWhatItCannotRead() {
        given().contentType("application/pdf").body("not a pdf at all".getBytes()).post("/api/v1/extract")
                .then().statusCode(422).body("status", equalTo(422));
        given().contentType("text/html").body(new byte[0]).post("/api/v1/extract")
                .then().statusCode(400).body("message", containsString("empty body"));
        given().contentType("image/png").body(new byte[] {1, 2, 3}).post("/api/v1/extract")
                .then().statusCode(415).body("status", equalTo(415));
        given().contentType("text/html").header("X-Source-Url", "javascript:alert(1)").body(HTML).post("/api/v1/extract")
                .then().statusCode(400).body("message", containsString("X-Source-Url"));
        given().contentType("text/html").body(new byte[ExtractApi.MAX_BYTES + 1]).post("/api/v1/extract")
                .then().statusCode(413).body("status", equalTo(413));
        given().contentType("text/html").body(new byte[12 * 1024 * 1024]).post("/api/v1/extract")
                .then().statusCode(413).contentType(ContentType.JSON).body("status", equalTo(413));
    }
}
