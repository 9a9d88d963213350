package dev.quorum.content;

import java.time.Instant;
import java.util.List;

/** What one ingest of the content folder did, or why it did nothing. */
public record IngestReport(
        Status status,
        String source,
        Instant startedAt,
        long durationMs,
        Counts resources,
        Counts topics,
        List<Finding> findings) {

    public enum Status {
        /** The database now matches the content. */
        APPLIED,
        /** The database already matched the content; nothing was written. */
        UNCHANGED,
        /** The content has errors; the database was left as it was and the site serves the last good content. */
        REJECTED,
        /** The database refused the change; it was rolled back. */
        FAILED
    }

    /** How many items of one sort the ingest saw, and what it did with them. */
    public record Counts(int entries, int added, int updated, int restored, int retired, int unchanged) {
        static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0);

        boolean changed() {
            return added + updated + restored + retired > 0;
        }

        @Override
        public String toString() {
            return String.format("%d (%d added, %d updated, %d restored, %d retired, %d unchanged)",
                    entries, added, updated, restored, retired, unchanged);
        }
    }

    public IngestReport {
        findings = List.copyOf(findings);
    }

    public boolean succeeded() {
        return status == Status.APPLIED || status == Status.UNCHANGED;
    }

    public long errorCount() {
        return findings.stream().filter(Finding::isError).count();
    }

    static IngestReport refused(Status status, String source, Instant startedAt, long durationMs, List<Finding> findings) {
        return new IngestReport(status, source, startedAt, durationMs, Counts.NONE, Counts.NONE, findings);
    }

    public String summary() {
        return switch (status) {
            case APPLIED -> String.format("%s: resources %s; topics %s (%d ms)", source, resources, topics, durationMs);
            case UNCHANGED -> String.format("%s: %d resources and %d topics, all unchanged (%d ms)", source,
                    resources.entries(), topics.entries(), durationMs);
            case REJECTED -> String.format("%s: rejected with %d error(s); the site keeps serving the last good content",
                    source, errorCount());
            case FAILED -> String.format("%s: the database refused the change and it was rolled back: %s", source,
                    findings.isEmpty() ? "" : findings.get(findings.size() - 1).message());
        };
    }
}
