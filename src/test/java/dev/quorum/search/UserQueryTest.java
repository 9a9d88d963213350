package dev.quorum.search;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UserQueryTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "vector clocks | vector clocks",
            "'\"vector clock\" lamport' | \"vector clock\" lamport",
            "raft OR paxos consensus | raft OR paxos consensus",
            "consensus -paxos -\"multi paxos\" | consensus -paxos -\"multi paxos\"",
            "'\"unterminated phrase' | \"unterminated phrase\"",
            "OR raft OR | OR raft OR",
            "'a - b' | a - b",
            "title:raft^2 | title:raft^2",
            "'  spaced\tout\u0000words ' | spaced out words",
            "'\"single\"' | single",
    })
    void parsesTheLanguageReadersKnow(String input, String normalised) {
        assertEquals(normalised, UserQuery.parse(input).toString());
    }

    @Test
    void exclusionsAndAlternativesAreStructured() {
        UserQuery q = UserQuery.parse("raft OR paxos -zab \"log replication\"");
        assertEquals(2, q.groups().size());
        assertEquals(2, q.groups().get(0).alternatives().size());
        assertTrue(q.groups().get(1).isSinglePhrase());
        assertEquals(List.of(new UserQuery.Part("zab", false)), q.excluded());
    }

    @Test
    void clausesAndPhraseWordsAreCapped() {
        UserQuery many = UserQuery.parse("a b c d e f g h i j k l m n o p");
        assertEquals(UserQuery.CLAUSES_MAX, many.groups().size());
        UserQuery longPhrase = UserQuery.parse("\"1 2 3 4 5 6 7 8 9 10 11\"");
        assertEquals(UserQuery.PHRASE_WORDS_MAX, longPhrase.groups().get(0).alternatives().get(0).text().split(" ").length);
        assertTrue(UserQuery.clean("x".repeat(100_000)).length() <= UserQuery.LENGTH_MAX);
    }

    @Test
    void noInputBreaksParsingPlanningOrSearching() throws IOException {
        ListSource source = new ListSource(List.of(
                ListSource.resource("a1", "Vector clocks", "Causality.", "en", "Lamport and vector clocks order events.", "time"),
                ListSource.resource("r1", "Распределённые системы", "Russian.", "ru", "Сеть теряет сообщения.", "intro")));
        try (SearchIndex index = new SearchIndex(IndexStore.inMemory(), source)) {
            index.open();
            index.rebuild();
            for (String query : HostileQueries.generate(7, 3_000)) {
                assertDoesNotThrow(() -> {
                    index.search(SearchRequest.of(query));
                    index.suggest(query);
                }, () -> "query: " + HostileQueries.shown(query, 200));
            }
        }
    }
}
