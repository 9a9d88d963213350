package dev.quorum.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns a {@link UserQuery} into Lucene queries, in two forms:
 * <ul>
 *   <li>{@link #match}: which documents a query finds, over the text fields only (one postings list per
 *       language for each word), so that matching, counting and facets stay cheap however common the
 *       words are. Its BM25 score is a document's base score and picks the candidates;</li>
 *   <li>{@link #bonus}: what the candidates gain for where the words stand: in the title, our
 *       description or the topics (boosted in that order), and near each other (proximity).</li>
 * </ul>
 * Exclusions apply to every word a document has, and the FUZZY stage lets near spellings in when the
 * exact query finds little.
 */
final class QueryPlanner {

    /**
     * The text fields, which hold every word of a document: what matching looks at. Both maps iterate in
     * field-name order, so the same query always builds the same Lucene query.
     */
    static final SortedMap<String, Float> MATCHED;
    /** Field → boost for the bonus. A word counts by its best field plus a little of the others. */
    static final SortedMap<String, Float> SCORED;

    static {
        SortedMap<String, Float> matched = new TreeMap<>();
        SortedMap<String, Float> scored = new TreeMap<>();
        for (String bucket : LanguageAnalysis.BUCKETS) {
            matched.put(SearchFields.body(bucket), 1.0f);
            scored.put(SearchFields.title(bucket), 4.0f);
        }
        scored.put(SearchFields.DESCRIPTION, 2.5f);
        scored.put(SearchFields.TOPICS, 1.8f);
        MATCHED = Collections.unmodifiableSortedMap(matched);
        SCORED = Collections.unmodifiableSortedMap(scored);
    }

    private static final float TIE_BREAKER = 0.3f;
    private static final int PROXIMITY_SLOP = 4;
    /** How much a proximity match adds, as a multiple of its own score. */
    static final float PROXIMITY_WEIGHT = 1.5f;
    private static final int FUZZY_PREFIX = 1;
    private static final int FUZZY_EXPANSIONS = 30;
    private static final int FUZZY_LENGTH_MAX = 24;
    /** Near spellings are tried for this many words of a query at most; each costs an automaton per field. */
    static final int FUZZY_WORDS_MAX = UserQuery.CLAUSES_MAX;

    private final Analyzer analyzer;

    QueryPlanner(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** How precise a plan is: FUZZY finds at least what EXACT finds ({@link #anyWord} widens further). */
    enum Stage {
        /** Most words must match exactly (after stemming). */
        EXACT,
        /** As EXACT, but a word may also match a near spelling. */
        FUZZY
    }

    /** The documents {@code query} finds at {@code stage}; a query with no words matches everything (for browsing). */
    Query match(UserQuery query, Stage stage) {
        return plan(query, stage, MATCHED);
    }

    /**
     * What a document found by {@code query} at {@code stage} gains on top of its {@link #match} score:
     * for each word in the title, description or topics (any one word counts; which documents match is
     * {@link #match}'s business), and for the words standing near each other.
     */
    Query bonus(UserQuery query, Stage stage) {
        BooleanQuery.Builder bonus = new BooleanQuery.Builder().add(anyWord(plan(query, stage, SCORED)), Occur.SHOULD);
        proximity(query).ifPresent(near -> bonus.add(new BoostQuery(near, PROXIMITY_WEIGHT), Occur.SHOULD));
        return bonus.build();
    }

    private Query plan(UserQuery query, Stage stage, SortedMap<String, Float> fields) {
        int[] fuzzyBudget = {stage == Stage.FUZZY ? FUZZY_WORDS_MAX : 0}; // words still allowed near spellings
        BooleanQuery.Builder top = new BooleanQuery.Builder();
        List<Query> words = new ArrayList<>();
        boolean positive = false;
        for (UserQuery.Group group : query.groups()) {
            Query clause = group(group, fuzzyBudget, fields);
            if (clause == null) {
                continue;
            }
            positive = true;
            if (group.isSinglePhrase()) {
                top.add(clause, Occur.MUST);
            } else {
                words.add(clause);
            }
        }
        for (Query word : words) {
            top.add(word, Occur.SHOULD);
        }
        top.setMinimumNumberShouldMatch(mustMatch(words.size()));
        if (!positive && !query.groups().isEmpty()) {
            // Only stop words ("the who"): match them as written.
            Query asWritten = asWritten(query);
            if (asWritten == null) {
                return new BooleanQuery.Builder().build(); // nothing searchable: no hits, not everything
            }
            top = new BooleanQuery.Builder().add(asWritten, Occur.MUST);
        } else if (!positive) {
            top.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        for (UserQuery.Part part : query.excluded()) {
            Query excluded = part(part, new int[] {0}, MATCHED);
            if (excluded != null) {
                top.add(excluded, Occur.MUST_NOT);
            }
        }
        return top.build();
    }

    /**
     * The same plan with any one word enough: reuses the clauses (and the near-spelling automata
     * they hold) rather than planning again.
     */
    static Query anyWord(Query plan) {
        if (!(plan instanceof BooleanQuery bool) || bool.getMinimumNumberShouldMatch() <= 1) {
            return plan;
        }
        BooleanQuery.Builder loose = new BooleanQuery.Builder();
        bool.clauses().forEach(loose::add);
        loose.setMinimumNumberShouldMatch(1);
        return loose.build();
    }

    /** With three or more words, a third may be missing: readers describe a concept in more words than a title has. */
    static int mustMatch(int words) {
        return words <= 2 ? words : words - words / 3;
    }

    private Query group(UserQuery.Group group, int[] fuzzyBudget, SortedMap<String, Float> fields) {
        List<Query> alternatives = new ArrayList<>();
        for (UserQuery.Part part : group.alternatives()) {
            Query q = part(part, fuzzyBudget, fields);
            if (q != null) {
                alternatives.add(q);
            }
        }
        if (alternatives.isEmpty()) {
            return null;
        }
        if (alternatives.size() == 1) {
            return alternatives.get(0);
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        alternatives.forEach(q -> any.add(q, Occur.SHOULD));
        return any.build();
    }

    /** A word or phrase against {@code fields}, each analyzed as that field is; null if it is only stop words. */
    private Query part(UserQuery.Part part, int[] fuzzyBudget, SortedMap<String, Float> fields) {
        List<Query> perField = new ArrayList<>();
        for (String field : fields.keySet()) {
            List<String> tokens = analyze(field, part.text());
            if (tokens.isEmpty()) {
                continue;
            }
            Query q;
            if (tokens.size() == 1) {
                q = new TermQuery(new Term(field, tokens.get(0)));
            } else {
                q = phrase(field, tokens, 0);
            }
            float boost = fields.get(field);
            perField.add(boost == 1.0f ? q : new BoostQuery(q, boost));
        }
        if (fuzzyBudget[0] > 0 && !part.phrase()) {
            List<String> plain = analyze(SearchFields.ALL_PLAIN, part.text());
            if (plain.size() == 1 && editsFor(plain.get(0)) > 0) {
                fuzzyBudget[0]--;
                String word = plain.get(0);
                int edits = editsFor(word);
                perField.add(fuzzy(SearchFields.ALL_PLAIN, word, edits));
            }
        }
        if (perField.isEmpty()) {
            return null;
        }
        return perField.size() == 1 ? perField.get(0) : new DisjunctionMaxQuery(perField, TIE_BREAKER);
    }

    /**
     * The words of {@code query} standing near each other (slop 4) in a text field, which holds the title
     * and our description as values of their own (a phrase never spans two); empty for fewer than two
     * words. Positions are costly to read, so only candidates get it (see {@link #bonus}).
     */
    Optional<Query> proximity(UserQuery query) {
        List<String> plainWords = new ArrayList<>();
        for (UserQuery.Group group : query.groups()) {
            if (group.alternatives().size() == 1 && !group.alternatives().get(0).phrase()) {
                plainWords.add(group.alternatives().get(0).text());
            }
        }
        if (plainWords.size() < 2) {
            return Optional.empty();
        }
        String text = String.join(" ", plainWords);
        List<Query> perField = new ArrayList<>();
        for (String field : MATCHED.keySet()) {
            List<String> tokens = analyze(field, text);
            if (tokens.size() >= 2) {
                perField.add(phrase(field, tokens, PROXIMITY_SLOP));
            }
        }
        return perField.isEmpty() ? Optional.empty() : Optional.of(new DisjunctionMaxQuery(perField, 0f));
    }

    private Query asWritten(UserQuery query) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        int count = 0;
        for (UserQuery.Group group : query.groups()) {
            for (UserQuery.Part part : group.alternatives()) {
                List<String> tokens = analyze(SearchFields.ALL_PLAIN, part.text());
                for (String token : tokens.subList(0, Math.min(tokens.size(), UserQuery.PHRASE_WORDS_MAX))) {
                    all.add(new TermQuery(new Term(SearchFields.ALL_PLAIN, token)), Occur.SHOULD);
                    count++;
                }
            }
        }
        return count == 0 ? null : all.build();
    }

    private static Query phrase(String field, List<String> tokens, int slop) {
        PhraseQuery.Builder phrase = new PhraseQuery.Builder().setSlop(slop);
        int limit = Math.min(tokens.size(), UserQuery.PHRASE_WORDS_MAX);
        for (int i = 0; i < limit; i++) {
            phrase.add(new Term(field, tokens.get(i)), i);
        }
        return phrase.build();
    }

    private static Query fuzzy(String field, String word, int edits) {
        return new FuzzyQuery(new Term(field, word), edits, FUZZY_PREFIX, FUZZY_EXPANSIONS, true);
    }

    /**
     * Short words get no edits ("raft" must not find "draft"), most words one, long words two. Words
     * longer than any real one are not typos, and their automata are the costly ones: none.
     */
    static int editsFor(String word) {
        int length = word.codePointCount(0, word.length());
        return length <= 3 || length > FUZZY_LENGTH_MAX ? 0 : length <= 5 ? 1 : 2;
    }

    /** The terms {@code field}'s analyzer makes of {@code text}. */
    List<String> analyze(String field, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && tokens.size() < UserQuery.PHRASE_WORDS_MAX * 4) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analyzing a query for " + field, e); // a StringReader cannot fail
        }
        return tokens;
    }
}
