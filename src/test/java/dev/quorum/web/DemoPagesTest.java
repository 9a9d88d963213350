package dev.quorum.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The demo pages as a reader without JavaScript gets them: the form, the checks, the table of events. */
@QuarkusTest
class DemoPagesTest {

    private static final Pattern EMBEDDED = Pattern.compile("<script type=\"application/json\">(.*?)</script>", Pattern.DOTALL);
    private static final Pattern ROW = Pattern.compile("<tr id=\"demo-vector-clocks-ev-(\\d+)\"");

    @Test
    void theListNamesEveryDemo() {
        given().get("/demos").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("href=\"/demos/lamport-clocks\""))
                .body(containsString("href=\"/demos/vector-clocks\""))
                .body(containsString("<a href=\"/demos\">Demos</a>"));
    }

    @Test
    void aDemoPageShowsTheRunAsATableWithoutJavaScript() {
        String html = given().get("/demos/vector-clocks?seed=5").then().statusCode(200)
                .body(containsString("<form class=\"demo-params\" id=\"demo-vector-clocks-form\" method=\"get\" action=\"/demos/vector-clocks\""))
                .body(containsString("name=\"seed\" value=\"5\""))
                .body(containsString("value=\"correct\" checked"))
                .body(containsString("<table class=\"events-table\" data-events-table>"))
                .body(containsString("data-trace-url=\"/api/v1/demos/vector-clocks/run?variant=correct&amp;seed=5&amp;nodes=3"))
                .body(containsString("data-update-url"))
                .body(containsString("href=\"/demos/vector-clocks?variant=correct&amp;seed=5&amp;nodes=3"))
                .body(containsString("<script type=\"module\" src=\"/js/spacetime.js\"></script>"))
                .body(containsString("✓ passed"))
                .extract().asString();
        String api = given().get("/api/v1/demos/vector-clocks/run?seed=5").then().statusCode(200).extract().asString();
        int events = JsonPath.from(api).getInt("stats.events");
        Matcher rows = ROW.matcher(html);
        int n = 0;
        while (rows.find()) {
            assertEquals(n, Integer.parseInt(rows.group(1)), "rows in event order");
            n++;
        }
        assertEquals(events, n, "one table row per event");
        Matcher embedded = EMBEDDED.matcher(html);
        assertTrue(embedded.find(), "the trace is embedded for the script");
        assertEquals(api, embedded.group(1).replace("\\u003c", "<"), "the embedded trace is the API's, byte for byte");
    }

    @Test
    void aGuidedScenarioIsItsRunWithANarrationAQuestionAndColumnsFromTheTrace() {
        JsonPath demo = JsonPath.from(given().get("/api/v1/demos/lamport-clocks").then().statusCode(200).extract().asString());
        assertEquals(java.util.List.of("receive-takes-max", "smaller-is-not-before", "wall-clock-skew"), demo.getList("guides.id"));
        String run = demo.getString("guides.find { it.id == 'wall-clock-skew' }.run");
        String api = given().urlEncodingEnabled(false).get(run).then().statusCode(200).extract().asString();
        String html = given().get("/demos/lamport-clocks?guide=wall-clock-skew").then().statusCode(200)
                .body(containsString("<section class=\"demo-guide\" id=\"demo-lamport-clocks-guide\" data-guide-for=\"demo-lamport-clocks\""))
                .body(containsString("<a href=\"/demos/lamport-clocks?guide=wall-clock-skew\" aria-current=\"page\">"))
                .body(containsString("<li data-at=\"4\" data-predict>"))
                .body(containsString("<div class=\"guide-predict\" data-answer=\"1\">"))
                .body(containsString("<strong>What to look for:</strong>"))
                .body(containsString("name=\"faults\" value=\"skew:n3/10\""))
                .body(containsString("<th scope=\"col\">Timestamp (µs)</th><th scope=\"col\">Physical clock (ms)</th><th scope=\"col\">Clock error (ms)</th>"))
                .body(containsString("n2 receives 22000 from n3 and ignores it, reading its own physical clock: 18000 µs — violates clock-condition"))
                .extract().asString();
        Matcher embedded = EMBEDDED.matcher(html);
        assertTrue(embedded.find());
        assertEquals(api, embedded.group(1).replace("\\u003c", "<"), "the scenario's run is the API's run of its query");
        assertTrue(api.contains("\"panels\":[{\"kind\":\"state\",\"values\":[\"lamport\",\"wall\",\"clockError\"]},{\"kind\":\"chart\",\"values\":[\"clockError\"]}]"), api);

        given().get("/demos/lamport-clocks?guide=no-such").then().statusCode(404).body(containsString("receive-takes-max"));
        given().get("/demos/lamport-clocks?guide=wall-clock-skew&seed=3").then().statusCode(400).body(containsString("names a whole run"));
        // A topic page tells its demos' first scenarios.
        given().get("/topics/time-and-clocks").then().statusCode(200)
                .body(containsString("href=\"/demos/lamport-clocks?guide=receive-takes-max\""))
                .body(containsString("href=\"/demos/vector-clocks?guide=merge-and-concurrency\""));
    }

    @Test
    void aBrokenVariantShowsItsFailedCheckAndWhereItFailed() {
        String api = given().get("/api/v1/demos/vector-clocks/run?variant=no-merge&seed=3&nodes=4").then().statusCode(200)
                .extract().asString();
        Integer first = JsonPath.from(api).get("checks.find { !it.ok }.firstViolation");
        assertNotNull(first, "no-merge fails the strong clock condition with this seed");
        given().get("/demos/vector-clocks?variant=no-merge&seed=3&nodes=4").then().statusCode(200)
                .body(containsString("value=\"no-merge\" checked"))
                .body(containsString("✗ failed"))
                .body(containsString("href=\"#demo-vector-clocks-ev-" + first + "\""))
                .body(containsString("<tr id=\"demo-vector-clocks-ev-" + first + "\" class=\"violation\">"));
    }

    @Test
    void thePageOffersTheCounterexampleSearchAndReplaysAStoppedRun() {
        given().get("/demos/vector-clocks").then().statusCode(200)
                .body(containsString("<form class=\"demo-break\" id=\"demo-vector-clocks-break\" method=\"get\" "
                        + "action=\"/api/v1/demos/vector-clocks/counterexample\""))
                .body(containsString("<option value=\"no-merge\" selected>no-merge</option>"))
                .body(containsString("name=\"seeds\" value=\"100\""))
                .body(containsString("<button type=\"submit\">Find a counterexample</button>"))
                .body(containsString("data-break-result"));
        String api = given().get("/api/v1/demos/vector-clocks/run?variant=no-merge&seed=3&nodes=4&stop=violation").then()
                .statusCode(200).extract().asString();
        String html = given().get("/demos/vector-clocks?variant=no-merge&seed=3&nodes=4&stop=violation").then().statusCode(200)
                .body(containsString("data-trace-url=\"/api/v1/demos/vector-clocks/run?variant=no-merge&amp;seed=3&amp;nodes=4"))
                .body(containsString("&amp;driftPpm=0&amp;stop=violation\""))
                .extract().asString();
        Matcher embedded = EMBEDDED.matcher(html);
        assertTrue(embedded.find());
        assertEquals(api, embedded.group(1).replace("\\u003c", "<"), "the page embeds the stopped run");
        given().get("/demos/vector-clocks?stop=never").then().statusCode(400).body(containsString("stop"));
        given().get("/topics/time-and-clocks").then().statusCode(200)
                .body(containsString("id=\"demo-lamport-clocks-break\""))
                .body(containsString("id=\"demo-vector-clocks-break\""));
    }

    @jakarta.inject.Inject
    DemoRuns runs;

    @Test
    void aDemoEmbeddedTwiceGetsElementIdsOfItsOwn() {
        var embeds = DemoPages.embeds(runs, java.util.List.of("vector-clocks", "lamport-clocks", "vector-clocks", "no-such-demo"));
        assertEquals(java.util.List.of("demo-vector-clocks", "demo-lamport-clocks", "demo-vector-clocks-2"),
                embeds.stream().map(DemoPages.DemoRun::domId).toList());
        assertEquals(embeds.get(0).traceJson(), embeds.get(2).traceJson(), "the same run, under other ids");
    }

    @Test
    void badParametersAreAPageThatNamesThem() {
        given().get("/demos/vector-clocks?seed=minus-one").then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("seed"));
        given().get("/demos/vector-clocks?nodes=999").then().statusCode(400).body(containsString("nodes"));
        given().get("/demos/vector-clocks?variant=nope").then().statusCode(400).body(containsString("nope"));
        given().get("/demos/vector-clocks?colour=red").then().statusCode(400).body(containsString("colour"));
        given().get("/demos/no-such-demo").then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("there is no demo"));
    }

    @Test
    void aTopicEmbedsItsDemos() {
        given().get("/topics/time-and-clocks").then().statusCode(200)
                .body(containsString("id=\"demos-heading\""))
                .body(containsString("id=\"demo-lamport-clocks\""))
                .body(containsString("id=\"demo-vector-clocks\""))
                .body(containsString("<script type=\"module\" src=\"/js/spacetime.js\"></script>"))
                .body(containsString("data-events-table"))
                .body(not(containsString("data-update-url")));
        given().get("/topics/time-and-clocks").then().statusCode(200)
                .body(containsString("<strong>What you can break:</strong> <code>no-max</code> (broken variant): On a receive, the clock just adds one"))
                .body(containsString("<code>no-merge</code> (broken variant): On a receive, the clock counts the event but forgets"));
        given().get("/topics/membership").then().statusCode(200)
                .body(not(containsString("/js/spacetime.js")));
        given().get("/topics/consensus").then().statusCode(200)
                .body(containsString("id=\"demo-paxos\""))
                .body(containsString("href=\"/demos/paxos?guide=adopt-the-accepted-value\""))
                .body(containsString("id=\"demo-raft-election\""))
                .body(containsString("href=\"/demos/raft-election?guide=first-election\""));
    }

    @Test
    void theScriptsAndStylesAreServed() {
        given().get("/js/spacetime.js").then().statusCode(200).contentType(containsString("javascript"))
                .body(containsString("export function initAll"));
        given().get("/js/demo/model.js").then().statusCode(200).body(containsString("export function shivizLog"));
        given().get("/css/demo.css").then().statusCode(200).body(containsString(".spacetime"));
    }
}
