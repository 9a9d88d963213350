package dev.quorum.scrape;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** What one fetch of a resource found: how the link answered and, when it did, the text we extracted. */
@Entity
@Table(name = "scrape_snapshot")
public class Snapshot extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "resource_id", nullable = false)
    public String resourceId;

    @Column(name = "fetched_at", nullable = false)
    public Instant fetchedAt;

    @Column(nullable = false)
    public String status;

    @Column(name = "http_status")
    public Integer httpStatus;

    @Column(name = "final_url", nullable = false)
    public String finalUrl;

    @Column(name = "content_type")
    public String contentType;

    public String etag;

    @Column(name = "last_modified")
    public String lastModified;

    @Column(name = "content_hash")
    public String contentHash;

    public String title;
    public String author;
    public String published;
    public String language;
    public String text;

    @Column(name = "word_count")
    public Integer wordCount;

    @Column(name = "reading_minutes")
    public Integer readingMinutes;

    @Column(name = "page_count")
    public Integer pageCount;

    @Column(name = "duration_ms", nullable = false)
    public int durationMs;

    public String detail;

    /** The latest snapshot that carries text (ok or redirected, or unchanged copied forward). */
    public static Optional<Snapshot> latestWithText(String resourceId) {
        return find("resourceId = ?1 and text is not null", Sort.descending("fetchedAt").and("id", Sort.Direction.Descending), resourceId)
                .firstResultOptional();
    }
}
