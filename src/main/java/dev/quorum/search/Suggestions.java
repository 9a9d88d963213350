package dev.quorum.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.Lookup;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * Completions of titles and topics as the reader types: any word of a title may be the one being
 * completed ("clo" finds "Vector clocks"). Built whole from the index's titles, in memory; the
 * titles of a few hundred thousand documents take well under a second.
 */
public final class Suggestions implements Closeable {

    /** Most completions one lookup returns. */
    static final int COUNT_MAX = 8;
    /** Longest prefix looked up; longer input is cut (a title is rarely longer). */
    static final int PREFIX_CHARS_MAX = 100;

    /** A completion: its highlight is escaped HTML with {@code <mark>} around what the reader typed. */
    public record Suggestion(String text, String highlight, String type, String url) {
    }

    record Entry(String text, String type, String url, long weight) {
    }

    private final AnalyzingInfixSuggester suggester;

    private Suggestions(AnalyzingInfixSuggester suggester) {
        this.suggester = suggester;
    }

    static Suggestions build(List<Entry> entries) throws IOException {
        MarkingSuggester suggester = new MarkingSuggester();
        suggester.build(new Entries(entries.iterator()));
        return new Suggestions(suggester);
    }

    List<Suggestion> lookup(String prefix) throws IOException {
        String key = UserQuery.clean(prefix);
        if (key.length() > PREFIX_CHARS_MAX) {
            key = key.substring(0, PREFIX_CHARS_MAX);
        }
        if (key.isBlank() || suggester.getCount() == 0) {
            return List.of();
        }
        List<Suggestion> out = new ArrayList<>();
        for (Lookup.LookupResult result : suggester.lookup(key, (Set<BytesRef>) null, COUNT_MAX, true, true)) {
            String[] payload = result.payload.utf8ToString().split("\n", 2);
            out.add(new Suggestion(result.key.toString(), String.valueOf(result.highlightKey), payload[0], payload[1]));
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        suggester.close();
    }

    /** Marks matches with {@code <mark>} and escapes everything else, so a highlight is safe to show. */
    private static final class MarkingSuggester extends AnalyzingInfixSuggester {
        MarkingSuggester() throws IOException {
            super(new ByteBuffersDirectory(), LanguageAnalysis.plain(), LanguageAnalysis.plain(), 1, false, true, true, true);
        }

        @Override
        protected void addNonMatch(StringBuilder sb, String text) {
            sb.append(SearchExecutor.escape(text));
        }

        @Override
        protected void addWholeMatch(StringBuilder sb, String surface, String analyzed) {
            sb.append("<mark>").append(SearchExecutor.escape(surface)).append("</mark>");
        }

        @Override
        protected void addPrefixMatch(StringBuilder sb, String surface, String analyzed, String prefixToken) {
            int cut = Math.min(prefixToken.length(), surface.length());
            sb.append("<mark>").append(SearchExecutor.escape(surface.substring(0, cut))).append("</mark>")
                    .append(SearchExecutor.escape(surface.substring(cut)));
        }
    }

    private static final class Entries implements InputIterator {
        private final Iterator<Entry> entries;
        private Entry current;

        Entries(Iterator<Entry> entries) {
            this.entries = entries;
        }

        @Override
        public BytesRef next() {
            if (!entries.hasNext()) {
                return null;
            }
            current = entries.next();
            return new BytesRef(current.text());
        }

        @Override
        public long weight() {
            return current.weight();
        }

        @Override
        public BytesRef payload() {
            return new BytesRef((current.type() + "\n" + current.url()).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public boolean hasPayloads() {
            return true;
        }

        @Override
        public Set<BytesRef> contexts() {
            return null;
        }

        @Override
        public boolean hasContexts() {
            return false;
        }
    }
}
