package dev.quorum.content;

import dev.quorum.catalog.Resource;
import dev.quorum.platform.QuorumConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Brings the catalog in line with the reading list: all of it or none of it.
 *
 * <p>The file is parsed and checked before anything is written; a file with errors leaves the database
 * as it was, and the site keeps serving the last good content. The writes happen in one transaction
 * holding an advisory lock, so two ingests (two admin calls, two app instances) never interleave. An
 * entry that left the file is retired, never deleted. When the file says nothing new, nothing is
 * written at all, so a second run changes nothing.
 */
@ApplicationScoped
public class ContentIngest {

    public static final String READING_LIST = "reading-list.md";
    private static final long MAX_FILE_BYTES = 4L * 1024 * 1024;
    /** Advisory lock key: "quorum-ingest" folded into a long, shared by every instance. */
    private static final long LOCK_KEY = 0x71756f72756d4931L;
    private static final Logger LOG = Logger.getLogger(ContentIngest.class);

    private final ReadingListParser parser = new ReadingListParser();
    private final ResourceFacts facts = new ResourceFacts();

    @Inject
    QuorumConfig config;

    @Inject
    EntityManager em;

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

    /** Ingests {@code contentDir}/reading-list.md; never throws for bad content or a refused write. */
    public synchronized IngestReport ingest(Path contentDir) {
        Instant started = Instant.now();
        long startedNs = System.nanoTime();
        Path file = contentDir.resolve(READING_LIST);
        String source = file.toString();
        IngestReport report;
        try {
            ParsedList parsed = parser.parse(source, read(file, source));
            if (parsed.hasErrors()) {
                report = IngestReport.refused(IngestReport.Status.REJECTED, source, started, elapsedMs(startedNs), parsed.findings());
            } else {
                report = QuarkusTransaction.requiringNew().call(() -> apply(parsed, started, startedNs));
            }
        } catch (ContentException e) {
            report = IngestReport.refused(IngestReport.Status.REJECTED, source, started, elapsedMs(startedNs), List.of(e.finding));
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

    private IngestReport apply(ParsedList parsed, Instant now, long startedNs) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, LOCK_KEY).getSingleResult();
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
        List<Resource> present = new ArrayList<>();
        for (ListEntry entry : parsed.entries()) {
            ResourceFacts.Facts wanted = facts.of(entry, READING_LIST);
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
            present.add(r);
        }
        int retired = 0;
        for (Resource gone : byUrl.values()) {
            if (!gone.retired() && gone.sourceFile.equals(READING_LIST)) {
                gone.retiredAt = now;
                gone.updatedAt = now;
                retired++;
            }
        }
        boolean changed = added + updated + restored + retired > 0;
        if (changed) {
            present.forEach(r -> r.lastSeenAt = now);
        }
        return new IngestReport(changed ? IngestReport.Status.APPLIED : IngestReport.Status.UNCHANGED,
                parsed.path(), now, elapsedMs(startedNs), parsed.entries().size(), added, updated, restored, retired,
                unchanged, parsed.findings());
    }

    private static String read(Path file, String source) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new ContentException(Finding.error(source, 1, 1, "file is larger than " + MAX_FILE_BYTES / 1024 / 1024 + " MiB"));
            }
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (NoSuchFileException e) {
            throw new ContentException(Finding.error(source, 1, 1, "file not found (set quorum.content.dir to the folder holding " + READING_LIST + ")"));
        } catch (CharacterCodingException e) {
            throw new ContentException(Finding.error(source, 1, 1, "file is not valid UTF-8"));
        } catch (IOException e) {
            throw new ContentException(Finding.error(source, 1, 1, "cannot read file: " + e.getMessage()));
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

    /** A content problem found while reading the file, carried to the report. */
    private static final class ContentException extends RuntimeException {
        private final Finding finding;

        ContentException(Finding finding) {
            super(finding.toString(), null, false, false);
            this.finding = finding;
        }
    }
}
