package dev.quorum.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorum.search.HostileQueries;
import dev.quorum.search.SearchService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Thousands of hostile query strings through HTTP: every answer is a 200 or a 4xx with a JSON body, never a 5xx. */
@QuarkusTest
class SearchFuzzTest {

    @Inject
    SearchService search;

    @Test
    void noQueryStringCausesAServerError() throws InterruptedException {
        assertTrue(search.awaitIndexed(Duration.ofSeconds(30)));
        List<String> failures = new ArrayList<>();
        List<String> queries = HostileQueries.generate(42, 2_000);
        for (int i = 0; i < queries.size(); i++) {
            String q = queries.get(i);
            String path = i % 4 == 3 ? "/api/v1/suggest" : "/api/v1/search";
            Response r = given().queryParam("q", q).queryParam("page", 1 + i % 3).get(path);
            int status = r.statusCode();
            boolean fine = status == 200 || (status == 400 && r.contentType().startsWith("application/json"));
            if (!fine) {
                failures.add(status + " for " + path + "?q=" + HostileQueries.shown(q, 80));
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " bad answers, first: " + failures.stream().limit(5).toList());
    }
}
