package dev.quorum.web;

import dev.quorum.content.ContentFixtures;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.quorum.catalog.CanonicalUrl;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class ResourceApiTest {

    @Test
    void listsTheWholeReadingList() {
        given().when().get("/api/v1/resources?size=100")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("total", equalTo(ContentFixtures.realEntryCount()))
                .body("page", equalTo(1))
                .body("size", equalTo(100))
                .body("items", hasSize(ContentFixtures.realEntryCount()))
                .body("items[0].title", equalTo("Distributed consensus made simple (for real this time!)"))
                .body("items[0].kind", equalTo("article"))
                .body("items[0].language", equalTo("en"))
                .body("items[0].section", equalTo("Articles"))
                .body("items.id", everyItem(notNullValue()))
                .body("items.url", everyItem(startsWith("http")));
    }

    @Test
    void pagesWithDefaults() {
        given().get("/api/v1/resources").then().statusCode(200)
                .body("page", equalTo(1)).body("size", equalTo(20)).body("items", hasSize(20)).body("total", equalTo(ContentFixtures.realEntryCount()));
        int total = ContentFixtures.realEntryCount();
        int lastPage = (total + 19) / 20;
        given().get("/api/v1/resources?page=" + lastPage + "&size=20").then().statusCode(200)
                .body("items", hasSize(total - (lastPage - 1) * 20));
        given().get("/api/v1/resources?page=99").then().statusCode(200).body("items", hasSize(0)).body("total", equalTo(ContentFixtures.realEntryCount()));
    }

    @Test
    void filtersByKindAndLanguage() {
        given().get("/api/v1/resources?lang=ru&size=100").then().statusCode(200)
                .body("total", equalTo(4)).body("items.language", everyItem(equalTo("ru")));
        given().get("/api/v1/resources?kind=paper&size=100").then().statusCode(200)
                .body("total", equalTo(14)).body("items.kind", everyItem(equalTo("paper")));
        given().get("/api/v1/resources?kind=COURSE&lang=en").then().statusCode(200)
                .body("total", equalTo(5));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "page=0 | parameter 'page' must be between 1 and 1000000, got 0",
            "page=-1 | parameter 'page' must be between 1 and 1000000, got -1",
            "page=abc | parameter 'page' must be an integer between 1 and 1000000",
            "size=0 | parameter 'size' must be between 1 and 100, got 0",
            "size=101 | parameter 'size' must be between 1 and 100, got 101",
            "size=99999999999999999999 | parameter 'size' must be an integer between 1 and 100",
            "kind=podcast | parameter 'kind' must be one of: article, paper, book, video, course, repository, list",
            "lang=english1 | parameter 'lang' must be an ISO 639-1 code such as 'en' or 'ru'",
    })
    void refusesBadParametersWithAJsonError(String query, String message) {
        given().get("/api/v1/resources?" + query)
                .then().statusCode(400).contentType(ContentType.JSON)
                .body("status", equalTo(400))
                .body("error", equalTo("Bad Request"))
                .body("message", equalTo(message));
    }

    @Test
    void getsOneResource() {
        String id = CanonicalUrl.of("https://arxiv.org/abs/1802.07000").resourceId();
        given().get("/api/v1/resources/" + id).then().statusCode(200)
                .body("id", equalTo(id))
                .body("url", equalTo("https://arxiv.org/abs/1802.07000"))
                .body("title", equalTo("CASPaxos: Replicated State Machines without logs"))
                .body("kind", equalTo("paper"))
                .body("domain", equalTo("arxiv.org"));
    }

    @Test
    void anUnknownIdIsAJson404() {
        given().get("/api/v1/resources/does-not-exist").then().statusCode(404).contentType(ContentType.JSON)
                .body("status", equalTo(404)).body("error", equalTo("Not Found"))
                .body("message", equalTo("no resource with id 'does-not-exist'"));
        given().get("/api/v1/no-such-endpoint").then().statusCode(404).contentType(ContentType.JSON)
                .body("status", equalTo(404));
    }

    @Test
    void oddIdsAreNotFoundNotServerErrors() {
        for (String id : new String[] {"%00", "abc%00def", "%E2%82%AC", "x".repeat(3000), "..%2F..%2Fetc"}) {
            given().urlEncodingEnabled(false).get("/api/v1/resources/" + id).then().statusCode(404);
            given().urlEncodingEnabled(false).get("/api/v1/topics/" + id).then().statusCode(404);
            given().urlEncodingEnabled(false).get("/resources/" + id).then().statusCode(404);
            given().urlEncodingEnabled(false).get("/topics/" + id).then().statusCode(404);
            given().urlEncodingEnabled(false).header("Authorization", "Bearer test-admin-token")
                    .post("/api/v1/admin/scrape/" + id).then().statusCode(404);
        }
    }

    @Test
    void aWrongMethodIsAJson405() {
        given().delete("/api/v1/resources").then().statusCode(405).contentType(ContentType.JSON).body("status", equalTo(405));
    }

    @Test
    void publishesOpenApiAndSwaggerUi() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/api/v1/resources/{id}"))
                .body(containsString("/api/v1/admin/ingest"))
                .body("paths.'/api/v1/admin/ingest'.post.responses.'422'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/IngestReport"));
        given().redirects().follow(false).get("/q/swagger-ui/").then().statusCode(302).header("Location", "/api-docs/");
        given().get("/q/swagger-ui/swagger-ui-bundle.js").then().statusCode(200);
        given().get("/api-docs/").then().statusCode(200);
    }
}
