package dev.quorum.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.quorum.catalog.CanonicalUrl;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TopicApiTest {

    @Test
    void listsTopicsInReadingOrder() {
        given().get("/api/v1/topics").then().statusCode(200).contentType(ContentType.JSON)
                .body("size()", greaterThanOrEqualTo(9))
                .body("[0].slug", equalTo("time-and-clocks"))
                .body("[0].order", equalTo(1))
                .body("slug", hasItems("consensus", "membership", "transactions-and-consistency", "coordination",
                        "load-and-overload", "testing-and-debugging", "architecture-and-practice", "learning-path"))
                .body("summary", everyItem(notNullValue()));
    }

    @Test
    void showsOneTopicWithItsOverviewPathAndRelations() {
        String caspaxos = CanonicalUrl.of("https://arxiv.org/abs/1802.07000").resourceId();
        var body = given().get("/api/v1/topics/consensus").then().statusCode(200)
                .body("slug", equalTo("consensus"))
                .body("title", equalTo("Consensus"))
                .body("overviewHtml", containsString("<h2 id="))
                .body("overviewHtml", not(containsString("<script")))
                .body("resources[0].position", equalTo(1))
                .body("resources.resource.id", hasItem(caspaxos))
                .body("related.slug", hasItem("time-and-clocks"))
                .body("demos", equalTo(List.of("paxos", "caspaxos", "raft-election")))
                .extract().jsonPath();
        List<Integer> positions = body.getList("resources.position", Integer.class);
        for (int i = 0; i < positions.size(); i++) {
            org.junit.jupiter.api.Assertions.assertEquals(i + 1, positions.get(i));
        }
    }

    @Test
    void anUnknownTopicIsAJson404() {
        given().get("/api/v1/topics/no-such-topic").then().statusCode(404).contentType(ContentType.JSON)
                .body("message", equalTo("no topic with slug 'no-such-topic'"));
    }

    @Test
    void eachResourceListsItsTopics() {
        String id = CanonicalUrl.of("https://arxiv.org/abs/1802.07000").resourceId();
        given().get("/api/v1/resources/" + id).then().statusCode(200)
                .body("topics", hasItem("consensus"))
                .body("authors", equalTo("Denis Rystsov"))
                .body("year", equalTo(2018));
        given().get("/api/v1/resources?size=100").then().statusCode(200)
                .body("items.topics.flatten().size()", greaterThanOrEqualTo(50))
                .body("items.description", everyItem(notNullValue()));
    }
}
