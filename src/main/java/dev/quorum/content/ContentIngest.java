package dev.quorum.content;

import dev.quorum.catalog.CatalogChanged;
import dev.quorum.catalog.Resource;
import dev.quorum.catalog.Topic;
import dev.quorum.catalog.TopicEntry;
import dev.quorum.platform.QuorumConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Brings the catalog in line with the content folder: all of it or none of it.
 *
 * <p>The folder is read and linted before anything is written; content with errors leaves the database
 * as it was, and the site keeps serving the last good content. The writes happen in one transaction
 * holding an advisory lock, so two ingests (two admin calls, two app instances) never interleave.
 * Resources and topics that left the content are retired, never deleted. When the content says nothing
 * new, nothing is written at all, so a second run changes nothing.
 */
@ApplicationScoped
public class ContentIngest {

    public static final String READING_LIST = ContentLoader.READING_LIST;
    /** Advisory lock key: "quorum-ingest" folded into a long, shared by every instance. */
    private static final long LOCK_KEY = 0x71756f72756d4931L;
    /** The longest an ingest waits for another's to finish. */
    private static final java.time.Duration LOCK_WAIT = java.time.Duration.ofMinutes(5);
    private static final Logger LOG = Logger.getLogger(ContentIngest.class);

    private final ContentLoader loader = new ContentLoader();
    @Inject
    DemoCatalog demos;
    private final ResourceFacts resourceFacts = new ResourceFacts();
    private final TopicFacts topicFacts = new TopicFacts();

    @Inject
    QuorumConfig config;

    @Inject
    EntityManager em;

    @Inject
    Event<CatalogChanged> changed;

    private volatile Optional<IngestReport> lastReport = Optional.empty();

    void onStart(@Observes StartupEvent event) {
        if (config.content().ingestOnStart()) {
            ingest();
        }
    }

    /** Ingests the configured content folder. */
    public IngestReport ingest() {
        return ingest(Path.of(config.content().dir()));
    }

    /** Ingests {@code contentDir}; never throws for bad content or a refused write. */
    public synchronized IngestReport ingest(Path contentDir) {
        Instant started = Instant.now();
        long startedNs = System.nanoTime();
        String source = contentDir.toString();
        IngestReport report;
        try {
            ContentSnapshot content = loader.load(contentDir);
            List<Finding> findings = new ContentLinter(demos.ids()).lint(content);
            if (findings.stream().anyMatch(Finding::isError)) {
                report = IngestReport.refused(IngestReport.Status.REJECTED, source, started, elapsedMs(startedNs), findings);
            } else {
                report = QuarkusTransaction.requiringNew().call(() -> apply(content, findings, started, startedNs));
                if (report.status() == IngestReport.Status.APPLIED) {
                    changed.fire(new CatalogChanged(report.startedAt())); // after commit: observers see the new rows
                }
            }
        } catch (PersistenceException | IllegalStateException e) {
            Finding why = Finding.error(source, 1, 1, "database error: " + rootMessage(e));
            report = IngestReport.refused(IngestReport.Status.FAILED, source, started, elapsedMs(startedNs), List.of(why));
        }
        log(report);
        lastReport = Optional.of(report);
        return report;
    }

    /** The outcome of the latest ingest since this instance started. */
    public Optional<IngestReport> lastReport() {
        return lastReport;
    }

    /**
     * Waits for the ingest lock, held to the end of this transaction. Another instance's ingest may hold it for
     * longer than the driver's socket timeout (a few seconds, so that a frozen database is noticed), so this one
     * statement gets {@link #LOCK_WAIT} instead, and the connection its own timeout back afterwards.
     */
    private void takeIngestLock() {
        em.unwrap(org.hibernate.Session.class).doWork(c -> {
            int before = c.getNetworkTimeout();
            c.setNetworkTimeout(Runnable::run, (int) LOCK_WAIT.toMillis());
            try (var lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, LOCK_KEY);
                lock.execute();
            } finally {
                c.setNetworkTimeout(Runnable::run, before);
            }
        });
    }

    private IngestReport apply(ContentSnapshot content, List<Finding> findings, Instant now, long startedNs) {
        takeIngestLock();
        Map<String, Resource> present = new HashMap<>();
        IngestReport.Counts resources = applyResources(content.readingList(), now, present);
        em.flush();
        IngestReport.Counts topics = applyTopics(content.topics(), present, now);
        boolean changed = resources.changed() || topics.changed();
        if (changed) {
            present.values().forEach(r -> r.lastSeenAt = now);
        }
        return new IngestReport(changed ? IngestReport.Status.APPLIED : IngestReport.Status.UNCHANGED,
                content.dir(), now, elapsedMs(startedNs), resources, topics, findings);
    }

    /** Upserts the list's resources; fills {@code present} with them by canonical URL. */
    private IngestReport.Counts applyResources(ParsedList list, Instant now, Map<String, Resource> present) {
        Map<String, Resource> byUrl = new HashMap<>();
        Map<String, Resource> byId = new HashMap<>();
        for (Resource r : Resource.allIncludingRetired()) {
            byUrl.put(r.canonicalUrl, r);
            byId.put(r.id, r);
        }
        int added = 0;
        int updated = 0;
        int restored = 0;
        int unchanged = 0;
        for (ListEntry entry : list.entries()) {
            ResourceFacts.Facts wanted = resourceFacts.of(entry, READING_LIST);
            Resource r = byUrl.remove(wanted.canonicalUrl());
            if (r == null) {
                Resource clash = byId.get(wanted.id());
                if (clash != null) {
                    throw new IllegalStateException("resource id " + wanted.id() + " of " + wanted.canonicalUrl()
                            + " is already used by " + clash.canonicalUrl);
                }
                r = new Resource();
                r.id = wanted.id();
                r.firstSeenAt = now;
                r.lastSeenAt = now;
                wanted.copyTo(r, now);
                r.persist();
                added++;
            } else if (r.retired()) {
                wanted.copyTo(r, now);
                r.retiredAt = null;
                restored++;
            } else if (!wanted.matches(r)) {
                wanted.copyTo(r, now);
                updated++;
            } else {
                unchanged++;
            }
            present.put(wanted.canonicalUrl(), r);
        }
        int retired = 0;
        for (Resource gone : byUrl.values()) {
            if (!gone.retired() && gone.sourceFile.equals(READING_LIST)) {
                gone.retiredAt = now;
                gone.updatedAt = now;
                retired++;
            }
        }
        return new IngestReport.Counts(list.entries().size(), added, updated, restored, retired, unchanged);
    }

    private IngestReport.Counts applyTopics(List<TopicDraft> drafts, Map<String, Resource> resources, Instant now) {
        Map<String, Topic> existing = new HashMap<>();
        Topic.allIncludingRetired().forEach(t -> existing.put(t.slug, t));
        int added = 0;
        int updated = 0;
        int restored = 0;
        int unchanged = 0;
        for (TopicDraft draft : drafts) {
            TopicFacts.Facts wanted = topicFacts.of(draft, resources);
            Topic t = existing.remove(draft.slug());
            if (t == null) {
                t = new Topic();
                t.slug = draft.slug();
                t.firstSeenAt = now;
                wanted.copyTo(t, now);
                t.persist();
                writePath(t.slug, wanted.path());
                added++;
                continue;
            }
            boolean wasRetired = t.retired();
            boolean samePath = wanted.path().equals(TopicFacts.pathOf(TopicEntry.path(t.slug)));
            if (!wasRetired && samePath && wanted.matches(t)) {
                unchanged++;
                continue;
            }
            wanted.copyTo(t, now);
            t.retiredAt = null;
            if (!samePath) {
                TopicEntry.deletePath(t.slug);
                em.flush(); // deletes must reach the database before the new path's unique positions do
                writePath(t.slug, wanted.path());
            }
            if (wasRetired) {
                restored++;
            } else {
                updated++;
            }
        }
        int retired = 0;
        for (Topic gone : existing.values()) {
            if (!gone.retired()) {
                gone.retiredAt = now;
                gone.updatedAt = now;
                retired++;
            }
        }
        return new IngestReport.Counts(drafts.size(), added, updated, restored, retired, unchanged);
    }

    private static void writePath(String slug, List<TopicFacts.Step> path) {
        for (TopicFacts.Step step : path) {
            TopicEntry e = new TopicEntry();
            e.topicSlug = slug;
            e.resourceId = step.resourceId();
            e.position = step.position();
            e.note = step.note();
            e.persist();
        }
    }

    private static void log(IngestReport report) {
        if (report.succeeded()) {
            LOG.info("ingest " + report.summary());
        } else {
            LOG.error("ingest " + report.summary());
        }
        for (Finding f : report.findings()) {
            if (f.isError()) {
                LOG.error(f.toString());
            } else {
                LOG.warn(f.toString());
            }
        }
    }

    private static long elapsedMs(long startedNs) {
        return (System.nanoTime() - startedNs) / 1_000_000;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
