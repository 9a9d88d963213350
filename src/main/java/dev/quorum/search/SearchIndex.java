package dev.quorum.search;

import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.Bits;

/**
 * The one owner of the Lucene index: its {@link IndexWriter}, its {@link SearcherManager}, and the
 * position in the outbox it has applied up to. Writes ({@link #open}, {@link #rebuild},
 * {@link #applyChanges}) must come from a single thread; searches may come from any number.
 *
 * <p>The outbox position is stored in each Lucene commit together with the documents it produced,
 * so after a crash the index resumes exactly where its last commit left off: nothing is lost, and
 * nothing already committed is applied again.
 */
public final class SearchIndex implements Closeable {

    /** What {@link #open} found. Anything but {@code OPENED} calls for a {@link #rebuild}. */
    public enum Found { OPENED, MISSING, CORRUPT, OUTDATED, FOREIGN, STALE }

    /**
     * An index last committed longer ago than this may have missed outbox rows another instance pruned
     * ({@link DocumentSource#OUTBOX_KEPT}, less an hour of margin): it is rebuilt rather than opened.
     */
    static final Duration STALE_AFTER = DocumentSource.OUTBOX_KEPT.minusHours(1);
    /** An idle index commits its position this often anyway, so being idle does not make it stale. */
    static final Duration RECOMMIT_IDLE = Duration.ofHours(1);

    /** Live facts for operators and tests. */
    public record Status(boolean ready, String generation, int documents, long outboxSeq, Instant lastChangeAt) {
    }

    private static final double REBUILD_RAM_BUFFER_MB = 128;
    private static final int REBUILD_THREADS_MAX = 4;
    /** Documents handed to an analysis thread at a time: one hand-over per document cost more than it carried. */
    private static final int REBUILD_BATCH = 64;
    private static final java.util.Set<String> SUGGESTION_FIELDS = java.util.Set.of(SearchFields.TITLE_STORED,
            SearchFields.TYPE, SearchFields.URL, SearchFields.TOPICS_STORED);

    private final IndexStore store;
    private final DocumentSource source;
    private final Analyzer analyzer = LanguageAnalysis.perField();
    private final FacetsConfig facets = SearchFields.facetsConfig();
    private final DocumentMapper mapper = new DocumentMapper(facets);
    private final SearchExecutor executor = new SearchExecutor(analyzer, facets);

    private volatile Generation live;
    private volatile Suggestions suggestions;
    private volatile DocumentSource.Position position = DocumentSource.Position.START;
    private volatile Instant lastChangeAt;
    private final Clock clock;
    /** When the live generation last committed (its commit data says so too). */
    private volatile Instant committedAt = Instant.EPOCH;
    private boolean suggestionsStale;

    private record Generation(String name, Directory directory, IndexWriter writer, SearcherManager searchers)
            implements Closeable {
        @Override
        public void close() throws IOException {
            try (directory; writer) {
                searchers.close();
            }
        }
    }

    public SearchIndex(IndexStore store, DocumentSource source) {
        this(store, source, Clock.systemUTC());
    }

    SearchIndex(IndexStore store, DocumentSource source, Clock clock) {
        this.store = store;
        this.source = source;
        this.clock = clock;
    }

    /** Opens the current generation if it is readable, of this schema, and from this database. */
    public Found open() {
        Optional<String> name = store.current();
        if (name.isEmpty()) {
            return Found.MISSING;
        }
        Directory directory = null;
        IndexWriter writer = null;
        try {
            directory = store.open(name.get());
            if (!DirectoryReader.indexExists(directory)) {
                directory.close();
                return Found.MISSING;
            }
            writer = new IndexWriter(directory, config(IndexWriterConfig.OpenMode.APPEND));
            Map<String, String> data = commitData(writer);
            if (!SearchFields.SCHEMA_VERSION.equals(data.get(SearchFields.COMMIT_SCHEMA))) {
                writer.rollback();
                directory.close();
                return Found.OUTDATED;
            }
            DocumentSource.Position committed = new DocumentSource.Position(
                    data.getOrDefault(SearchFields.COMMIT_SNAPSHOT, ""),
                    Long.parseLong(data.getOrDefault(SearchFields.COMMIT_OUTBOX_SEQ, "0")));
            if (!source.isFromThisDatabase(committed)) {
                writer.rollback();
                directory.close();
                return Found.FOREIGN;
            }
            Instant at = Instant.ofEpochMilli(Long.parseLong(data.getOrDefault(SearchFields.COMMIT_AT, "0")));
            if (Duration.between(at, clock.instant()).compareTo(STALE_AFTER) > 0) {
                writer.rollback();
                directory.close();
                return Found.STALE;
            }
            SearcherManager searchers = new SearcherManager(writer, FacetedSearcher.factory(facets));
            try {
                verifyChecksums(searchers);
            } catch (IOException | RuntimeException e) {
                searchers.close();
                throw e;
            }
            position = committed;
            committedAt = at;
            install(new Generation(name.get(), directory, writer, searchers));
            return Found.OPENED;
        } catch (IOException | RuntimeException e) {
            closeQuietly(writer, directory);
            return Found.CORRUPT;
        }
    }

    /**
     * Reads every file of every segment against its checksum: a segment garbled in the middle opens fine and
     * fails (or, worse, answers wrongly) only when a search reaches the bad bytes. One sequential read of the
     * index at startup; a failure makes the index CORRUPT, to be rebuilt.
     */
    private static void verifyChecksums(SearcherManager searchers) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                leaf.reader().checkIntegrity();
            }
        } finally {
            searchers.release(searcher);
        }
    }

    /**
     * Builds a new generation from every document the source has, then swaps it in. Searches keep
     * using the old generation (if any) until the new one is complete.
     */
    public int rebuild() throws IOException {
        String name = store.next();
        Directory directory = store.open(name);
        IndexWriter writer = null;
        int[] count = {0};
        try {
            IndexWriterConfig config = config(IndexWriterConfig.OpenMode.CREATE);
            config.setRAMBufferSizeMB(REBUILD_RAM_BUFFER_MB); // fewer, larger segments: less merging
            config.setUseCompoundFile(false); // a few large segments: packing each into one file would only copy it
            writer = new IndexWriter(directory, config);
            DocumentSource.Position built = addAll(writer, count);
            writer.setLiveCommitData(commitData(built).entrySet());
            writer.commit();
            SearcherManager searchers = new SearcherManager(writer, FacetedSearcher.factory(facets));
            store.publish(name);
            position = built;
            install(new Generation(name, directory, writer, searchers));
            store.discardAllBut(name);
            return count[0];
        } catch (IOException | RuntimeException e) {
            if (writer != null) {
                writer.rollback();
            }
            directory.close();
            store.discardAllBut(store.current().orElse(""));
            throw e;
        }
    }

    /**
     * Streams every document from the source into {@code writer}: the source reads on this thread,
     * analysis runs on one thread per core (IndexWriter takes documents from many threads at once).
     */
    private DocumentSource.Position addAll(IndexWriter writer, int[] count) throws IOException {
        int threads = Math.max(1, Math.min(REBUILD_THREADS_MAX, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "search-rebuild");
            t.setDaemon(true);
            return t;
        });
        Semaphore inFlight = new Semaphore(threads * 4); // bounds the batches read ahead of analysis
        AtomicReference<Exception> failure = new AtomicReference<>();
        AtomicInteger added = new AtomicInteger();
        DocumentSource.Position built;
        AtomicReference<List<SearchDocument>> batch = new AtomicReference<>(new ArrayList<>(REBUILD_BATCH)); // filled on this thread
        Runnable hand = () -> {
            List<SearchDocument> docs = batch.getAndSet(new ArrayList<>(REBUILD_BATCH));
            inFlight.acquireUninterruptibly();
            pool.execute(() -> {
                try {
                    for (SearchDocument doc : docs) {
                        if (failure.get() != null) {
                            return;
                        }
                        writer.addDocument(mapper.map(doc));
                        added.incrementAndGet();
                    }
                } catch (IOException | RuntimeException e) {
                    failure.compareAndSet(null, e);
                } finally {
                    inFlight.release();
                }
            });
        };
        try {
            built = source.all(doc -> {
                if (failure.get() != null) {
                    throw new IllegalStateException("rebuild failed", failure.get());
                }
                batch.get().add(doc);
                if (batch.get().size() == REBUILD_BATCH) {
                    hand.run();
                }
            });
            if (!batch.get().isEmpty()) {
                hand.run();
            }
        } finally {
            pool.shutdown();
            try {
                if (!pool.awaitTermination(1, TimeUnit.HOURS)) {
                    failure.compareAndSet(null, new IOException("rebuild did not finish within an hour"));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.compareAndSet(null, new IOException("interrupted", e));
            }
        }
        if (failure.get() instanceof IOException e) {
            throw e;
        } else if (failure.get() instanceof RuntimeException e) {
            throw e;
        }
        count[0] = added.get();
        return built;
    }

    /**
     * Applies the outbox rows written since the last call: each changed document is read afresh
     * and replaced (or deleted), so applying is idempotent. Returns how many documents changed.
     */
    public int applyChanges() throws IOException {
        Generation g = live;
        if (g == null) {
            return 0;
        }
        DocumentSource.Changes changes = source.changesSince(position);
        if (changes.changed().isEmpty()) {
            position = changes.position(); // nothing between the two snapshots: no commit needed, but now and then
            if (Duration.between(committedAt, clock.instant()).compareTo(RECOMMIT_IDLE) > 0) {
                g.writer().setLiveCommitData(commitData(position).entrySet());
                g.writer().commit();
            }
            return 0;
        }
        for (DocumentSource.Change change : changes.changed()) {
            Term key = new Term(SearchFields.KEY, SearchDocument.key(change.type(), change.id()));
            Optional<SearchDocument> doc = source.load(change.type(), change.id());
            if (doc.isPresent()) {
                g.writer().updateDocument(key, mapper.map(doc.get()));
            } else {
                g.writer().deleteDocuments(key);
            }
        }
        g.writer().setLiveCommitData(commitData(changes.position()).entrySet());
        g.writer().commit();
        g.searchers().maybeRefreshBlocking();
        position = changes.position();
        lastChangeAt = Instant.now();
        suggestionsStale = true;
        return changes.changed().size();
    }

    /** Rebuilds the completions when documents changed since the last build. */
    public void refreshSuggestions() throws IOException {
        if (!suggestionsStale && suggestions != null) {
            return;
        }
        Generation g = live;
        if (g == null) {
            return;
        }
        List<Suggestions.Entry> entries = new ArrayList<>();
        IndexSearcher searcher = g.searchers().acquire();
        try {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Bits liveDocs = leaf.reader().getLiveDocs();
                StoredFields stored = leaf.reader().storedFields(); // titles only: the page texts stay on disk
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (liveDocs != null && !liveDocs.get(doc)) {
                        continue;
                    }
                    Document d = stored.document(doc, SUGGESTION_FIELDS);
                    String type = d.get(SearchFields.TYPE);
                    long weight = SearchDocument.TOPIC.equals(type) ? 1_000 : 10 + d.getValues(SearchFields.TOPICS_STORED).length;
                    String title = d.get(SearchFields.TITLE_STORED);
                    if (title != null && !title.isBlank()) {
                        entries.add(new Suggestions.Entry(title, type, d.get(SearchFields.URL), weight));
                    }
                }
            }
        } finally {
            g.searchers().release(searcher);
        }
        Suggestions fresh = Suggestions.build(entries);
        Suggestions old = suggestions;
        suggestions = fresh;
        suggestionsStale = false;
        if (old != null) {
            old.close();
        }
    }

    public SearchResult search(SearchRequest request) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Generation g = readyGeneration();
            IndexSearcher searcher;
            try {
                searcher = g.searchers().acquire();
            } catch (AlreadyClosedException swapped) {
                if (attempt < 2) {
                    continue; // a rebuild swapped generations under us
                }
                throw new IndexNotReadyException();
            }
            try {
                return executor.search((FacetedSearcher) searcher, request);
            } finally {
                g.searchers().release(searcher);
            }
        }
    }

    public List<Suggestions.Suggestion> suggest(String prefix) throws IOException {
        Suggestions current = suggestions;
        if (current == null) {
            readyGeneration();
            return List.of();
        }
        try {
            return current.lookup(prefix);
        } catch (AlreadyClosedException swapped) {
            Suggestions again = suggestions;
            return again == null ? List.of() : again.lookup(prefix);
        }
    }

    /** Changes whenever what searches return may change: a cache validator for responses. */
    public String version() {
        Generation g = readyGeneration();
        return g.name() + "." + position.seq() + "." + g.writer().getMaxCompletedSequenceNumber();
    }

    public DocumentSource.Position position() {
        return position;
    }

    public Status status() {
        Generation g = live;
        if (g == null) {
            return new Status(false, "", 0, position.seq(), lastChangeAt);
        }
        return new Status(true, g.name(), g.writer().getDocStats().numDocs, position.seq(), lastChangeAt);
    }

    @Override
    public void close() throws IOException {
        Generation g = live;
        live = null;
        Suggestions s = suggestions;
        suggestions = null;
        if (s != null) {
            s.close();
        }
        if (g != null) {
            g.close();
        }
    }

    private Generation readyGeneration() {
        Generation g = live;
        if (g == null) {
            throw new IndexNotReadyException();
        }
        return g;
    }

    /** Swaps in a generation; its completions are rebuilt by the next {@link #refreshSuggestions}. */
    private void install(Generation fresh) throws IOException {
        Generation old = live;
        live = fresh;
        suggestionsStale = true;
        if (old != null) {
            old.close();
        }
    }

    private IndexWriterConfig config(IndexWriterConfig.OpenMode mode) {
        IndexWriterConfig config = new IndexWriterConfig(analyzer);
        config.setOpenMode(mode);
        config.setCommitOnClose(false); // only commits that carry an outbox position count
        return config;
    }

    private static Map<String, String> commitData(IndexWriter writer) {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        return data;
    }

    /** What a commit records: schema, outbox position, and when (so a later open can tell it is stale). */
    private Map<String, String> commitData(DocumentSource.Position position) {
        committedAt = clock.instant();
        return Map.of(SearchFields.COMMIT_SCHEMA, SearchFields.SCHEMA_VERSION,
                SearchFields.COMMIT_SNAPSHOT, position.snapshot(),
                SearchFields.COMMIT_OUTBOX_SEQ, Long.toString(position.seq()),
                SearchFields.COMMIT_AT, Long.toString(committedAt.toEpochMilli()));
    }

    private static void closeQuietly(IndexWriter writer, Directory directory) {
        try {
            if (writer != null) {
                writer.rollback();
            }
        } catch (IOException | RuntimeException ignored) {
            // already failing; the rebuild that follows starts from a new generation
        }
        try {
            if (directory != null) {
                directory.close();
            }
        } catch (IOException | RuntimeException ignored) {
            // as above
        }
    }

    /** Thrown while no generation is open yet (the first build after startup is running). */
    public static final class IndexNotReadyException extends RuntimeException {
        public IndexNotReadyException() {
            super("the search index is being built; try again in a few seconds");
        }
    }
}
