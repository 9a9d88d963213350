package dev.quorum.search;

import static dev.quorum.ForAll.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorum.ForAll;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The reader's query language, on generated hostile strings: parsing never fails, no query has more than
 * {@link UserQuery#CLAUSES_MAX} clauses or a phrase of more than {@link UserQuery#PHRASE_WORDS_MAX} words, no part
 * is empty or holds a quote or a control character, and the normalised form the page shows ("you searched for")
 * parses back to the same query, so parsing it again is idempotent.
 */
class UserQueryPropertiesTest {

    private static final int TRIES = 3_000;

    @Test
    void parsingNeverFailsAndIsBounded() {
        check(16_601, TRIES, UserQueryPropertiesTest::query, input -> {
            UserQuery q = UserQuery.parse(input);
            int clauses = q.excluded().size() + q.groups().stream().mapToInt(g -> g.alternatives().size()).sum();
            assertTrue(clauses <= UserQuery.CLAUSES_MAX, () -> clauses + " clauses in " + q);
            q.groups().forEach(g -> g.alternatives().forEach(UserQueryPropertiesTest::assertSanePart));
            q.excluded().forEach(UserQueryPropertiesTest::assertSanePart);
            assertTrue(q.toString().length() <= UserQuery.LENGTH_MAX + 2 * UserQuery.CLAUSES_MAX, "too long: " + q.toString().length());
        });
    }

    @Test
    void theNormalisedQueryParsesBackToItself() {
        check(16_602, TRIES, UserQueryPropertiesTest::query, input -> {
            UserQuery q = UserQuery.parse(input);
            UserQuery again = UserQuery.parse(q.toString());
            assertEquals(q, again);
            assertEquals(q.toString(), again.toString());
        });
    }

    private static void assertSanePart(UserQuery.Part p) {
        assertTrue(!p.text().isEmpty() && !p.text().contains("\""), () -> "part: " + ForAll.shown(p.text()));
        assertTrue(p.text().codePoints().noneMatch(cp -> Character.getType(cp) == Character.CONTROL), () -> ForAll.shown(p.text()));
        assertTrue(!p.phrase() || p.text().split(" ").length <= UserQuery.PHRASE_WORDS_MAX, p::toString);
    }

    /** Mostly {@link HostileQueries}' pieces, sometimes any code points, sometimes much longer than the API accepts. */
    private static String query(SplittableRandom r) {
        switch (r.nextInt(5)) {
            case 0:
                return ForAll.anyString(r, 40);
            case 1:
                return HostileQueries.generate(r.nextLong(), 9).get(8).repeat(1 + r.nextInt(200));
            default:
                return HostileQueries.generate(r.nextLong(), 9).get(8);
        }
    }
}
