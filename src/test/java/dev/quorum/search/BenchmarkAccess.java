package dev.quorum.search;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Lets the benchmark (another package) build an index on disk from a stream of documents, with no database. */
public final class BenchmarkAccess {

    private BenchmarkAccess() {
    }

    public static SearchIndex onDisk(Path dir, Consumer<Consumer<SearchDocument>> documents) {
        DocumentSource source = new DocumentSource() {
            @Override
            public Position all(Consumer<SearchDocument> sink) {
                documents.accept(sink);
                return new Position("bench", 0);
            }

            @Override
            public Changes changesSince(Position after) {
                return new Changes(List.of(), after);
            }

            @Override
            public Optional<SearchDocument> load(String type, String id) {
                return Optional.empty();
            }

            @Override
            public boolean isFromThisDatabase(Position position) {
                return true;
            }
        };
        return new SearchIndex(IndexStore.on(dir), source);
    }
}
