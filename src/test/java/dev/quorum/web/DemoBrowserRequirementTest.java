package dev.quorum.web;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Whether a missing browser skips the browser test or fails it (QUORUM_REQUIRE_BROWSER=1, as .ci/run sets). */
class DemoBrowserRequirementTest {

    private static final Path NONE = Path.of("/nonexistent/quorum/chromium");

    @Test
    void aMissingBrowserFailsWhenRequired() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> DemoBrowserTest.requireBrowser(NONE, NONE, true));
        assertTrue(e.getMessage().contains("QUORUM_REQUIRE_BROWSER=1") && e.getMessage().contains(NONE.toString()), e.getMessage());
    }

    @Test
    void aMissingBrowserSkipsOtherwise() {
        assertThrows(TestAbortedException.class, () -> DemoBrowserTest.requireBrowser(NONE, NONE, false));
    }
}
