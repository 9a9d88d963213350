package dev.quorum.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The linearizability checker as readers reach it: the API with EDN or JSON, and the tool page. */
@QuarkusTest
class CheckApiTest {

    private static final String STALE_READ = LinearizabilityChecks.EXAMPLE;
    private static final String CONCURRENT = String.join("\n",
            "{:process 0, :type :invoke, :f :write, :value 1}",
            "{:process 1, :type :invoke, :f :read, :value nil}",
            "{:process 1, :type :ok, :f :read, :value 1}",
            "{:process 0, :type :ok, :f :write, :value 1}");

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aStaleReadIsNotLinearizableAndTheReadIsTheOperationThatCannotBePlaced() {
        given().contentType("application/edn").body(bytes(STALE_READ)).post("/api/v1/check/linearizability").then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("verdict", equalTo("not-linearizable"))
                .body("size", equalTo(3))
                .body("partitions[0].blocked", hasItem(2))
                .body("operations[2].f", equalTo("read"));
        given().contentType("text/plain").body(bytes(CONCURRENT)).post("/api/v1/check/linearizability").then().statusCode(200)
                .body("verdict", equalTo("linearizable"))
                .body("partitions[0].linearization", equalTo(java.util.List.of(0, 1)));
    }

    @Test
    void aJsonHistoryIsTheSameCheckAndItsErrorsNameTheEvent() {
        String json = "{\"model\": \"register\", \"history\": ["
                + "{\"process\": 0, \"type\": \"invoke\", \"f\": \"write\", \"value\": 1},"
                + "{\"process\": 0, \"type\": \"ok\", \"f\": \"write\", \"value\": 1},"
                + "{\"process\": 1, \"type\": \"invoke\", \"f\": \"read\", \"value\": null},"
                + "{\"process\": 1, \"type\": \"ok\", \"f\": \"read\", \"value\": 2}]}";
        given().contentType(ContentType.JSON).body(json).post("/api/v1/check/linearizability").then().statusCode(200)
                .body("verdict", equalTo("not-linearizable"));
        String bad = "{\"history\": [{\"process\": 0, \"type\": \"invoke\", \"f\": \"write\", \"value\": 1},"
                + "{\"process\": 0, \"type\": \"sideways\", \"f\": \"write\", \"value\": 1}]}";
        given().contentType(ContentType.JSON).body(bad).post("/api/v1/check/linearizability").then().statusCode(400)
                .contentType(ContentType.JSON).body("message", containsString("line 2"));
        given().contentType(ContentType.JSON).body("[1,2").post("/api/v1/check/linearizability").then().statusCode(400)
                .body("message", containsString("not JSON"));
    }

    @Test
    void badInputIsA4xxWithAReason() {
        given().contentType("application/edn").body(bytes("{:process 0, :type :invoke, :f :write, :value 1}\n{:process 0, :type :ok, :f"))
                .post("/api/v1/check/linearizability").then().statusCode(400).body("message", containsString("line 2"));
        given().contentType("application/edn").body(bytes(STALE_READ)).queryParam("model", "queue")
                .post("/api/v1/check/linearizability").then().statusCode(400).body("message", containsString("register, kv"));
        given().contentType("application/edn").body(bytes("  ")).post("/api/v1/check/linearizability").then().statusCode(400);
        given().contentType("application/edn").body(bytes("{:process 0, :type :invoke, :f :write, :value 1}\n".repeat(25_000)))
                .post("/api/v1/check/linearizability").then().statusCode(413);
    }

    @Test
    void mangledHistoriesNeverGiveA5xx() {
        SplittableRandom random = new SplittableRandom(14);
        String chars = "{}[]():, \n\"\\#^;-0123456789abcfiknoprstvwx";
        for (int k = 0; k < 300; k++) {
            StringBuilder s = new StringBuilder(STALE_READ);
            for (int m = 0; m < 1 + random.nextInt(6); m++) {
                int at = random.nextInt(s.length());
                switch (random.nextInt(3)) {
                    case 0 -> s.deleteCharAt(at);
                    case 1 -> s.insert(at, chars.charAt(random.nextInt(chars.length())));
                    default -> s.setCharAt(at, chars.charAt(random.nextInt(chars.length())));
                }
            }
            int status = given().contentType("application/edn").body(bytes(s.toString())).post("/api/v1/check/linearizability")
                    .then().extract().statusCode();
            assertTrue(status == 200 || status == 400, "status " + status + " for " + s);
        }
    }

    @Test
    void theToolPageChecksAPastedHistoryAndDrawsIt() {
        given().get("/tools/linearizability").then().statusCode(200)
                .body(containsString("<form class=\"tool-form\" method=\"post\" action=\"/tools/linearizability\""))
                .body(containsString("{:process 2, :type :ok, :f :read, :value 1}"));
        given().contentType(ContentType.URLENC).formParam("history", STALE_READ).formParam("model", "register")
                .post("/tools/linearizability").then().statusCode(200)
                .body(containsString("✗ Not linearizable"))
                .body(containsString("class=\"hd-op hd-ok hd-blocked\" data-op=\"2\""))
                .body(containsString("3 operations, model register"));
        given().contentType(ContentType.URLENC).formParam("history", "<script>alert(1)</script>").formParam("model", "register")
                .post("/tools/linearizability").then().statusCode(200)
                .body(containsString("The history could not be checked:"))
                .body(containsString("&lt;script&gt;alert(1)&lt;/script&gt;"))
                .body(not(containsString("<script>alert(1)</script>")));
    }
}
