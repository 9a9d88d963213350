package dev.quorum.content;

import java.time.Instant;
import java.util.List;

/** What one ingest of a reading list did, or why it did nothing. */
public record IngestReport(
        Status status,
        String source,
        Instant startedAt,
        long durationMs,
        int entries,
        int added,
        int updated,
        int restored,
        int retired,
        int unchanged,
        List<Finding> findings) {

    public enum Status {
        /** The database now matches the file. */
        APPLIED,
        /** The database already matched the file; nothing was written. */
        UNCHANGED,
        /** The file has errors; the database was left as it was. */
        REJECTED,
        /** The database refused the change; it was rolled back. */
        FAILED
    }

    public IngestReport {
        findings = List.copyOf(findings);
    }

    public boolean succeeded() {
        return status == Status.APPLIED || status == Status.UNCHANGED;
    }

    static IngestReport refused(Status status, String source, Instant startedAt, long durationMs, List<Finding> findings) {
        return new IngestReport(status, source, startedAt, durationMs, 0, 0, 0, 0, 0, 0, findings);
    }

    public String summary() {
        return switch (status) {
            case APPLIED -> String.format("%s: %d entries; %d added, %d updated, %d restored, %d retired, %d unchanged (%d ms)",
                    source, entries, added, updated, restored, retired, unchanged, durationMs);
            case UNCHANGED -> String.format("%s: %d entries, all unchanged (%d ms)", source, entries, durationMs);
            case REJECTED -> String.format("%s: rejected with %d error(s); the database was left as it was", source,
                    findings.stream().filter(Finding::isError).count());
            case FAILED -> String.format("%s: the database refused the change and it was rolled back: %s", source,
                    findings.isEmpty() ? "" : findings.get(findings.size() - 1).message());
        };
    }
}
