package dev.quorum.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.catalog.CanonicalUrl;
import dev.quorum.catalog.Resource;
import dev.quorum.search.SearchIndex;
import dev.quorum.search.SearchRequest;
import dev.quorum.search.SearchResult;
import dev.quorum.search.SearchService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class SearchPagesTest {

    private static final String LOGICAL_CLOCKS = CanonicalUrl.of("https://brunocalza.me/getting-to-know-logical-clocks-by-implementing-them/").resourceId();

    @Inject
    SearchService search;

    @Inject
    ObjectMapper json;

    @BeforeEach
    void indexIsCurrent() throws InterruptedException {
        assertTrue(search.awaitIndexed(Duration.ofSeconds(30)), "the index caught up with the catalog");
    }

    @Test
    void rendersResultsWithHighlightedSnippets() {
        given().get("/search?q=vector clocks").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<title>vector clocks – Search · Quorum</title>"))
                .body(containsString("<meta name=\"robots\" content=\"noindex\">"))
                .body(containsString("value=\"vector clocks\""))
                .body(containsString("results for “vector clocks”"))
                .body(containsString("<mark>"))
                .body(containsString("href=\"https://brunocalza.me/getting-to-know-logical-clocks-by-implementing-them/\" rel=\"noopener"))
                .body(containsString("<a class=\"details\" href=\"/resources/" + LOGICAL_CLOCKS + "\">details</a>"))
                .body(containsString("<a href=\"/topics/time-and-clocks\">Time and clocks</a>"));
        given().get("/search?q=clocks&kind=topic").then().statusCode(200)
                .body(containsString("<a class=\"title\" href=\"/topics/time-and-clocks\" lang=\"en\">Time and clocks</a>"));
    }

    @Test
    void facetsAreLinksThatAddAndRemoveFilters() {
        given().get("/search?q=distributed&page=2").then().statusCode(200)
                .body(containsString("<a href=\"/search?q=distributed&amp;topic=consensus\">Consensus <span class=\"count\">"))
                .body(containsString("<a href=\"/search?q=distributed&amp;kind=topic\">Topics <span class=\"count\">"))
                .body(containsString("<a href=\"/search?q=distributed&amp;kind=article\">Articles <span class=\"count\">"))
                .body(containsString("<a href=\"/search?q=distributed&amp;lang=en\">English <span class=\"count\">"))
                .body(not(containsString("aria-current=\"true\"")));
        given().get("/search?q=clocks&topic=time-and-clocks").then().statusCode(200)
                .body(containsString("<a href=\"/search?q=clocks\" aria-current=\"true\">Time and clocks <span class=\"count\">"))
                .body(containsString("<a class=\"facet-remove\" href=\"/search?q=clocks\">Remove filter: Time and clocks</a>"))
                .body(containsString("<a href=\"/search?q=clocks&amp;topic=time-and-clocks&amp;kind=article\">Articles"))
                .body(containsString("<input type=\"hidden\" name=\"topic\" value=\"time-and-clocks\">"));
    }

    @Test
    void paginatesWithAWindowAndKeepsTheParameters() {
        given().get("/search?q=distributed").then().statusCode(200)
                .body(containsString("<a href=\"/search?q=distributed\" aria-current=\"page\">1</a>"))
                .body(containsString("<a href=\"/search?q=distributed&amp;page=2\">2</a>"))
                .body(containsString("<span class=\"gap\">…</span>"))
                .body(containsString("rel=\"next\" href=\"/search?q=distributed&amp;page=2\""))
                .body(not(containsString("rel=\"prev\"")));
        given().get("/search?q=distributed&lang=en&page=2").then().statusCode(200)
                .body(containsString("<ol class=\"search-hits\" start=\"11\">"))
                .body(containsString("rel=\"prev\" href=\"/search?q=distributed&amp;lang=en\""))
                .body(containsString("rel=\"next\" href=\"/search?q=distributed&amp;lang=en&amp;page=3\""))
                .body(containsString("aria-current=\"page\">2</a>"));
        given().get("/search?q=distributed&page=99").then().statusCode(200)
                .body(containsString("Go to the first page"));
    }

    @Test
    void offersABetterSpellingAsALink() {
        given().get("/search?q=lamprt clocks").then().statusCode(200)
                .body(containsString("Did you mean <a href=\"/search?q=lamport+clocks\">lamport clocks</a>?"));
        given().get("/search?q=lamprt clocks&kind=article").then().statusCode(200)
                .body(containsString("Did you mean <a href=\"/search?q=lamport+clocks&amp;kind=article\">lamport clocks</a>?"))
                .body(containsString("Few pages have your words as typed: showing results for a near spelling."));
        // Words spelt right that no page has together: the page says the results have only some of them.
        given().get("/search?q=gossip+byzantine+fsync+lamport").then().statusCode(200)
                .body(containsString("Few pages have all of your words: showing pages with some of them."));
    }

    @Test
    void anEmptySearchIsALandingPageWithExamples() {
        given().get("/search").then().statusCode(200)
                .body(containsString("<title>Search · Quorum</title>"))
                .body(containsString("href=\"/search?q=vector+clocks\""))
                .body(not(containsString("noindex")))
                .body(not(containsString("search-hit")));
        given().get("/search?kind=paper").then().statusCode(200)
                .body(containsString("noindex"))
                .body(containsString("search-hit"));
    }

    @Test
    void noResultsSuggestsWhatToTry() {
        given().get("/search?q=qqzzxxwwnothing&kind=video").then().statusCode(200)
                .body(containsString("No results for “qqzzxxwwnothing”"))
                .body(containsString("Nothing matched “qqzzxxwwnothing” with these filters."))
                .body(containsString("<a class=\"facet-remove\" href=\"/search?q=qqzzxxwwnothing\">Kind: Videos</a>"))
                .body(containsString("href=\"/topics\""));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "page=0 | parameter 'page' must be between 1 and 100, got 0",
            "page=101 | parameter 'page' must be between 1 and 100, got 101",
            "page=x | parameter 'page' must be an integer between 1 and 100",
            "page=99999999999 | parameter 'page' must be an integer",
            "kind=blog | parameter 'kind' must be 'topic' or one of",
            "lang=english | parameter 'lang' must be an ISO 639-1 code",
            "topic=Not A Slug | parameter 'topic' must be a topic slug",
    })
    void refusesParametersOutOfRangeWithTheErrorPage(String query, String message) {
        given().get("/search?q=raft&" + query).then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("HTTP 400"))
                .body(containsString(message.replace("'", "&#39;")))
                .body(containsString("id=\"site-search\""));
        given().queryParam("q", "a".repeat(501)).get("/search").then().statusCode(400)
                .body(containsString("at most 500 characters"));
    }

    @Test
    void theResultSizeIsNotAParameter() {
        String html = given().get("/search?q=distributed&size=1000").then().statusCode(200).extract().asString();
        assertEquals(SearchPages.SIZE, count(html, "<li class=\"search-hit\">"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/topics/consensus", "/topics", "/kinds/paper", "/resources/07d38954b2d4", "/search?q=raft",
            "/search", "/no/such/page"})
    void everyPageHasTheSearchBoxInItsHeader(String page) {
        {
            String html = given().get(page).then().extract().asString();
            int header = html.indexOf("<header");
            int form = html.indexOf("<form class=\"site-search\" role=\"search\" aria-label=\"Search Quorum\" action=\"/search\" method=\"get\">");
            assertTrue(header >= 0 && form > header && form < html.indexOf("</header>"), page + ": search form in the header");
            assertTrue(html.contains("<label class=\"visually-hidden\" for=\"site-search\">Search Quorum</label>"), page);
            assertTrue(html.contains("<input type=\"search\" name=\"q\" id=\"site-search\" autocomplete=\"off\""), page);
            assertTrue(html.contains("<script type=\"module\" src=\"/js/search.js\"></script>"), page);
        }
    }

    @Test
    void servesTheScript() {
        given().get("/js/search.js").then().statusCode(200).contentType(containsString("javascript"))
                .body(containsString("role\", \"combobox\""));
    }

    @Test
    void hostileDataAndQueriesCannotInjectMarkup() throws InterruptedException {
        Resource r = new Resource();
        r.id = "0badc0ffee01";
        r.canonicalUrl = "https://example.com/search-escape-test";
        r.url = "javascript:alert(document.cookie)//";
        r.title = "Quorumhostile <script>alert('owned')</script> title";
        r.description = "Quorumhostile snippet <img src=x onerror=alert(1)> and <mark>fake</mark> </p><script>alert(3)</script>";
        r.kind = "article";
        r.language = "en";
        r.domain = "example.com";
        r.sourceFile = "escape-test.md";
        r.sourceLine = 1;
        r.firstSeenAt = r.lastSeenAt = r.updatedAt = Instant.now();
        QuarkusTransaction.requiringNew().run(r::persist);
        try {
            assertTrue(search.awaitIndexed(Duration.ofSeconds(10)));
            String html = given().get("/search?q=quorumhostile").then().statusCode(200).extract().asString();
            assertTrue(html.contains("Quorumhostile &lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt; title"), "title escaped");
            assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"), "snippet escaped");
            assertFalse(html.contains("<mark>fake"), "only the index's own <mark> survives");
            assertTrue(html.contains("&lt;mark&gt;fake&lt;&#x2F;mark&gt;"), "the fake mark is shown as text");
            assertFalse(html.contains("<img"), "no image from data");
            assertFalse(html.contains("javascript:"), "no javascript: link from data");
            assertTrue(html.contains("<a class=\"title\" href=\"/resources/0badc0ffee01\""), "an unsafe URL falls back to our page");
            assertEquals(1, count(html, "<script"), "the only script is our own");

            String hostileQuery = "\"><script>alert(1)</script><img src=x onerror=alert(2)>";
            String echo = given().queryParam("q", hostileQuery).get("/search").then().statusCode(200).extract().asString();
            assertEquals(1, count(echo, "<script"));
            assertFalse(echo.contains("<img"));
            assertTrue(echo.contains("value=\"&quot;&gt;&lt;script&gt;"));
            assertTrue(echo.contains("<title>&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> Resource.deleteById(r.id));
            search.awaitIndexed(Duration.ofSeconds(10));
        }
    }

    @Test
    void whileTheIndexIsBuiltTheSearchPageSaysSoWith503() throws Exception {
        SearchPages pages = new SearchPages();
        pages.json = json;
        pages.search = new SearchService() {
            @Override
            public SearchResult search(SearchRequest request) {
                throw new SearchIndex.IndexNotReadyException();
            }
        };
        Response answer = QuarkusTransaction.requiringNew().call(() -> pages.search("raft <b>", null, "paper", null, null));
        assertEquals(503, answer.getStatus());
        assertEquals("2", answer.getHeaderString("Retry-After"));
        String html = ((TemplateInstance) answer.getEntity()).render();
        assertTrue(html.contains("Search is warming up"), html);
        assertTrue(html.contains("try again in a few seconds") || html.contains("Try again in a few seconds"));
        assertTrue(html.contains("href=\"/search?q=raft+%3Cb%3E&amp;kind=paper\""), "retry link keeps the search");
        assertTrue(html.contains("value=\"raft &lt;b&gt;\""));
    }

    private static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
