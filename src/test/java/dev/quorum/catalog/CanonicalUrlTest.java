package dev.quorum.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalUrlTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "HTTPS://Example.COM/Path, https://example.com/Path",
            "https://example.com:443/a, https://example.com/a",
            "http://example.com:80/a, http://example.com/a",
            "http://example.com:8080/a, http://example.com:8080/a",
            "https://example.com/a/, https://example.com/a",
            "https://example.com/, https://example.com",
            "https://example.com/a#section-2, https://example.com/a",
            "https://example.com/a?utm_source=x&utm_medium=y, https://example.com/a",
            "https://example.com/a?id=3&utm_campaign=z&fbclid=q, https://example.com/a?id=3",
            "https://youtu.be/vMz3q8Mm1uY?si=abc, https://youtu.be/vMz3q8Mm1uY",
            "https://youtube.com/playlist?list=PL1, https://youtube.com/playlist?list=PL1",
            "https://example.com/How-To%2fx, https://example.com/How-To%2Fx",
            "https://example.com./a, https://example.com/a",
    })
    void normalizes(String raw, String expected) {
        assertEquals(expected, CanonicalUrl.of(raw).value());
    }

    @Test
    void keepsWhatChangesTheTarget() {
        assertNotEquals(CanonicalUrl.of("https://example.com/a?page=1"), CanonicalUrl.of("https://example.com/a?page=2"));
        assertNotEquals(CanonicalUrl.of("https://example.com/A"), CanonicalUrl.of("https://example.com/a"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "example.com/a", "/relative", "ftp://example.com/file", "mailto:a@b.c",
            "javascript:alert(1)", "https://", "https://exa mple.com/", "https://user:pw@example.com/"})
    void refusesWhatIsNotAnAbsoluteHttpUrl(String raw) {
        assertThrows(CanonicalUrl.InvalidUrlException.class, () -> CanonicalUrl.of(raw));
    }

    @Test
    void derivesAStableShortId() {
        String id = CanonicalUrl.of("https://arxiv.org/abs/1802.07000").resourceId();
        assertEquals(12, id.length());
        assertTrue(id.matches("[0-9a-f]{12}"));
        assertEquals(id, CanonicalUrl.of("HTTPS://ARXIV.org/abs/1802.07000/#v2").resourceId());
    }

    @Test
    void domainDropsWww() {
        assertEquals("tigerbeetle.com", CanonicalUrl.of("https://www.tigerbeetle.com/post/x").domain());
        assertEquals("habr.com", CanonicalUrl.of("https://habr.com/ru/post/322876/").domain());
    }
}
