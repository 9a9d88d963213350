package dev.quorum.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

@QuarkusTest
class TopicPagesTest {

    @Test
    void theHomePageLeadsWithTheTopics() {
        String html = given().get("/").then().statusCode(200).extract().asString();
        int topics = html.indexOf("id=\"topics-heading\"");
        int kinds = html.indexOf("id=\"kinds-heading\"");
        assertTrue(topics > 0 && topics < kinds, "topics come before kinds");
        assertTrue(html.contains("href=\"/topics/consensus\""));
    }

    @Test
    void aTopicPageRendersOverviewReadingPathAndRelatedTopics() {
        given().get("/topics/consensus").then().statusCode(200)
                .body(containsString("<h1>Consensus</h1>"))
                .body(containsString("<h2 id=\"paxos\">"))
                .body(containsString("Resources in reading order"))
                .body(containsString("CASPaxos: Replicated State Machines without logs"))
                .body(containsString("Why read it:"))
                .body(containsString("Related topics"))
                .body(containsString("href=\"/topics/time-and-clocks\""));
        given().get("/topics").then().statusCode(200).body(containsString("href=\"/topics/learning-path\""));
        given().get("/topics/nope").then().statusCode(404).body(containsString("there is no topic"));
    }

    @Test
    void aResourcePageLinksItsTopicsAndByline() {
        given().get("/resources/" + dev.quorum.catalog.CanonicalUrl.of("https://arxiv.org/abs/1802.07000").resourceId())
                .then().statusCode(200)
                .body(containsString("href=\"/topics/consensus\""))
                .body(containsString("Denis Rystsov, 2018"));
    }

    @Test
    void everyPageLinksTheFeed() {
        for (String page : new String[] {"/", "/topics", "/topics/coordination", "/kinds/paper"}) {
            given().get(page).then().statusCode(200)
                    .body(containsString("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/feed.xml\""));
        }
    }

    @Test
    void theFeedIsWellFormedAtom() throws Exception {
        String xml = given().get("/feed.xml").then().statusCode(200)
                .contentType(containsString("application/atom+xml"))
                .body(not(containsString("<script")))
                .extract().asString();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertEquals("http://www.w3.org/2005/Atom", doc.getDocumentElement().getNamespaceURI());
        assertEquals(30, doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").getLength());
    }

    @Test
    void feedTextIsEscaped() {
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;", AtomFeed.xml("a <b> & \"c\" 'd'\u0001"));
    }
}
