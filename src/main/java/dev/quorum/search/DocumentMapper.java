package dev.quorum.search;

import java.io.IOException;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

/** Turns a {@link SearchDocument} into the Lucene document {@link SearchFields} describes. */
final class DocumentMapper {

    /** Long scraped texts are indexed and kept for snippets up to here; the start says what a page is about. */
    static final int BODY_CHARS_MAX = 100_000;
    private static final int SORT_CHARS_MAX = 200;

    /** Text that snippets are cut from: stored, with offsets in the postings so highlighting never re-analyzes. */
    private static final FieldType HIGHLIGHTED = new FieldType(TextField.TYPE_STORED);
    /**
     * Further values of a highlighted field that are matched but not shown: same index options (a field's
     * options must agree across values), not stored, so their offsets fall past the stored text and
     * never make a passage.
     */
    private static final FieldType HIGHLIGHTED_EXTRA = new FieldType(TextField.TYPE_NOT_STORED);
    /**
     * Our description: stored (every hit shows it or falls back to it) and scored with positions, but no
     * offsets. It is highlighted only for the few hits whose text has no marked word, and analysing a
     * sentence then costs less than writing offsets for every description on a rebuild.
     */
    private static final FieldType DESCRIBED = new FieldType(TextField.TYPE_STORED);
    /** Text that is indexed with positions (for phrases), not stored. */
    private static final FieldType INDEXED = new FieldType(TextField.TYPE_NOT_STORED);
    /** Words kept for fuzzy matching and spelling: no positions needed. */
    private static final FieldType WORDS = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        HIGHLIGHTED.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        HIGHLIGHTED.freeze();
        HIGHLIGHTED_EXTRA.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        HIGHLIGHTED_EXTRA.freeze();
        DESCRIBED.freeze();
        INDEXED.freeze();
        WORDS.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        WORDS.setOmitNorms(true);
        WORDS.freeze();
    }

    private final FacetsConfig facets;

    DocumentMapper(FacetsConfig facets) {
        this.facets = facets;
    }

    Document map(SearchDocument source) throws IOException {
        String bucket = LanguageAnalysis.bucketOf(source.language());
        String body = source.body().length() > BODY_CHARS_MAX ? source.body().substring(0, BODY_CHARS_MAX) : source.body();
        Document doc = new Document();
        doc.add(new StringField(SearchFields.KEY, source.key(), Field.Store.NO));
        doc.add(new StoredField(SearchFields.ID, source.id()));
        doc.add(new StoredField(SearchFields.TYPE, source.type()));
        doc.add(new StoredField(SearchFields.URL, source.url()));
        doc.add(new StoredField(SearchFields.TITLE_STORED, source.title()));
        doc.add(new StoredField(SearchFields.KIND_STORED, source.kind()));
        doc.add(new StoredField(SearchFields.LANGUAGE_STORED, source.language()));
        for (String topic : source.topics()) {
            doc.add(new StoredField(SearchFields.TOPICS_STORED, topic));
        }

        // Scored fields: where a word is found says how much it counts (see QueryPlanner).
        doc.add(new Field(SearchFields.title(bucket), source.title(), INDEXED));
        doc.add(new Field(SearchFields.DESCRIPTION, source.description(), DESCRIBED));
        doc.add(new Field(SearchFields.TOPICS, source.topicText(), INDEXED));

        // Text fields: every word a reader may search for, a field per language, so that a query word is
        // one postings list per language however many places it occurs in. The page text comes first and
        // is the only stored value (snippets are cut from it); the resource's title follows in the same
        // language, and the words we write (description, topic notes), the authors and the site's name
        // go to the English field. Values are kept apart by a position gap, so phrases do not span them.
        String own = SearchFields.body(bucket);
        String english = SearchFields.body(LanguageAnalysis.ENGLISH);
        doc.add(new Field(own, body, HIGHLIGHTED));
        addExtra(doc, own, source.title());
        for (String ours : new String[] {source.description(), source.topicText(), source.authors(), siteWords(source.domain())}) {
            addExtra(doc, english, ours);
        }

        // Our words, not the page's: near spellings and "did you mean" draw on a curated vocabulary, and
        // leaving scraped text out halves the work of a rebuild. A topic's overview is ours, so it counts.
        String oursToo = SearchDocument.TOPIC.equals(source.type()) ? body : "";
        for (String text : new String[] {source.title(), source.description(), source.topicText(), source.authors(), oursToo}) {
            if (!text.isEmpty()) {
                doc.add(new Field(SearchFields.ALL_PLAIN, text, WORDS));
            }
        }
        String sortKey = source.title().toLowerCase(Locale.ROOT);
        doc.add(new SortedDocValuesField(SearchFields.TITLE_SORT,
                new BytesRef(sortKey.length() > SORT_CHARS_MAX ? sortKey.substring(0, SORT_CHARS_MAX) : sortKey)));

        for (String topic : source.topics()) {
            doc.add(new SortedSetDocValuesFacetField(SearchFields.FACET_TOPIC, topic));
        }
        if (!source.kind().isEmpty()) {
            doc.add(new SortedSetDocValuesFacetField(SearchFields.FACET_KIND, source.kind()));
        }
        doc.add(new SortedSetDocValuesFacetField(SearchFields.FACET_LANGUAGE, source.language()));
        return facets.build(doc);
    }

    private static void addExtra(Document doc, String field, String text) {
        if (!text.isBlank()) {
            doc.add(new Field(field, text, HIGHLIGHTED_EXTRA));
        }
    }

    /** "blog.cloudflare.com" → "blog cloudflare com", so a reader's "cloudflare" finds the site. */
    static String siteWords(String domain) {
        return domain.replace('.', ' ').replace('-', ' ');
    }
}
