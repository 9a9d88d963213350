package dev.quorum.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The space-time diagram in a real browser (headless Chromium from the system's packages; .ci/run installs it):
 * it runs a demo, steps back and forth, changes the seed, reloads the permalink and gets the same diagram, and the
 * console stays free of errors throughout (AbstractBrowserTest checks it after every test).
 */
@QuarkusTest
class DemoBrowserTest extends AbstractBrowserTest {

    private static final String DIAGRAM = "#demo-vector-clocks";

    @Override
    String diagram() {
        return DIAGRAM;
    }

    @Test
    void stepsChangesTheSeedAndReloadsThePermalinkToTheSameDiagram() {
        driver.get(base + "demos/vector-clocks");
        waitReady();
        int events = Integer.parseInt(attr("data-events"));
        assertTrue(events > 3, "a run with a few events, got " + events);
        assertEquals(events, step(), "the whole run is shown at first");
        assertEquals(events, revealed());
        assertEquals(events, driver.findElements(By.cssSelector("table[data-events-table] tbody tr")).size());

        click("back");
        click("back");
        assertEquals(events - 2, step());
        assertEquals(events - 2, revealed(), "two events hidden after two steps back");
        click("forward");
        assertEquals(events - 1, step());
        assertEquals(events - 1, revealed());

        WebElement canvas = driver.findElement(By.cssSelector(DIAGRAM + " .st-canvas"));
        canvas.sendKeys(Keys.HOME);
        assertEquals(0, step());
        assertEquals(0, revealed());
        canvas.sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
        assertEquals(3, step());
        canvas.sendKeys(Keys.ARROW_LEFT);
        assertEquals(2, step());
        assertEquals(2, revealed());
        canvas.sendKeys(Keys.END);
        assertEquals(events, step());

        // Selecting an event shows its clock and marks its causal past and future.
        driver.findElement(By.cssSelector(DIAGRAM + " .st-svg .ev[data-pos='" + (events - 1) + "']")).click();
        String details = driver.findElement(By.cssSelector(DIAGRAM + " .st-details")).getText();
        assertTrue(details.contains("Vector clock"), details);
        assertTrue(details.contains("Causal past"), details);
        canvas.sendKeys(Keys.ESCAPE);

        String seed1 = svg();
        WebElement seed = driver.findElement(By.cssSelector("#demo-vector-clocks-form input[name=seed]"));
        seed.clear();
        seed.sendKeys("7");
        driver.findElement(By.cssSelector("#demo-vector-clocks-form button[type=submit]")).click();
        wait.until(d -> "7".equals(attr("data-seed")));
        String url = driver.getCurrentUrl();
        assertTrue(url.contains("seed=7") && url.contains("variant=correct"), "the URL is the new run's permalink: " + url);
        String permalink = driver.findElement(By.cssSelector(DIAGRAM + " .st-permalink")).getDomProperty("href");
        assertEquals(url, permalink);
        String seed7 = svg();
        assertNotEquals(seed1, seed7, "another seed, another run");
        assertEquals(Integer.parseInt(attr("data-events")), step());

        driver.navigate().refresh();
        waitReady();
        assertEquals("7", attr("data-seed"));
        assertEquals(seed7, svg(), "the permalink reproduces the diagram exactly");

        driver.get(permalink);
        waitReady();
        assertEquals(seed7, svg());

        // For a person to look at: target/demo-browser.png (the page), -dark.png, and -topic.png (an embed).
        save("target/demo-browser.png");
        // Dark mode changes colours only: the same markup, under other custom properties.
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        driver.get(permalink);
        waitReady();
        assertEquals(seed7, svg());
        driver.findElement(By.cssSelector(DIAGRAM + " .st-svg .ev[data-pos='3']")).click();
        save("target/demo-browser-dark.png");
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        driver.get(base + "topics/time-and-clocks#demos-heading");
        wait.until(d -> d.findElements(By.cssSelector(".spacetime[data-ready=true]")).size() == 2);
        save("target/demo-browser-topic.png");
    }

    @Test
    void findsACounterexampleShowsItAndItsPermalinkReplaysIt() {
        driver.get(base + "demos/vector-clocks");
        waitReady();
        WebElement form = driver.findElement(By.cssSelector("#demo-vector-clocks-break"));
        WebElement button = form.findElement(By.cssSelector("button[type=submit]"));
        assertEquals("Find a counterexample", button.getText());
        button.click();
        wait.until(d -> "true".equals(form.getDomAttribute("data-found")));
        String result = form.findElement(By.cssSelector("[data-break-result]")).getText();
        assertTrue(result.startsWith("Found: seed ") && result.contains("after trying"), result);
        String url = driver.getCurrentUrl();
        assertTrue(url.contains("variant=no-merge") && url.contains("stop=violation"), "the shown counterexample's permalink: " + url);
        String permalink = driver.findElement(By.cssSelector(DIAGRAM + " .st-permalink")).getDomProperty("href");
        assertEquals(url, permalink);
        assertEquals(1, driver.findElements(By.cssSelector(DIAGRAM + " .st-svg .ev.is-violation")).size(), "the violation is marked");
        assertEquals(Integer.parseInt(attr("data-events")), step(), "the whole counterexample is shown");
        String shown = svg();
        driver.get(permalink);
        waitReady();
        assertEquals(shown, svg(), "the permalink replays the counterexample exactly");
    }

    @Test
    void theDiagramIsOneTabStopWhereArrowsMoveBetweenEventsAndFocusSurvivesTheEnds() {
        driver.get(base + "demos/vector-clocks");
        waitReady();
        JavascriptExecutor js = driver;
        Long stops = (Long) js.executeScript("return document.querySelectorAll(arguments[0] + ' .st-canvas, ' + arguments[0]"
                + " + ' .st-canvas [tabindex]:not([tabindex=\"-1\"])').length;", DIAGRAM);
        assertEquals(1L, stops, "the canvas is the diagram's only tab stop");
        int events = Integer.parseInt(attr("data-events"));
        WebElement canvas = driver.findElement(By.cssSelector(DIAGRAM + " .st-canvas"));
        canvas.sendKeys(Keys.ARROW_DOWN);
        assertEquals(String.valueOf(events - 1), activePos(), "Down enters the events at the latest one");
        driver.switchTo().activeElement().sendKeys(Keys.ARROW_LEFT, Keys.ARROW_LEFT);
        assertEquals(String.valueOf(events - 3), activePos(), "arrows move between events");
        assertEquals(events, step(), "moving between events does not step the run");
        driver.switchTo().activeElement().sendKeys(Keys.HOME);
        assertEquals("0", activePos());
        driver.switchTo().activeElement().sendKeys(Keys.ARROW_LEFT);
        assertEquals("0", activePos(), "the first event is as far as it goes");
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        assertTrue(driver.findElement(By.cssSelector(DIAGRAM + " .st-details")).getText().contains("Event #0"));
        driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        assertEquals("st-canvas", driver.switchTo().activeElement().getDomAttribute("class"), "Escape returns to the canvas");

        // The focused Back button that runs out of steps keeps the focus.
        WebElement back = driver.findElement(By.cssSelector(DIAGRAM + " button[data-action=back]"));
        canvas.sendKeys(Keys.HOME, Keys.ARROW_RIGHT);
        back.click();
        assertEquals(0, step());
        assertEquals("true", back.getDomAttribute("aria-disabled"));
        assertEquals("back", driver.switchTo().activeElement().getDomAttribute("data-action"), "the focus stays on Back");
        back.sendKeys(Keys.ENTER);
        assertEquals(0, step(), "a press at the start does nothing");
        driver.findElement(By.cssSelector(DIAGRAM + " button[data-action=forward]")).click();
        assertEquals("false", back.getDomAttribute("aria-disabled"));
    }

    private String activePos() {
        return driver.switchTo().activeElement().getDomAttribute("data-pos");
    }

    private int revealed() {
        return driver.findElements(By.cssSelector(DIAGRAM + " .st-svg .ev:not(.is-hidden)")).size();
    }
}
