package dev.quorum.search;

import java.util.List;
import org.apache.lucene.facet.FacetsConfig;

/**
 * The index's field names in one place, with why each is stored, indexed or doc-valued.
 *
 * <p>Text fields carry a language suffix: {@code .en} and {@code .ru} are stemmed for that language,
 * {@code .std} is for any other language (tokenised and lower-cased, not stemmed). A resource's own
 * words (its title and the scraped text) go to the fields of its language; the words we write (our
 * description, topic titles and notes) are English. The {@code .plain} field keeps unstemmed words for
 * typo tolerance and "did you mean".
 *
 * <p>Two kinds of text field: the {@linkplain #body(String) text fields} hold every word a document can be
 * found by (one postings list per language for a query word: cheap to match and count), and the scored
 * fields (title, description, topics) say where a word occurs, which the second ranking pass weighs.
 */
public final class SearchFields {

    /** "resource:&lt;id&gt;" or "topic:&lt;slug&gt;": the unique key updates and deletes go by. Indexed, not stored. */
    public static final String KEY = "key";
    /** Resource id or topic slug, returned with each hit. Stored. */
    public static final String ID = "id";
    /** "resource" or "topic". Stored. */
    public static final String TYPE = "type";
    /** Where a reader goes: the resource's URL or the topic's page. Stored only. */
    public static final String URL = "url";
    /** The title as written, for display and suggestions. Stored only. */
    public static final String TITLE_STORED = "title";
    /** Our description (a topic's summary), the snippet's fallback. Stored and indexed as {@link #DESCRIPTION}. */
    public static final String DESCRIPTION = "description.en";
    /** Topic titles and our notes on why the resource is on each reading path. Indexed. */
    public static final String TOPICS = "topics.en";
    /** Unstemmed words of the title and of what we wrote (our descriptions, notes, topic overviews; not scraped text), for fuzzy matching and the spell checker. Indexed. */
    public static final String ALL_PLAIN = "all.plain";
    /** Lower-cased title, for a stable order when a search has no words (browsing by facet). Doc values. */
    public static final String TITLE_SORT = "title.sort";

    /** Facet dimensions (sorted-set doc values, so no taxonomy index to keep in step). */
    public static final String FACET_TOPIC = "topic";
    public static final String FACET_KIND = "kind";
    public static final String FACET_LANGUAGE = "language";
    public static final List<String> FACETS = List.of(FACET_TOPIC, FACET_KIND, FACET_LANGUAGE);

    /** Stored copies of the facet values, returned with each hit. */
    public static final String TOPICS_STORED = "topics";
    public static final String KIND_STORED = "kind";
    public static final String LANGUAGE_STORED = "language";

    /** Commit user data: the schema this index was built with, and the last outbox row applied. */
    public static final String COMMIT_SCHEMA = "quorum.schema";
    public static final String COMMIT_OUTBOX_SEQ = "quorum.outbox-seq";
    /** When the commit was made, in epoch milliseconds. */
    public static final String COMMIT_AT = "quorum.committed-at";
    /** The PostgreSQL snapshot the index reflects; see {@code DocumentSource.Position}. */
    public static final String COMMIT_SNAPSHOT = "quorum.outbox-snapshot";
    /**
     * Bump whenever fields, analyzers or the document mapping change: an index built by another
     * version is rebuilt at startup.
     */
    public static final String SCHEMA_VERSION = "6";

    private SearchFields() {
    }

    public static String title(String bucket) {
        return "title." + bucket;
    }

    /**
     * The text field of a language: a document's page text (stored, for snippets) and title in its own
     * language's field; our description, topic notes, authors and site name in the English one.
     */
    public static String body(String bucket) {
        return "body." + bucket;
    }

    static FacetsConfig facetsConfig() {
        FacetsConfig config = new FacetsConfig();
        config.setMultiValued(FACET_TOPIC, true);
        return config;
    }
}
