package dev.quorum.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The clock demos' real pages in a browser: their guided scenarios played to the end, a scenario left and come back
 * to, faults injected by clicking an event until a check fails, the same faults run on the correct variant, and the
 * viewer driven by keyboard alone. The console stays clean throughout (AbstractBrowserTest).
 */
@QuarkusTest
class DemoScenarioBrowserTest extends AbstractBrowserTest {

    private static final String LAMPORT_GUIDE = "demos/lamport-clocks?guide=receive-takes-max";
    private static final String VECTOR_GUIDE = "demos/vector-clocks?guide=merge-and-concurrency";

    private String diagram = "#demo-lamport-clocks";

    @Override
    String diagram() {
        return diagram;
    }

    @Test
    void realScenariosPlayFromTheStartThroughTheirQuestionToTheEnd() {
        playToTheEnd("#demo-lamport-clocks", LAMPORT_GUIDE);
        playToTheEnd("#demo-vector-clocks", VECTOR_GUIDE);
        // A protocol the viewer was not written for: roles, registers and a state table, from the trace alone.
        playToTheEnd("#demo-paxos", "demos/paxos?guide=forgotten-promise");
        assertEquals(1, in(".st-svg .violation-mark").size(), "the second value chosen is marked");
        assertTrue(one("[data-panel=state]").getText().contains("chosen"), one("[data-panel=state]").getText());
    }

    private void playToTheEnd(String id, String path) {
        diagram = id;
        open(path);
        assertEquals(0, step(), "a scenario starts before its first event");
        WebElement guide = find(id + "-guide");
        speed("8");
        guide.findElement(By.cssSelector("button[data-guide-action=play]")).click();
        wait.until(d -> active().getDomAttribute("data-choice") != null);
        int predictAt = Integer.parseInt(guide.findElement(By.cssSelector(".guide-steps li[data-predict]")).getDomAttribute("data-at"));
        assertEquals(predictAt, step(), "playback holds before the event the question is about");
        String answer = guide.findElement(By.cssSelector(".guide-predict")).getDomAttribute("data-answer");
        guide.findElement(By.cssSelector(".guide-choice[data-choice='" + answer + "']")).click();
        assertEquals("Right.", guide.findElement(By.cssSelector(".guide-verdict")).getText());
        active().sendKeys(Keys.ENTER);
        wait.until(d -> "true".equals(guide.getDomAttribute("data-guide-done")));
        assertEquals(events(), step());
        assertEquals(guide.findElements(By.cssSelector(".guide-steps li")).size(),
                guide.findElements(By.cssSelector(".guide-steps li")).stream().filter(WebElement::isDisplayed).count(),
                "every step has been told");
        // For a person to look at: target/demo-scenario-<demo>.png, the whole page at the end of the scenario.
        driver.manage().window().setSize(new Dimension(1280, 3200));
        save("target/demo-scenario-" + id.substring("#demo-".length()) + ".png");
        driver.manage().window().setSize(new Dimension(1280, 1000));
    }

    @Test
    void changingTheRunLeavesTheScenarioAndBackReturnsToIt() {
        diagram = "#demo-lamport-clocks";
        open(LAMPORT_GUIDE);
        WebElement guide = find("#demo-lamport-clocks-guide");
        String seed = attr("data-seed");
        WebElement field = find("#demo-lamport-clocks-form input[name=seed]");
        field.clear();
        field.sendKeys("12345");
        find("#demo-lamport-clocks-form button[type=submit]").click();
        wait.until(d -> "12345".equals(attr("data-seed")));
        assertEquals("true", guide.getDomAttribute("data-guide-left"));
        assertFalse(guide.findElement(By.cssSelector(".guide-steps")).isDisplayed(), "the narration no longer matches");
        WebElement back = guide.findElement(By.cssSelector(".guide-left a"));
        assertTrue(back.isDisplayed());
        assertTrue(back.getDomProperty("href").endsWith("/" + LAMPORT_GUIDE), back.getDomProperty("href"));
        assertEquals(events(), step(), "another run is shown whole");

        driver.navigate().back();
        wait.until(d -> seed.equals(attr("data-seed")));
        assertEquals("false", guide.getDomAttribute("data-guide-left"));
        assertEquals(0, step(), "back in the scenario, from its start");
        assertTrue(guide.findElement(By.cssSelector("button[data-guide-action=play]")).isDisplayed());
    }

    @Test
    void wallClockPassesWithoutFaultsAndFailsOnceAClickSkewsAReceiversClock() {
        diagram = "#demo-lamport-clocks";
        open("demos/lamport-clocks?variant=wall-clock&seed=1&faults=none");
        assertEquals("ok", checkClass("clock-condition"), "a perfect physical clock keeps the clock condition");
        int receive = firstEventOfType("receive");
        event(receive).click();
        String node = event(receive).getDomAttribute("data-node");
        one(".st-details button[data-inject=skew]").click();
        wait.until(d -> driver.getCurrentUrl().contains("skew%3A" + node) || driver.getCurrentUrl().contains("skew:" + node));
        waitReady();
        wait.until(d -> "failed".equals(checkClass("clock-condition")));
        assertEquals(1, in(".st-svg .violation-mark").size(), "its first violation is marked");
        assertTrue(one(".st-svg .violation-mark").getDomAttribute("aria-label").contains("first violation of clock-condition"));
        one(".st-checks li.failed button[data-action=goto]").click();
        assertTrue(active().getDomAttribute("class").contains("is-violation"), "the check jumps to it");
        // The variant asks for a chart of each node's clock error: one line per node, n's 50 ms behind.
        assertEquals(in(".st-svg .lane-label").size(), in("[data-panel=chart] polyline.chart-line").size());
        assertTrue(one("[data-panel=chart] svg").getDomAttribute("aria-label").contains(node + " from -50 to -50 ms"),
                one("[data-panel=chart] svg").getDomAttribute("aria-label"));
        driver.manage().window().setSize(new Dimension(1280, 3200));
        save("target/demo-wall-clock-skewed.png");
    }

    @Test
    void resetOnCrashFailsOnceAClickCrashesANodeAndCorrectPassesOnTheSameFaults() {
        diagram = "#demo-vector-clocks";
        open("demos/vector-clocks?variant=reset-on-crash&seed=1&faults=none");
        assertEquals("ok", checkClass("strong-clock-condition"));
        // A crash halfway through, so the node has counted events before it and makes more after its recovery.
        event(laneEventFrom(events() / 2)).click();
        one(".st-details button[data-inject=crash]").click();
        wait.until(d -> driver.getCurrentUrl().contains("crash"));
        waitReady();
        wait.until(d -> "failed".equals(checkClass("strong-clock-condition")));
        assertEquals(1, in(".st-svg .violation-mark").size());
        String faults = find("#demo-vector-clocks-form input[name=faults]").getDomProperty("value");
        assertTrue(faults.contains("crash:") && faults.contains("recover:"), faults);

        one("button[data-same-schedule=correct]").click();
        wait.until(d -> driver.getCurrentUrl().contains("variant=correct"));
        wait.until(d -> "ok".equals(checkClass("strong-clock-condition")));
        assertEquals(faults, find("#demo-vector-clocks-form input[name=faults]").getDomProperty("value"), "the same faults");
        String url = java.net.URLDecoder.decode(driver.getCurrentUrl(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(url.contains("faults=" + faults), url);
        assertEquals(0, in(".st-svg .violation-mark").size());
    }

    @Test
    void aClickedPartitionCutsANodeOffUntilItHealsAndVectorsStillTellTheTruth() {
        diagram = "#demo-vector-clocks";
        open("demos/vector-clocks?variant=correct&seed=1&steps=3&localPercent=20&faults=none");
        assertTrue(in(".st-svg .ev-partition").isEmpty());
        int pos = laneEventFrom(events() / 3);
        event(pos).click();
        String node = event(pos).getDomAttribute("data-node");
        one(".st-details button[data-inject=partition]").click();
        wait.until(d -> driver.getCurrentUrl().contains("partition"));
        waitReady();
        String faults = find("#demo-vector-clocks-form input[name=faults]").getDomProperty("value");
        assertTrue(faults.contains("partition:" + node + "@") && faults.contains("heal@"), faults);
        assertEquals(1, in(".st-svg .ev-partition").size(), "the partition is an event of the run");
        assertEquals(1, in(".st-svg .ev-heal").size(), "and so is its end");
        wait.until(d -> "ok".equals(checkClass("strong-clock-condition")));
    }

    @Test
    void aVectorThatOrdersEventsOtherwiseThanWhatHappenedIsMarkedAsAMismatch() {
        diagram = "#demo-vector-clocks";
        open("demos/vector-clocks?guide=forgotten-merge");
        WebElement jump = one(".st-checks li.failed button[data-action=goto]");
        jump.click();
        int pos = Integer.parseInt(jump.getDomAttribute("data-pos"));
        assertTrue(event(pos).getDomAttribute("class").contains("is-selected"));
        assertFalse(in(".st-svg .ev.is-mismatch").isEmpty(), "a receive that does not merge misorders some event");
        String details = one(".st-details").getText();
        assertTrue(details.contains("Clock disagrees"), details);
    }

    @Test
    void playStepAndSelectWorkByKeyboardAlone() {
        diagram = "#demo-vector-clocks";
        open("demos/vector-clocks");
        find("body").click();
        tabTo(e -> "start".equals(e.getDomAttribute("data-action")));
        active().sendKeys(Keys.ENTER);
        assertEquals(0, step());
        tabTo(e -> "forward".equals(e.getDomAttribute("data-action")));
        active().sendKeys(Keys.ENTER);
        active().sendKeys(Keys.ENTER);
        assertEquals(2, step());
        tabTo(e -> "st-canvas".equals(e.getDomAttribute("class")));
        active().sendKeys(Keys.SPACE);
        assertEquals("true", one("button[data-action=play]").getDomAttribute("aria-pressed"), "space plays");
        wait.until(d -> step() >= 3);
        active().sendKeys(Keys.SPACE);
        assertEquals("false", one("button[data-action=play]").getDomAttribute("aria-pressed"), "space pauses");
        int shown = step();
        active().sendKeys(Keys.ARROW_DOWN);
        assertEquals(String.valueOf(shown - 1), active().getDomAttribute("data-pos"), "Down enters at the latest event");
        active().sendKeys(Keys.ENTER);
        String details = one(".st-details").getText();
        assertTrue(details.startsWith("Event #" + (shown - 1)), details);
        assertTrue(details.contains("Vector clock") && details.contains("Concurrent"), details);
    }

    private void tabTo(Predicate<WebElement> target) {
        for (int k = 0; k < 80 && !target.test(active()); k++) {
            active().sendKeys(Keys.TAB);
        }
        assertTrue(target.test(active()), "reachable by Tab");
    }

    private String checkClass(String name) {
        for (WebElement li : in(".st-checks li")) {
            if (li.findElement(By.tagName("strong")).getText().equals(name)) {
                return li.getDomAttribute("class");
            }
        }
        return "missing";
    }

    private int laneEventFrom(int pos) {
        for (int p = pos; p < events(); p++) {
            String cls = event(p).getDomAttribute("class");
            if (event(p).getDomAttribute("data-node") != null && (cls.contains("ev-send") || cls.contains("ev-local"))) {
                return p;
            }
        }
        throw new AssertionError("no send or local event from #" + pos);
    }

    private int firstEventOfType(String type) {
        return Integer.parseInt(one(".st-svg .ev.ev-" + type).getDomAttribute("data-pos"));
    }
}
