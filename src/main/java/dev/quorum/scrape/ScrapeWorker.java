package dev.quorum.scrape;

import dev.quorum.catalog.CatalogChanged;
import dev.quorum.platform.QuorumConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Drains the scrape queue in the background: resources never fetched are queued at startup and after
 * each ingest, and each worker thread claims one job at a time. Off in tests, which drive
 * {@link #runOnce(String)} themselves.
 */
@ApplicationScoped
public class ScrapeWorker {

    private static final Logger LOG = Logger.getLogger(ScrapeWorker.class);

    @Inject
    QuorumConfig config;

    @Inject
    ScrapeQueue queue;

    @Inject
    ScrapeProcessor processor;

    @Inject
    MeterRegistry meters;

    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    /** Identifies this instance's leases; a restarted instance is a new owner. */
    private final String instance = UUID.randomUUID().toString().substring(0, 8);

    void onStart(@Observes StartupEvent event) {
        enqueueQuietly();
        if (!config.scrape().enabled()) {
            return;
        }
        running = true;
        for (int i = 0; i < config.scrape().workers(); i++) {
            String owner = instance + "-" + i;
            Thread t = new Thread(() -> loop(owner), "scrape-worker-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        LOG.infof("scrape: %d worker(s) started", threads.size());
    }

    void onCatalogChanged(@Observes CatalogChanged event) {
        enqueueQuietly();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        threads.forEach(Thread::interrupt);
    }

    private void enqueueQuietly() {
        try {
            int added = queue.enqueueMissing();
            if (added > 0) {
                LOG.infof("scrape: queued %d resource(s) never fetched", added);
            }
        } catch (RuntimeException e) {
            LOG.warnf("scrape: could not queue new resources: %s", e.getMessage());
        }
    }

    private void loop(String owner) {
        long idleMs = config.scrape().pollInterval().toMillis();
        while (running && !Thread.currentThread().isInterrupted()) {
            try {
                if (!runOnce(owner)) {
                    Thread.sleep(idleMs);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // the database went away or similar: say so in one line and keep going
                LOG.warnf("scrape worker %s: %s", owner, e.getMessage());
                sleepQuietly(idleMs);
            }
        }
    }

    /** Claims, fetches and completes one job; false when nothing was due (or its lease ran out). */
    public boolean runOnce(String owner) {
        return queue.claim(owner, config.scrape().lease()).map(this::runOnceFor).orElse(false);
    }

    /** Fetches and completes a job already claimed; false when its lease ran out first (nothing is written). */
    public boolean runOnceFor(ScrapeQueue.Claim claim) {
        ScrapeProcessor.Outcome outcome;
        try {
            outcome = processor.process(claim);
        } catch (RuntimeException e) {
            LOG.warnf("scrape %s: %s", claim.url(), e.toString());
            outcome = ScrapeProcessor.failed(claim, e);
        }
        if (Thread.currentThread().isInterrupted()) {
            return false; // shutting down: the lease runs out and another start takes the job over, untouched
        }
        boolean completed;
        String status = outcome.snapshot().status;
        try {
            completed = queue.complete(claim, outcome.snapshot(), config.scrape().recheck(), outcome.retryAfter());
        } catch (RuntimeException e) {
            status = "error";
            // the database refused what the site sent us: record the failure without it, so the job backs off
            LOG.warnf("scrape %s: could not store the snapshot: %s", claim.url(), e.getMessage());
            completed = queue.complete(claim, ScrapeProcessor.failed(claim, e).snapshot(), config.scrape().recheck(), Optional.empty());
        }
        if (completed) {
            meters.counter("quorum.scrape.outcomes", "status", status).increment();
        }
        if (!completed) {
            LOG.warnf("scrape %s: lease expired before the fetch finished; another worker owns the job", claim.url());
        }
        return completed;
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
