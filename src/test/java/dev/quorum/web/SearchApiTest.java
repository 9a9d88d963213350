package dev.quorum.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorum.catalog.CanonicalUrl;
import dev.quorum.search.SearchService;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class SearchApiTest {

    private static final String LOGICAL_CLOCKS = CanonicalUrl.of("https://brunocalza.me/getting-to-know-logical-clocks-by-implementing-them/").resourceId();

    @Inject
    SearchService search;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void indexIsCurrent() throws InterruptedException {
        assertTrue(search.awaitIndexed(Duration.ofSeconds(30)), "the index caught up with the catalog");
    }

    @Test
    void answersInTheDocumentedShape() {
        given().get("/api/v1/search?q=vector clocks").then().statusCode(200).contentType(ContentType.JSON)
                .body("query", equalTo("vector clocks"))
                .body("total", greaterThan(0))
                .body("page", equalTo(1))
                .body("size", equalTo(10))
                .body("tookMs", notNullValue())
                .body("hits.id", hasItem(LOGICAL_CLOCKS))
                .body("hits[0].title", notNullValue())
                .body("hits[0].url", notNullValue())
                .body("hits[0].kind", notNullValue())
                .body("hits[0].language", notNullValue())
                .body("hits[0].topics", notNullValue())
                .body("hits[0].score", greaterThan(0f))
                .body("hits.snippet", hasItem(containsString("<mark>")))
                .body("facets", hasKey("topic"))
                .body("facets", hasKey("kind"))
                .body("facets", hasKey("language"))
                .body("facets.topic.value", hasItem("time-and-clocks"))
                .body("didYouMean", nullValue())
                .body("fuzzy", equalTo(false))
                .body("widened", nullValue());
    }

    @Test
    void topicsAreSearchableDocumentsToo() {
        given().get("/api/v1/search?q=clocks&kind=topic").then().statusCode(200)
                .body("hits[0].id", equalTo("time-and-clocks"))
                .body("hits[0].url", equalTo("/topics/time-and-clocks"))
                .body("hits.kind", everyItem(equalTo("topic")));
    }

    @Test
    void aFilterNarrowsHitsButNotItsOwnFacet() {
        Response all = given().get("/api/v1/search?q=distributed&size=100");
        Response papers = given().get("/api/v1/search?q=distributed&kind=paper&size=100");
        papers.then().statusCode(200).body("hits.kind", everyItem(equalTo("paper")))
                .body("facets.kind.value", hasItem("article"));
        assertEquals(all.<Object>path("facets.kind"), papers.<Object>path("facets.kind"), "kind counts ignore the kind filter");
        assertTrue(papers.<Integer>path("total") < all.<Integer>path("total"));
    }

    @Test
    void russianQueryFindsRussianArticles() {
        given().get("/api/v1/search?q=распределённая система").then().statusCode(200)
                .body("hits.language", everyItem(equalTo("ru")))
                .body("total", greaterThan(1));
        given().get("/api/v1/search?q=система&lang=ru").then().statusCode(200).body("hits.language", everyItem(equalTo("ru")));
    }

    @Test
    void misspeltQueryGetsResultsAndASpelling() {
        given().get("/api/v1/search?q=lamprt clocks").then().statusCode(200)
                .body("didYouMean", equalTo("lamport clocks"))
                .body("fuzzy", equalTo(true))
                .body("widened", equalTo("respelt"));
        given().get("/api/v1/search?q=metastabel failures").then().statusCode(200)
                .body("total", greaterThan(0))
                .body("didYouMean", equalTo("metastable failures"));
    }

    @Test
    void theOpenApiDocumentDescribesTheResponses() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/search'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/SearchResponse"))
                .body("paths.'/api/v1/suggest'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/SuggestResponse"))
                .body("components.schemas.SearchResponse.properties.keySet()",
                        hasItems("query", "total", "hits", "facets", "didYouMean", "fuzzy", "widened"))
                .body("components.schemas.SearchResponse.properties.widened.enum",
                        hasItems("respelt", "near-spellings", "some-words"))
                .body("components.schemas.SuggestResponse.properties.keySet()", hasItems("query", "suggestions"));
    }

    @Test
    void revalidatesWithETag() {
        Response first = given().get("/api/v1/search?q=consensus");
        String etag = first.header("ETag");
        first.then().statusCode(200).header("Cache-Control", containsString("no-cache"));
        given().header("If-None-Match", etag).get("/api/v1/search?q=consensus").then().statusCode(304);
        given().header("If-None-Match", etag).get("/api/v1/search?q=paxos").then().statusCode(200);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "size=0 | parameter 'size' must be between 1 and 100, got 0",
            "size=101 | parameter 'size' must be between 1 and 100, got 101",
            "size=x | parameter 'size' must be an integer between 1 and 100",
            "page=0 | parameter 'page' must be between 1 and 100, got 0",
            "page=11&size=100 | parameter 'page' must be between 1 and 10, got 11",
            "kind=blog | parameter 'kind' must be 'topic' or one of",
            "lang=english | parameter 'lang' must be an ISO 639-1 code",
            "topic=Not A Slug | parameter 'topic' must be a topic slug",
    })
    void refusesParametersOutOfRange(String query, String message) {
        given().get("/api/v1/search?q=raft&" + query).then().statusCode(400).contentType(ContentType.JSON)
                .body("status", equalTo(400)).body("message", containsString(message));
    }

    @Test
    void refusesOverlongQueries() {
        given().queryParam("q", "a".repeat(501)).get("/api/v1/search").then().statusCode(400)
                .body("message", containsString("at most 500 characters"));
        given().queryParam("q", "a".repeat(101)).get("/api/v1/suggest").then().statusCode(400);
    }

    @Test
    void suggestsTitlesAndTopicsAsYouType() {
        given().get("/api/v1/suggest?q=clo").then().statusCode(200)
                .body("query", equalTo("clo"))
                .body("suggestions.size()", lessThanOrEqualTo(8))
                .body("suggestions[0].text", equalTo("Time and clocks"))
                .body("suggestions[0].type", equalTo("topic"))
                .body("suggestions[0].url", equalTo("/topics/time-and-clocks"))
                .body("suggestions[0].highlight", equalTo("Time and <mark>clo</mark>cks"));
        given().get("/api/v1/suggest?q=").then().statusCode(200).body("suggestions.size()", equalTo(0));
    }

    @Test
    void aNewSnapshotIsSearchableOnceIndexed() throws Exception {
        String word = "quorumfixtureword" + System.nanoTime() % 100000;
        given().get("/api/v1/search?q=" + word).then().statusCode(200).body("total", equalTo(0));
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO scrape_snapshot (resource_id, fetched_at, status, final_url, text, duration_ms)
                VALUES (?, now() + interval '1 minute', 'ok', 'https://example.org/', ?, 1)""")) {
            ps.setString(1, LOGICAL_CLOCKS);
            ps.setString(2, "A page about clocks that mentions " + word + " once.");
            ps.executeUpdate();
        }
        assertTrue(search.awaitIndexed(Duration.ofSeconds(10)));
        Response found = given().get("/api/v1/search?q=" + word);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM scrape_snapshot WHERE text LIKE ?")) {
            ps.setString(1, "%" + word + "%");
            ps.executeUpdate();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO index_outbox (doc_type, doc_id) VALUES ('resource', ?)")) {
            ps.setString(1, LOGICAL_CLOCKS);
            ps.executeUpdate();
        }
        assertTrue(search.awaitIndexed(Duration.ofSeconds(10)));
        List<String> ids = found.path("hits.id");
        assertEquals(List.of(LOGICAL_CLOCKS), ids, "the word from the scraped text finds its resource");
        given().get("/api/v1/search?q=" + word).then().body("total", equalTo(0));
    }

    @Test
    void emptyQueryBrowsesByTitle() {
        given().get("/api/v1/search?topic=consensus&size=100").then().statusCode(200)
                .body("total", greaterThan(3))
                .body("hits.topics", everyItem(hasItem("consensus")))
                .body("hits.snippet", everyItem(not(containsString("<mark>"))));
    }

    @Test
    void operatorsCanSeeAndRebuildTheIndexWhileSearchesGoOn() throws Exception {
        String admin = "Bearer test-admin-token";
        String before = given().header("Authorization", admin).get("/api/v1/admin/search").then().statusCode(200)
                .body("ready", equalTo(true)).body("documents", greaterThan(50)).extract().path("generation");
        given().get("/api/v1/admin/search").then().statusCode(401);
        given().header("Authorization", admin).post("/api/v1/admin/search/rebuild").then().statusCode(202)
                .body("rebuild", equalTo("queued"));
        String after = before;
        for (int i = 0; i < 300 && after.equals(before); i++) {
            given().get("/api/v1/search?q=consensus").then().statusCode(200).body("total", greaterThan(0));
            Thread.sleep(100);
            after = given().header("Authorization", admin).get("/api/v1/admin/search").path("generation");
        }
        assertTrue(!after.equals(before), "a new generation replaced " + before);
        given().get("/api/v1/search?q=consensus").then().statusCode(200).body("total", greaterThan(0));
    }

    @Test
    void aPageHoldsAtMostSizeHitsAndPagesDoNotOverlap() {
        List<String> first = given().get("/api/v1/search?q=distributed systems&size=3").then().statusCode(200)
                .body("hits.size()", equalTo(3)).extract().path("hits.id");
        List<String> second = given().get("/api/v1/search?q=distributed systems&size=3&page=2").then().statusCode(200)
                .body("hits.size()", equalTo(3)).extract().path("hits.id");
        List<String> both = given().get("/api/v1/search?q=distributed systems&size=6").then().extract().path("hits.id");
        assertEquals(both.subList(0, 3), first);
        assertEquals(both.subList(3, 6), second);
    }
}
