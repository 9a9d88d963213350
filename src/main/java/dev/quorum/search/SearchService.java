package dev.quorum.search;

import dev.quorum.catalog.CatalogChanged;
import dev.quorum.platform.QuorumConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs the {@link SearchIndex} in the app: opens or rebuilds it at startup on the indexer thread
 * (the site answers meanwhile), then applies outbox changes every {@code quorum.search.poll-interval}.
 * All writes happen on that one thread.
 */
@ApplicationScoped
public class SearchService {

    private static final Logger LOG = Logger.getLogger(SearchService.class);
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);
    /** Longest pause between two attempts while ticks fail (the database is down): it is back within this. */
    private static final Duration BACKOFF_MAX = Duration.ofSeconds(5);

    @Inject
    QuorumConfig config;

    @Inject
    PostgresDocuments documents;

    @Inject
    MeterRegistry meters;

    private Timer searches;
    private Timer suggestions;

    private SearchIndex index;
    private ScheduledExecutorService indexer;
    private final Object ticks = new Object();
    private long ticksDone;
    private long ticksStarted;
    private Instant lastSuggestions = Instant.EPOCH;
    private Instant lastPrune = Instant.EPOCH;
    private String lastError = "";
    private int failuresInARow;
    private long retryAtNs;
    /** When a tick last brought the index up to date with the outbox (null until the first). */
    private volatile Instant caughtUpAt;
    private volatile String lastProblem = "";

    void start(@Observes StartupEvent event) {
        searches = Timer.builder("quorum.search").description("Time to answer a search, from query to ranked page")
                .tag("kind", "search").publishPercentileHistogram().register(meters);
        suggestions = Timer.builder("quorum.search").tag("kind", "suggest").publishPercentileHistogram().register(meters);
        Gauge.builder("quorum.index.lag", this, s -> s.freshness().lag().map(d -> d.toMillis() / 1000.0).orElse(Double.NaN))
                .description("Time since the index last caught up with the outbox").baseUnit("seconds").register(meters);
        Gauge.builder("quorum.index.documents", this, s -> s.freshness().documents()).description("Documents in the index")
                .register(meters);
        index = new SearchIndex(IndexStore.on(Path.of(config.data().dir(), "search")), documents);
        indexer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "search-indexer");
            t.setDaemon(true);
            return t;
        });
        indexer.execute(this::openOrRebuild);
        long every = Math.max(10, config.search().pollInterval().toMillis());
        indexer.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        indexer.shutdown();
        try {
            if (!indexer.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("search indexer did not stop within 30 s");
            }
            index.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.warnf("closing the search index: %s", e.getMessage());
        }
    }

    /** An ingest just committed: look now rather than at the next tick. */
    void onCatalogChanged(@Observes CatalogChanged event) {
        if (indexer != null && !indexer.isShutdown()) {
            indexer.execute(this::tick);
        }
    }

    public SearchResult search(SearchRequest request) throws IOException {
        long started = System.nanoTime();
        try {
            return index.search(request);
        } finally {
            searches.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    public List<Suggestions.Suggestion> suggest(String prefix) throws IOException {
        long started = System.nanoTime();
        try {
            return index.suggest(prefix);
        } finally {
            suggestions.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    public String version() {
        return index.version();
    }

    /**
     * The index's version, which changes whenever it applies a change from the outbox, this instance's or another's;
     * empty while no index is ready.
     */
    public Optional<String> readyVersion() {
        return index != null && index.status().ready() ? Optional.of(index.version()) : Optional.empty();
    }

    public SearchIndex.Status status() {
        return index.status();
    }

    /**
     * How far behind the outbox the index may be: the time since a tick last applied every change committed
     * before it started (empty before the first), and the last tick's failure, if it failed.
     */
    public record Freshness(boolean ready, int documents, Optional<Duration> lag, String problem) {
    }

    public Freshness freshness() {
        Instant at = caughtUpAt;
        SearchIndex.Status status = index == null ? null : index.status();
        return new Freshness(status != null && status.ready(), status == null ? 0 : status.documents(),
                at == null ? Optional.empty() : Optional.of(Duration.between(at, Instant.now())), lastProblem);
    }

    /** How often the index looks at the outbox; readiness allows some multiple of it. */
    public Duration pollInterval() {
        return config.search().pollInterval();
    }

    /** Queues a full rebuild from PostgreSQL; searches keep using the current index until it is done. */
    public void requestRebuild() {
        indexer.execute(() -> {
            try {
                rebuild("requested");
            } catch (IOException | RuntimeException e) {
                LOG.errorf("search index rebuild failed: %s", e.getMessage());
            }
        });
    }

    /**
     * Waits until every change committed before this call is searchable, or {@code timeout} passes.
     * Returns whether it got there.
     */
    public boolean awaitIndexed(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (ticks) {
            long needed = ticksStarted + 1; // a tick that starts after now has seen every earlier commit
            indexer.execute(this::tick);
            while (ticksDone < needed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(ticks, left);
            }
            return index.status().ready();
        }
    }

    private void openOrRebuild() {
        try {
            SearchIndex.Found found = index.open();
            if (found == SearchIndex.Found.OPENED) {
                LOG.infof("search index open: %d documents", index.status().documents());
                index.refreshSuggestions();
                return;
            }
            rebuild(switch (found) {
                case MISSING -> "no index yet";
                case CORRUPT -> "the index on disk could not be read";
                case OUTDATED -> "the index was built by another version (schema " + SearchFields.SCHEMA_VERSION + " now)";
                case FOREIGN -> "the index belongs to another database";
                case STALE -> "the index has not caught up for a day, longer than the outbox keeps its rows";
                default -> found.name();
            });
        } catch (IOException | RuntimeException e) {
            LOG.errorf("search index could not be built; will retry: %s", e.getMessage());
        }
    }

    private void rebuild(String why) throws IOException {
        long started = System.nanoTime();
        int count = index.rebuild();
        index.refreshSuggestions();
        LOG.infof("search index rebuilt (%s): %d documents in %d ms", why, count,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    private void tick() {
        if (failuresInARow > 0 && System.nanoTime() - retryAtNs < 0) {
            return; // backing off: neither counted as started nor done, so awaitIndexed keeps waiting
        }
        synchronized (ticks) {
            ticksStarted++;
        }
        try {
            if (!index.status().ready()) {
                openOrRebuild();
            }
            index.applyChanges();
            Instant now = Instant.now();
            if (Duration.between(lastSuggestions, now).compareTo(config.search().suggestionsInterval()) >= 0) {
                index.refreshSuggestions();
                lastSuggestions = now;
            }
            if (Duration.between(lastPrune, now).compareTo(PRUNE_EVERY) >= 0) {
                documents.prune(index.position());
                lastPrune = now;
            }
            if (failuresInARow > 0) {
                LOG.infof("search indexer: caught up again after %d failed attempt(s)", failuresInARow);
            }
            failuresInARow = 0;
            lastError = "";
            lastProblem = "";
            caughtUpAt = now;
        } catch (IOException | RuntimeException e) {
            failuresInARow++;
            retryAtNs = System.nanoTime() + backoff(failuresInARow).toNanos();
            String message = String.valueOf(e.getMessage());
            lastProblem = message;
            if (!message.equals(lastError)) { // once per distinct failure, not four times a second
                LOG.warnf("search indexer: %s", message);
                lastError = message;
            }
        } finally {
            synchronized (ticks) {
                ticksDone++;
                ticks.notifyAll();
            }
        }
    }

    /** Doubles from the poll interval with each failure in a row, up to {@link #BACKOFF_MAX}. */
    private Duration backoff(int failures) {
        Duration wait = config.search().pollInterval().multipliedBy(1L << Math.min(failures, 10));
        return wait.compareTo(BACKOFF_MAX) > 0 ? BACKOFF_MAX : wait;
    }
}
