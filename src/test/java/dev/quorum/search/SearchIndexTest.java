package dev.quorum.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SearchIndexTest {

    private static final List<SearchDocument> CORPUS = List.of(
            ListSource.resource("a1", "Vector clocks explained", "How vector clocks capture causality between events.",
                    "en", "A vector clock is a list of counters, one per process. Lamport clocks order events.", "time-and-clocks"),
            ListSource.resource("a2", "Lamport timestamps", "Logical clocks that order events without synchronized time.",
                    "en", "Leslie Lamport showed how to order events in a distributed system.", "time-and-clocks"),
            ListSource.resource("a3", "Raft consensus", "Leader election and log replication made understandable.",
                    "en", "Raft elects a leader and replicates a log across servers.", "consensus"),
            ListSource.resource("a4", "Paxos made simple", "The classic consensus algorithm, explained plainly.",
                    "en", "Proposers, acceptors and learners agree on a single value.", "consensus"),
            ListSource.resource("r1", "Страх и ненависть в распределённых системах", "A Russian article on the pitfalls of distributed systems.",
                    "ru", "Распределённые системы ломаются неожиданным образом: сеть теряет сообщения.", "architecture"),
            ListSource.resource("a5", "Gossip protocols", "Epidemic dissemination of membership changes.",
                    "en", "Gossip spreads information like a rumour among nodes.", "membership"));

    private static SearchIndex built(ListSource source) throws IOException {
        SearchIndex index = new SearchIndex(IndexStore.inMemory(), source);
        assertEquals(SearchIndex.Found.MISSING, index.open());
        index.rebuild();
        return index;
    }

    private static SearchResult search(SearchIndex index, String q) throws IOException {
        return index.search(SearchRequest.of(q));
    }

    private static List<String> ids(SearchResult result) {
        return result.hits().stream().map(SearchResult.Hit::id).toList();
    }

    @Test
    void titleMatchesRankAboveBodyMatches() throws IOException {
        try (SearchIndex index = built(new ListSource(CORPUS))) {
            SearchResult result = search(index, "vector clocks");
            assertEquals("a1", ids(result).get(0));
        }
    }

    @Test
    void russianQueryFindsRussianTitleInAnotherInflection() throws IOException {
        try (SearchIndex index = built(new ListSource(CORPUS))) {
            assertEquals(List.of("r1"), ids(search(index, "распределенная система")));
        }
    }

    @Test
    void phrasesMustMatchExactlyAndExclusionsRemove() throws IOException {
        try (SearchIndex index = built(new ListSource(CORPUS))) {
            assertEquals(List.of("a2"), ids(search(index, "\"order events without\"")));
            assertFalse(ids(search(index, "consensus -paxos")).contains("a4"));
            assertTrue(ids(search(index, "consensus -paxos")).contains("a3"));
            assertEquals(2, search(index, "raft OR paxos").total());
        }
    }

    @Test
    void misspeltQueryFallsBackToFuzzyAndSuggestsASpelling() throws IOException {
        try (SearchIndex index = built(new ListSource(CORPUS))) {
            SearchResult result = search(index, "vectr clocks");
            assertTrue(result.fuzzy());
            assertEquals("a1", ids(result).get(0));
            assertEquals(Optional.of("vector clocks"), result.didYouMean());
        }
    }

    @Test
    void saysHowASearchThatFoundTooLittleWasWidened() throws IOException {
        try (SearchIndex index = built(new ListSource(CORPUS))) {
            assertEquals(SearchResult.Widening.NONE, search(index, "raft OR paxos OR gossip").widened()); // three: enough
            assertFalse(search(index, "raft OR paxos OR gossip").fuzzy());
            // Both words are spelt right, but no page has both: any one of them is let in, and the result says so.
            SearchResult someWords = search(index, "gossip paxos");
            assertEquals(SearchResult.Widening.SOME_WORDS, someWords.widened());
            assertEquals(List.of("a4", "a5"), ids(someWords).stream().sorted().toList());
            // A near spelling that "did you mean" does not offer (a word in the index, but rare) is let in by the fuzzy stage.
            SearchResult near = search(index, "gosip protocols");
            assertTrue(near.fuzzy());
            assertEquals("a5", ids(near).get(0));
        }
    }

    @Test
    void snippetsAreEscapedExceptForMark() throws IOException {
        ListSource source = new ListSource(List.of(ListSource.resource("x1", "Scripts", "About <script>alert(1)</script> tags.",
                "en", "", "t")));
        try (SearchIndex index = built(source)) {
            String snippet = search(index, "script").hits().get(0).snippet();
            assertFalse(snippet.contains("<script"), snippet);
            assertTrue(snippet.contains("<mark>script</mark>"), snippet);
        }
    }

    @Test
    void facetCountsIgnoreTheirOwnFilter() throws IOException {
        try (SearchIndex index = built(new ListSource(CORPUS))) {
            SearchRequest clocksOnly = new SearchRequest(UserQuery.parse(""), Optional.of("time-and-clocks"),
                    Optional.empty(), Optional.empty(), 1, 10);
            SearchResult result = index.search(clocksOnly);
            assertEquals(2, result.total());
            assertEquals(4, result.facets().get(SearchFields.FACET_TOPIC).size(), "other topics stay visible to widen again");
            assertEquals(List.of(new SearchResult.FacetCount("en", 2)), result.facets().get(SearchFields.FACET_LANGUAGE));
        }
    }

    @Test
    void changesAreAppliedByIdAndSurviveARestart() throws IOException {
        ListSource source = new ListSource(CORPUS);
        IndexStore store = IndexStore.inMemory();
        try (SearchIndex index = new SearchIndex(store, source)) {
            index.open();
            index.rebuild();
            source.put(ListSource.resource("a3", "Raft, revised", "Consensus for humans.", "en", "", "consensus"));
            source.remove(SearchDocument.RESOURCE, "a4");
            source.put(ListSource.resource("a6", "Hybrid logical clocks", "Physical and logical time together.", "en", "", "time-and-clocks"));
            assertEquals(3, index.applyChanges());
            assertEquals(List.of("a3"), ids(search(index, "revised")));
            assertEquals(List.of(), ids(search(index, "paxos")));
            assertEquals(6, index.status().documents());
        }
        int loadsBefore = source.loads;
        try (SearchIndex reopened = new SearchIndex(store, source)) {
            assertEquals(SearchIndex.Found.OPENED, reopened.open());
            assertEquals(0, reopened.applyChanges(), "changes already committed are not applied again");
            assertEquals(loadsBefore, source.loads);
            assertEquals(List.of("a6"), ids(reopened.search(SearchRequest.of("hybrid"))));
        }
    }

    @Test
    void suggestionsCompleteAnyWordOfATitle() throws IOException {
        try (SearchIndex index = built(new ListSource(CORPUS))) {
            assertEquals(List.of(), index.suggest("clo"), "none until they are built");
            index.refreshSuggestions();
            List<Suggestions.Suggestion> found = index.suggest("clo");
            assertEquals("Vector clocks explained", found.get(0).text());
            assertEquals("Vector <mark>clo</mark>cks explained", found.get(0).highlight());
        }
    }

    /** A clock the test moves. */
    static final class MovingClock extends java.time.Clock {
        java.time.Instant now = java.time.Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }

    @Test
    void anIndexStoppedLongerThanTheOutboxKeepsRowsIsRebuiltButAnIdleOneIsNot() throws IOException {
        IndexStore store = IndexStore.inMemory();
        ListSource source = new ListSource(CORPUS);
        MovingClock clock = new MovingClock();
        try (SearchIndex index = new SearchIndex(store, source, clock)) {
            index.open();
            index.rebuild();
            // Running but idle for two days: it commits its position every hour, so it stays fresh.
            for (int h = 0; h < 48; h++) {
                clock.now = clock.now.plus(java.time.Duration.ofMinutes(61));
                assertEquals(0, index.applyChanges());
            }
        }
        clock.now = clock.now.plus(java.time.Duration.ofHours(2));
        try (SearchIndex index = new SearchIndex(store, source, clock)) {
            assertEquals(SearchIndex.Found.OPENED, index.open(), "stopped for two hours: opened");
        }
        // Stopped for a day: rows it never saw may have been pruned by another instance.
        clock.now = clock.now.plus(DocumentSource.OUTBOX_KEPT);
        try (SearchIndex index = new SearchIndex(store, source, clock)) {
            assertEquals(SearchIndex.Found.STALE, index.open());
        }
    }

    @Test
    void anIndexFromAnotherSchemaOrDatabaseIsNotOpened() throws IOException {
        IndexStore store = IndexStore.inMemory();
        ListSource source = new ListSource(CORPUS);
        source.put(CORPUS.get(0));
        try (SearchIndex index = new SearchIndex(store, source)) {
            index.open();
            index.rebuild();
        }
        ListSource otherDatabase = new ListSource(CORPUS); // its log is shorter than the position stored
        try (SearchIndex index = new SearchIndex(store, otherDatabase)) {
            assertEquals(SearchIndex.Found.FOREIGN, index.open());
        }
    }

    @Test
    void aWordFromSomePageTextIsNotRespelt() throws IOException {
        ListSource source = new ListSource(List.of(
                ListSource.resource("s1", "Retries", "Backing off.", "en", "A retry storm follows an outage.", "load"),
                ListSource.resource("s2", "Stores", "A key-value store.", "en", "", "storage")));
        try (SearchIndex index = built(source)) {
            assertEquals(Optional.empty(), index.search(SearchRequest.of("storm")).didYouMean());
            assertEquals(Optional.of("store"), index.search(SearchRequest.of("stoer")).didYouMean());
        }
    }

    @Test
    void wordsOfTheSiteAndTheAuthorsFindAResource() throws IOException {
        ListSource source = new ListSource(List.of(new SearchDocument(SearchDocument.RESOURCE, "c1",
                "https://blog.cloudflare.com/x", "Edge failures", "What went wrong.", "article", "en", "Jane Doe",
                "blog.cloudflare.com", List.of("t"), "t", "Some text.")));
        try (SearchIndex index = built(source)) {
            assertEquals(List.of("c1"), ids(search(index, "cloudflare")));
            assertEquals(List.of("c1"), ids(search(index, "doe")));
        }
    }

    @Test
    void aPhraseDoesNotSpanThePageTextAndTheTitle() throws IOException {
        ListSource source = new ListSource(List.of(
                ListSource.resource("p1", "Alpha beta", "Unrelated words.", "en", "gamma delta", "t")));
        try (SearchIndex index = built(source)) {
            assertEquals(List.of("p1"), ids(search(index, "\"alpha beta\"")), "the title is part of the text field");
            assertEquals(List.of("p1"), ids(search(index, "\"gamma delta\"")));
            assertEquals(List.of(), ids(search(index, "\"delta alpha\"")), "the text's last word, the title's first");
        }
    }

    @Test
    void pagesNeitherRepeatNorSkipAHit() throws IOException {
        List<SearchDocument> docs = new java.util.ArrayList<>();
        for (int i = 0; i < 70; i++) {
            docs.add(ListSource.resource("d" + i, "Doc " + i + (i % 7 == 0 ? " quorum" : ""), "About quorum systems, " + i + ".",
                    "en", "quorum ".repeat(1 + i % 5) + "text " + i, "t"));
        }
        try (SearchIndex index = built(new ListSource(docs))) {
            SearchResult whole = index.search(new SearchRequest(UserQuery.parse("quorum systems"), Optional.empty(),
                    Optional.empty(), Optional.empty(), 1, 100));
            assertEquals(70, whole.hits().size());
            for (int i = 1; i < whole.hits().size(); i++) {
                assertTrue(whole.hits().get(i).score() <= whole.hits().get(i - 1).score(), "scores fall down the list at " + i);
            }
            List<String> paged = new java.util.ArrayList<>();
            for (int page = 1; page <= 7; page++) {
                paged.addAll(ids(index.search(new SearchRequest(UserQuery.parse("quorum systems"), Optional.empty(),
                        Optional.empty(), Optional.empty(), page, 10))));
            }
            assertEquals(ids(whole), paged, "ten pages of ten are the hundred, in order");
        }
    }

    @Test
    void facetCountsAgreeWithAndWithoutDrillSideways() throws IOException {
        try (SearchIndex index = built(new ListSource(CORPUS))) {
            SearchResult plain = search(index, "clocks OR consensus OR gossip");
            SearchResult sideways = index.search(new SearchRequest(UserQuery.parse("clocks OR consensus OR gossip"),
                    Optional.empty(), Optional.of("article"), Optional.empty(), 1, 10)); // every document is an article
            assertEquals(5, plain.total());
            assertEquals(plain.total(), sideways.total());
            assertEquals(plain.facets(), sideways.facets());
        }
    }

    @Test
    void aRussianQueryRanksTheRussianArticleAboveAnEnglishPageQuotingIt() throws IOException {
        // Counted among the two Russian documents alone, "сбои" would look common: the English page that
        // quotes the title (in its description, which the English field holds) would come first.
        List<SearchDocument> docs = new java.util.ArrayList<>(CORPUS);
        docs.add(ListSource.resource("r2", "Сбои в распределённых системах", "Why remote calls fail, in Russian.", "ru",
                "Сбои сети, сбои узлов и частичные сбои: распределённые системы ломаются по частям.", "architecture"));
        docs.add(ListSource.resource("path", "Learning path", "Then read «Сбои в распределённых системах» for the failure modes.",
                "en", "A reading order for newcomers to distributed systems.", "learning-path"));
        try (SearchIndex index = built(new ListSource(docs))) {
            List<String> found = ids(search(index, "сбои в распределённой системе"));
            assertEquals("r2", found.get(0), "found: " + found);
            assertTrue(found.contains("path"), "the English page still matches: " + found);
        }
    }
}
