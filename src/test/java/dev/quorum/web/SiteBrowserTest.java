package dev.quorum.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Every kind of page in real Chromium under the site's Content-Security-Policy: a policy violation (an inline
 * script or style, a script from elsewhere) is a console error, and the base class fails any test that leaves one.
 */
@QuarkusTest
class SiteBrowserTest extends AbstractBrowserTest {

    @Override
    String diagram() {
        return ".st-viewer";
    }

    private void visit(String path, String selector) {
        driver.get(base + path);
        wait.until(d -> !d.findElements(By.cssSelector(selector)).isEmpty());
        assertConsoleClean();
    }

    @Test
    void pagesRunCleanUnderThePolicy() {
        visit("", "main");
        visit("topics", "main");
        visit("search?q=paxos", "main");
        visit("tools/linearizability", "form.tool-form");
        visit("demos", "main");
    }

    @Test
    void theBrowsableApiStartsWithoutInlineScript() {
        driver.get(base + "q/swagger-ui");
        wait.until(d -> "true".equals(d.findElement(By.id("swagger-ui")).getDomAttribute("data-ready")));
        assertTrue(driver.getCurrentUrl().endsWith("/api-docs/"), driver.getCurrentUrl());
        wait.until(d -> d.findElement(By.cssSelector("#swagger-ui .info .title")).getText().contains("Quorum API"));
        assertTrue(!driver.findElements(By.cssSelector("#swagger-ui .opblock-tag")).isEmpty(), "the API's tags are listed");
    }
}
