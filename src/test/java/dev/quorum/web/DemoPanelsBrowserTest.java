package dev.quorum.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The viewer on hand-written traces (src/test/resources/META-INF/resources/test-fixtures/), so that what it draws from
 * a trace's declarations is tested without depending on any demo: panels (state, chart, history) following playback,
 * roles, values beside events, the first violation, concurrency, a guided scenario played by keyboard alone, a trace
 * asking for no panel this viewer knows, and a saved quorum-trace/1 run.
 */
@QuarkusTest
class DemoPanelsBrowserTest extends AbstractBrowserTest {

    private static final String PANELS = "test-fixtures/panels.html";

    @Override
    String diagram() {
        return "#demo-fixture";
    }

    @Test
    void theStateTableShowsEachNodesLatestValuesAtTheStepShown() {
        open(PANELS);
        assertEquals(0, step(), "a scenario's page starts before its first event");
        canvas().sendKeys(Keys.HOME);
        for (int k = 0; k < 7; k++) {
            canvas().sendKeys(Keys.ARROW_RIGHT);
        }
        assertEquals(7, step());
        assertEquals("leader", cell("n1", "role"));
        assertEquals("[1:write 3]", cell("n1", "log"));
        assertEquals("—", cell("n1", "reg"), "n1 has not applied the write yet");
        assertEquals("3", cell("n2", "reg"), "n2 applied it at event 6");
        assertEquals("follower", cell("n3", "role"));
        assertEquals("—", cell("n3", "log"));
        assertTrue(one("[data-panel=state] tr[data-node=n2] td[data-value=reg]").getDomAttribute("class").contains("is-changed"),
                "the value the last event changed stands out");
        canvas().sendKeys(Keys.END);
        assertEquals("3", cell("n1", "reg"), "values persist until changed");
        assertEquals("leader", cell("n3", "role"));
        assertEquals("2", cell("n1", "term"));
        canvas().sendKeys(Keys.HOME);
        assertEquals("—", cell("n1", "role"), "nothing before the first event");
    }

    @Test
    void theHistoryShowsABarPerOperationAsPlaybackRevealsIt() {
        open(PANELS);
        assertEquals(0, in("[data-panel=history] .hist-op:not(.is-hidden)").size());
        canvas().sendKeys(Keys.HOME);
        for (int k = 0; k < 5; k++) {
            canvas().sendKeys(Keys.ARROW_RIGHT);
        }
        List<WebElement> shown = in("[data-panel=history] .hist-op:not(.is-hidden)");
        assertEquals(1, shown.size(), "c1's write, invoked at event 3");
        assertEquals("pending", shown.get(0).getDomAttribute("data-outcome"));
        assertEquals("write 3 → …", shown.get(0).getText());
        canvas().sendKeys(Keys.END);
        assertEquals(4, in("[data-panel=history] .hist-op:not(.is-hidden)").size());
        assertEquals(2, in("[data-panel=history] .hist-op[data-outcome=ok]").size());
        assertEquals(1, in("[data-panel=history] .hist-op[data-outcome=fail]").size());
        assertEquals(1, in("[data-panel=history] .hist-op[data-outcome=info]").size());
        assertEquals(3, in("[data-panel=history] .hist-process").size(), "one row per client process");
        assertEquals("read → nil", one("[data-panel=history] .hist-op[data-process=c3]").getText());
        assertTrue(one("[data-panel=history] .hist-op[data-outcome=fail] rect").getDomAttribute("fill").startsWith("url(#"),
                "a failed operation is hatched");
        WebElement info = one("[data-panel=history] .hist-op[data-outcome=info] rect");
        assertTrue(info.getDomAttribute("class").contains("is-open"), "an unknown outcome stays open");
        double infoEnd = Double.parseDouble(info.getDomAttribute("x")) + Double.parseDouble(info.getDomAttribute("width"));
        double okEnd = 0;
        for (WebElement r : in("[data-panel=history] .hist-op rect")) {
            okEnd = Math.max(okEnd, Double.parseDouble(r.getDomAttribute("x")) + Double.parseDouble(r.getDomAttribute("width")));
        }
        assertEquals(okEnd, infoEnd, 0.01, "open-ended to the end of the run");
    }

    @Test
    void theChartDrawsALinePerNodeAndABandPerIntervalWithACursorThatFollowsPlayback() {
        open(PANELS);
        assertEquals(3, in("[data-panel=chart] polyline.chart-line").size(), "replication lag: one line per node");
        assertEquals(3, in("[data-panel=chart] polygon.chart-band").size(), "lease: one band per node");
        assertEquals(6, in("[data-panel=chart] .chart-end").size(), "each line and band is labelled at its end");
        assertTrue(one("[data-panel=chart] svg").getDomAttribute("aria-label").contains("n1 Replication lag from 0 to 9 ms"),
                one("[data-panel=chart] svg").getDomAttribute("aria-label"));
        canvas().sendKeys(Keys.HOME);
        double x0 = cursorX();
        canvas().sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
        double x5 = cursorX();
        canvas().sendKeys(Keys.END);
        double xEnd = cursorX();
        assertTrue(x0 < x5 && x5 < xEnd, "the cursor moves with playback: " + x0 + ", " + x5 + ", " + xEnd);
        // The text alternative: a table of ranges and of the values at the step shown.
        one("[data-panel=chart] details.st-chart-text summary").click();
        String table = one("[data-panel=chart] .st-chart-data").getText();
        assertTrue(table.contains("Replication lag") && table.contains("9 ms"), table);
    }

    @Test
    void rolesShadeLinesValuesSitBesideEventsAndTheFirstViolationIsMarkedAndLinked() {
        open(PANELS);
        canvas().sendKeys(Keys.HOME, Keys.ARROW_RIGHT);
        assertEquals(1, in(".st-svg rect.role-band[data-role=leader]:not(.is-hidden)").size(), "n1 leads from event 0");
        canvas().sendKeys(Keys.END);
        assertEquals(2, in(".st-svg rect.role-band[data-role=leader]").size(), "n1 in term 1, n3 in term 2");
        assertEquals(1, in(".st-svg rect.role-band[data-role=candidate]").size());
        assertEquals("n3", one(".st-svg rect.role-band[data-role=candidate]").getDomAttribute("data-node"));

        // Term is declared diagram: true, so it is written beside each event that sets it; the toggle hides it.
        WebElement value = one(".st-svg .ev-value[data-pos='0']");
        assertEquals("1", value.getText());
        assertTrue(value.isDisplayed());
        WebElement toggle = one("input[data-action=show-values]");
        assertTrue(toggle.isSelected(), "values are shown by default");
        toggle.click();
        assertFalse(value.isDisplayed(), "Show values off hides them");
        toggle.click();
        assertTrue(value.isDisplayed());

        WebElement mark = one(".st-svg .violation-mark[data-pos='12']");
        assertEquals("first violation of linearizable", mark.getDomAttribute("aria-label"));
        assertTrue(event(12).getDomAttribute("class").contains("is-violation"));
        canvas().sendKeys(Keys.HOME);
        WebElement jump = one(".st-checks li.failed button[data-action=goto]");
        jump.click();
        assertTrue(step() > 12, "the jump reveals the event");
        assertTrue(event(12).getDomAttribute("class").contains("is-selected"));
        assertEquals("12", active().getDomAttribute("data-pos"), "and moves the focus to it");
        String details = one(".st-details").getText();
        assertTrue(details.contains("first violation of linearizable"), details);
    }

    @Test
    void selectingAnEventShowsItsValuesByLabelAndItsPastFutureAndConcurrentEvents() {
        open(PANELS);
        canvas().sendKeys(Keys.END);
        event(6).click();
        String details = one(".st-details").getText();
        assertTrue(details.contains("n2 appends 1:write 3 and applies it"), details);
        assertTrue(details.contains("Register\n3"), details);
        assertTrue(details.contains("Lease\n[9, 59] ms"), details);
        assertTrue(details.contains("Log\n[1:write 3]"), details);
        assertTrue(details.contains("Replication lag\n3 ms"), details);

        event(9).click();
        // From the events' `past` alone: this trace has no vector annotation.
        assertEquals(7, in(".st-svg .ev.is-past").size());
        assertEquals(5, in(".st-svg .ev.is-future").size());
        assertEquals(9, in(".st-svg .ev.is-concurrent").size());
        assertTrue(event(12).getDomAttribute("class").contains("is-concurrent"));
        assertTrue(one(".st-details").getText().contains("Concurrent\n9 events"));
    }

    @Test
    void theGuidePlaysToItsQuestionTakesTheAnswerByKeyboardAndPlaysToTheEnd() {
        open(PANELS);
        speed("8");
        WebElement guide = find("#demo-fixture-guide");
        assertEquals(0, visibleSteps(), "no narration before the first event");
        assertFalse(find("#demo-fixture-guide .guide-predict").isDisplayed());

        // Keyboard only from here: Tab to "Play the scenario", Enter.
        find("body").click();
        for (int k = 0; k < 60 && !"play".equals(active().getDomAttribute("data-guide-action")); k++) {
            active().sendKeys(Keys.TAB);
        }
        assertEquals("play", active().getDomAttribute("data-guide-action"), "the scenario's control is reachable by Tab");
        active().sendKeys(Keys.ENTER);
        wait.until(d -> "0".equals(active().getDomAttribute("data-choice")));
        assertEquals(12, step(), "playback stops before the event the question is about");
        assertEquals(3, visibleSteps(), "the steps reached so far");
        WebElement current = find("#demo-fixture-guide .guide-steps li[aria-current=step]");
        assertEquals("8", current.getDomAttribute("data-at"));
        assertEquals("▶ Play the scenario", find("#demo-fixture-guide button[data-guide-action=play]").getText());

        active().sendKeys(Keys.TAB);
        assertEquals("1", active().getDomAttribute("data-choice"));
        active().sendKeys(Keys.ENTER);
        assertEquals("Right.", find("#demo-fixture-guide .guide-verdict").getText());
        assertTrue(find("#demo-fixture-guide .guide-reveal").isDisplayed());
        assertTrue(find("#demo-fixture-guide .guide-reveal").getText().contains("its copy never got entry 1"));
        assertEquals("continue", active().getDomAttribute("data-guide-action"), "the focus moves on to continuing");
        active().sendKeys(Keys.ENTER);

        wait.until(d -> "true".equals(guide.getDomAttribute("data-guide-done")));
        assertEquals(events(), step());
        assertEquals(5, visibleSteps());
        assertEquals("20", find("#demo-fixture-guide .guide-steps li[aria-current=step]").getDomAttribute("data-at"));
        assertTrue(find("#demo-fixture-guide .guide-done").isDisplayed());
        assertEquals("Scenario complete.", find("#demo-fixture-guide .guide-live").getDomProperty("textContent"));
    }

    @Test
    void aWrongAnswerIsNotQuiteAndShowsTheExplanation() {
        open(PANELS);
        speed("8");
        find("#demo-fixture-guide button[data-guide-action=play]").click();
        wait.until(d -> "0".equals(active().getDomAttribute("data-choice")));
        active().sendKeys(Keys.ENTER);
        String verdict = find("#demo-fixture-guide .guide-verdict").getText();
        assertTrue(verdict.startsWith("Not quite"), verdict);
        assertTrue(find("#demo-fixture-guide .guide-reveal").isDisplayed());
        assertEquals(12, step(), "the run waits until the reader continues");
    }

    @Test
    void aTraceAskingOnlyForUnknownPanelsShowsNone() {
        open("test-fixtures/no-panels.html");
        assertEquals(0, in(".st-panel").size());
        assertFalse(one(".st-panels").isDisplayed());
        assertEquals(events(), step(), "not a scenario: the whole run is shown");
    }

    @Test
    void aSavedQuorumTrace1RunIsReadAsTheSecondFormat() {
        open("test-fixtures/trace-v1.html");
        assertEquals(7, events());
        assertEquals("[2,0,1]", one(".st-svg .ev-value[data-pos='2']").getText());
        List<String> columns = in("[data-panel=state] thead th").stream().map(WebElement::getText).toList();
        assertEquals(List.of("Node", "Vector clock", "wallMs"), columns);
        assertEquals("[n1:3, n2:0, n3:1]", cell("n1", "vector"));
        event(2).click();
        String details = one(".st-details").getText();
        assertTrue(details.contains("Event #2: n1 receives App #1 from n3"), details);
        assertTrue(details.contains("Vector clock\n[n1:2, n2:0, n3:1]"), details);
        assertTrue(details.contains("wallMs\n7"), details);
        assertTrue(event(0).getDomAttribute("class").contains("is-past"));
        assertTrue(event(6).getDomAttribute("class").contains("is-concurrent"));
        assertTrue(event(4).getDomAttribute("class").contains("is-future"));
    }

    private String cell(String node, String value) {
        return one("[data-panel=state] tr[data-node=" + node + "] td[data-value=" + value + "]").getText();
    }

    private double cursorX() {
        return Double.parseDouble(one("[data-panel=chart] .chart-cursor").getDomAttribute("x1"));
    }

    private long visibleSteps() {
        return all("#demo-fixture-guide .guide-steps li").stream().filter(WebElement::isDisplayed).count();
    }
}
