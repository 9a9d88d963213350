package dev.quorum.search;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Where the index's documents come from: PostgreSQL in the app, a list in unit tests. */
interface DocumentSource {

    /**
     * Streams every live document as of one consistent snapshot and returns that snapshot's
     * {@link Position}: the outbox rows written after it are the ones still to apply.
     */
    Position all(Consumer<SearchDocument> sink);

    /** The documents changed since {@code after}, oldest change first, and the position they bring the index to. */
    Changes changesSince(Position after);

    /** The document as it is now, or empty when it was retired or never existed (so it leaves the index). */
    Optional<SearchDocument> load(String type, String id);

    /** True when {@code position} is not from this database's past (an index copied from elsewhere, or a restored database). */
    boolean isFromThisDatabase(Position position);

    /**
     * How long the outbox keeps a row every reader may already have applied. An index that has not committed for
     * about this long may have missed rows another instance pruned, so it is rebuilt at startup.
     */
    java.time.Duration OUTBOX_KEPT = java.time.Duration.ofDays(1);

    /** How far the outbox has been read: a PostgreSQL snapshot ("xmin:xmax:xip,…") and the highest row seen. */
    record Position(String snapshot, long seq) {
        public static final Position START = new Position("", 0);
    }

    /** A changed document's key, as the outbox names it. */
    record Change(String type, String id) {
    }

    record Changes(List<Change> changed, Position position) {
        public Changes {
            changed = List.copyOf(changed);
        }
    }
}
