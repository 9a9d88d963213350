package dev.quorum.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import dev.quorum.search.SearchService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Health for load balancers and Prometheus metrics for operators, as docs/operations.md describes them. */
@QuarkusTest
class ObservabilityTest {

    @Inject
    SearchService search;

    @Test
    void readinessCoversTheDatabaseTheIndexTheContentAndTheScrapeQueue() throws InterruptedException {
        search.awaitIndexed(Duration.ofSeconds(30));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("content", "search-index", "scrape-queue", "Database connections health check"))
                .body("checks.find { it.name == 'search-index' }.data.documents", notNullValue())
                .body("checks.find { it.name == 'search-index' }.data.lagMs", notNullValue())
                .body("checks.find { it.name == 'scrape-queue' }.data.jobs", notNullValue());
    }

    @Test
    void metricsHaveRouteHistogramsSearchLatencyIndexLagAndDemoRuns() throws InterruptedException {
        search.awaitIndexed(Duration.ofSeconds(30));
        given().get("/api/v1/topics").then().statusCode(200);
        given().get("/api/v1/search?q=paxos").then().statusCode(200);
        given().get("/api/v1/demos/lamport-clocks/run?seed=77").then().statusCode(200);
        given().get("/no/such/page/" + System.nanoTime()).then().statusCode(404);
        String metrics = given().accept("text/plain").get("/q/metrics").then().statusCode(200).contentType(containsString("text/plain"))
                .extract().asString();
        org.hamcrest.MatcherAssert.assertThat(metrics, containsString("http_server_requests_seconds_bucket{"));
        org.hamcrest.MatcherAssert.assertThat(metrics, containsString("uri=\"/api/v1/topics\""));
        org.hamcrest.MatcherAssert.assertThat(metrics, containsString("quorum_search_seconds_count{kind=\"search\""));
        org.hamcrest.MatcherAssert.assertThat(metrics, containsString("quorum_index_lag_seconds"));
        org.hamcrest.MatcherAssert.assertThat(metrics, containsString("quorum_index_documents"));
        org.hamcrest.MatcherAssert.assertThat(metrics, containsString("quorum_demo_runs_seconds_count{demo=\"lamport-clocks\",kind=\"run\""));
        org.hamcrest.MatcherAssert.assertThat("a random path adds no series of its own", metrics,
                org.hamcrest.Matchers.not(containsString("/no/such/page")));
    }
}
