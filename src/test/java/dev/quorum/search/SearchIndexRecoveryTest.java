package dev.quorum.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What startup finds on disk, and a rebuild that never leaves readers without an index. */
class SearchIndexRecoveryTest {

    private static final List<SearchDocument> DOCS = List.of(
            ListSource.resource("a1", "Vector clocks", "Causality.", "en", "Vector clocks order events.", "time"),
            ListSource.resource("a2", "Raft", "Consensus.", "en", "Leaders and logs.", "consensus"));

    @TempDir
    Path dir;

    private Path built(ListSource source) throws IOException {
        try (SearchIndex index = new SearchIndex(IndexStore.on(dir), source)) {
            assertEquals(SearchIndex.Found.MISSING, index.open());
            index.rebuild();
        }
        return dir.resolve(Files.readString(dir.resolve("CURRENT")).strip());
    }

    @Test
    void reopensAGoodIndexWithoutRebuilding() throws IOException {
        ListSource source = new ListSource(DOCS);
        built(source);
        try (SearchIndex index = new SearchIndex(IndexStore.on(dir), source)) {
            assertEquals(SearchIndex.Found.OPENED, index.open());
            assertEquals(1, index.search(SearchRequest.of("raft")).total());
        }
    }

    @Test
    void aCorruptIndexIsFoundAndRebuilt() throws IOException {
        ListSource source = new ListSource(DOCS);
        Path generation = built(source);
        try (Stream<Path> files = Files.list(generation)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals("write.lock")).toList()) {
                Files.write(file, "not a lucene file".getBytes());
            }
        }
        try (SearchIndex index = new SearchIndex(IndexStore.on(dir), source)) {
            assertEquals(SearchIndex.Found.CORRUPT, index.open());
            assertEquals(2, index.rebuild());
            assertEquals(1, index.search(SearchRequest.of("vector")).total());
        }
        assertTrue(Files.notExists(generation), "the corrupt generation is deleted once a good one is current");
    }

    @Test
    void aTruncatedSegmentFileIsCorrupt() throws IOException {
        ListSource source = new ListSource(DOCS);
        Path largest = largestSegmentFile(built(source));
        try (var channel = java.nio.channels.FileChannel.open(largest, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() / 2);
        }
        assertCorruptAndRebuilt(source);
    }

    @Test
    void aSegmentFileGarbledInTheMiddleIsCorrupt() throws IOException {
        ListSource source = new ListSource(DOCS);
        Path largest = largestSegmentFile(built(source));
        byte[] bytes = Files.readAllBytes(largest);
        for (int i = bytes.length / 3; i < bytes.length / 3 + 8 && i < bytes.length; i++) {
            bytes[i] ^= (byte) 0x5a; // same length, header and footer intact: only the checksum can tell
        }
        Files.write(largest, bytes);
        assertCorruptAndRebuilt(source);
    }

    @Test
    void aGarbageCommitPointIsCorrupt() throws IOException {
        ListSource source = new ListSource(DOCS);
        Path generation = built(source);
        try (Stream<Path> files = Files.list(generation)) {
            for (Path commit : files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
                Files.write(commit, "no commit point here".getBytes());
            }
        }
        assertCorruptAndRebuilt(source);
    }

    @Test
    void aDeletedIndexDirectoryIsMissingAndRebuilt() throws IOException {
        ListSource source = new ListSource(DOCS);
        built(source);
        dev.quorum.platform.TempDirs.deleteTree(dir);
        try (SearchIndex index = new SearchIndex(IndexStore.on(dir), source)) {
            assertEquals(SearchIndex.Found.MISSING, index.open());
            assertEquals(2, index.rebuild());
            assertEquals(1, index.search(SearchRequest.of("raft")).total());
        }
    }

    private void assertCorruptAndRebuilt(ListSource source) throws IOException {
        try (SearchIndex index = new SearchIndex(IndexStore.on(dir), source)) {
            assertEquals(SearchIndex.Found.CORRUPT, index.open());
            assertEquals(2, index.rebuild());
            assertEquals(1, index.search(SearchRequest.of("vector")).total());
        }
        try (SearchIndex index = new SearchIndex(IndexStore.on(dir), source)) {
            assertEquals(SearchIndex.Found.OPENED, index.open(), "the rebuilt index opens at the next start");
        }
    }

    private static Path largestSegmentFile(Path generation) throws IOException {
        try (Stream<Path> files = Files.list(generation)) {
            return files.filter(f -> !f.getFileName().toString().equals("write.lock")
                    && !f.getFileName().toString().startsWith("segments_"))
                    .max(java.util.Comparator.comparingLong(f -> f.toFile().length())).orElseThrow();
        }
    }

    @Test
    void anIndexOfAnotherSchemaIsOutdated() throws IOException {
        ListSource source = new ListSource(DOCS);
        Path generation = built(source);
        try (FSDirectory d = FSDirectory.open(generation);
                IndexWriter w = new IndexWriter(d, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
            w.setLiveCommitData(Map.of(SearchFields.COMMIT_SCHEMA, "0").entrySet());
            w.commit();
        }
        try (SearchIndex index = new SearchIndex(IndexStore.on(dir), source)) {
            assertEquals(SearchIndex.Found.OUTDATED, index.open());
        }
    }

    @Test
    void aMissingGenerationIsMissing() throws IOException {
        Files.writeString(dir.resolve("CURRENT"), "gen-41\n");
        try (SearchIndex index = new SearchIndex(IndexStore.on(dir), new ListSource(DOCS))) {
            assertEquals(SearchIndex.Found.MISSING, index.open());
        }
    }

    @Test
    void searchesKeepAnsweringFromTheOldIndexWhileARebuildRuns() throws Exception {
        ListSource source = new ListSource(DOCS);
        built(source);
        CountDownLatch rebuilding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        DocumentSource slow = new DocumentSource() {
            @Override
            public Position all(Consumer<SearchDocument> sink) {
                rebuilding.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                sink.accept(ListSource.resource("a3", "Paxos", "Consensus.", "en", "Acceptors.", "consensus"));
                return source.all(sink);
            }

            @Override
            public Changes changesSince(Position after) {
                return source.changesSince(after);
            }

            @Override
            public java.util.Optional<SearchDocument> load(String type, String id) {
                return source.load(type, id);
            }

            @Override
            public boolean isFromThisDatabase(Position position) {
                return source.isFromThisDatabase(position);
            }
        };
        ExecutorService indexer = Executors.newSingleThreadExecutor();
        try (SearchIndex index = new SearchIndex(IndexStore.on(dir), slow)) {
            assertEquals(SearchIndex.Found.OPENED, index.open());
            Future<Integer> rebuild = indexer.submit(index::rebuild);
            assertTrue(rebuilding.await(10, TimeUnit.SECONDS));
            assertEquals(1, index.search(SearchRequest.of("raft")).total(), "the old generation answers meanwhile");
            assertEquals(0, index.search(SearchRequest.of("paxos")).total());
            release.countDown();
            assertEquals(3, rebuild.get(10, TimeUnit.SECONDS));
            assertEquals(1, index.search(SearchRequest.of("paxos")).total(), "the new generation answers after the swap");
        } finally {
            indexer.shutdownNow();
        }
    }
}
