package dev.quorum.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;

/**
 * A busy engine must not take pages down: counterexample searches have their own pool, so they cannot starve
 * runs; default runs (what topic pages embed) are kept once made; and a page whose run finds no slot still
 * answers, without the embedded trace, for the script to fetch.
 */
@QuarkusTest
class DemoBusyTest {

    @Inject
    DemoRuns runs;

    @Test
    void searchesHoldingEverySearchSlotLeaveRunsAndPagesAlone() {
        Semaphore search = runs.searchSlots();
        assertEquals(DemoRuns.SEARCH_SLOTS, search.availablePermits(), "no search left running");
        search.acquireUninterruptibly(DemoRuns.SEARCH_SLOTS);
        try {
            given().get("/api/v1/demos/vector-clocks/counterexample?seeds=5").then().statusCode(503)
                    .header("Retry-After", "1");
            given().get("/api/v1/demos/vector-clocks/run?seed=77").then().statusCode(200);
            given().get("/demos/vector-clocks?seed=77").then().statusCode(200)
                    .body(containsString("<script type=\"application/json\">"));
            given().get("/topics/time-and-clocks").then().statusCode(200)
                    .body(containsString("id=\"demo-vector-clocks\""));
        } finally {
            search.release(DemoRuns.SEARCH_SLOTS);
        }
    }

    @Test
    void withEveryRunSlotHeldTopicPagesStillAnswerWithTheirDemos() {
        // The default runs are made once, before the engine is busy (in production: by the first visitor).
        String expected = given().get("/api/v1/demos/lamport-clocks/run").then().statusCode(200).extract().asString();
        given().get("/api/v1/demos/vector-clocks/run").then().statusCode(200);
        Semaphore run = runs.runSlots();
        run.acquireUninterruptibly(DemoRuns.RUN_SLOTS);
        try {
            String topic = given().get("/topics/time-and-clocks").then().statusCode(200)
                    .body(containsString("id=\"demo-lamport-clocks\""))
                    .body(containsString("id=\"demo-vector-clocks\""))
                    .body(not(containsString("st-busy")))
                    .extract().asString();
            assertEquals(2, topic.split("<script type=\"application/json\">", -1).length - 1, "both embeds carry their trace");
            given().get("/api/v1/demos/lamport-clocks/run").then().statusCode(200).body(equalTo(expected));
            given().get("/demos/lamport-clocks").then().statusCode(200).body(containsString("<script type=\"application/json\">"));
            // A run that is not cached waits a second for a slot: the API says 503, the page still renders.
            given().get("/api/v1/demos/vector-clocks/run?seed=78").then().statusCode(503).header("Retry-After", "1");
            given().get("/demos/vector-clocks?seed=78").then().statusCode(200)
                    .body(containsString("st-busy"))
                    .body(containsString("data-trace-url=\"/api/v1/demos/vector-clocks/run?variant=correct&amp;seed=78"))
                    .body(containsString("name=\"seed\" value=\"78\""))
                    .body(not(containsString("<script type=\"application/json\">")));
        } finally {
            run.release(DemoRuns.RUN_SLOTS);
        }
        given().get("/demos/vector-clocks?seed=78").then().statusCode(200).body(not(containsString("st-busy")));
    }
}
