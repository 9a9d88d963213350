package dev.quorum.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A topic page: our overview of one area and the reading path through its resources. */
@Entity
@Table(name = "topic")
public class Topic extends PanacheEntityBase {

    @Id
    public String slug;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String summary;

    @Column(nullable = false)
    public int position;

    @Column(name = "overview_markdown", nullable = false)
    public String overviewMarkdown;

    /** Rendered from {@link #overviewMarkdown} with raw HTML escaped; safe to emit as is. */
    @Column(name = "overview_html", nullable = false)
    public String overviewHtml;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> related = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> demos = new ArrayList<>();

    @Column(name = "source_file", nullable = false)
    public String sourceFile;

    @Column(name = "first_seen_at", nullable = false)
    public Instant firstSeenAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "retired_at")
    public Instant retiredAt;

    public boolean retired() {
        return retiredAt != null;
    }

    /** Active topics in their reading order. */
    public static List<Topic> active() {
        return list("retiredAt is null", Sort.by("position").and("slug"));
    }

    public static Optional<Topic> bySlug(String slug) {
        return findByIdOptional(slug);
    }

    public static List<Topic> allIncludingRetired() {
        return listAll();
    }

    /** The active topics among {@code slugs}, in reading order. */
    public static List<Topic> activeAmong(List<String> slugs) {
        if (slugs.isEmpty()) {
            return List.of();
        }
        return list("retiredAt is null and slug in ?1", Sort.by("position").and("slug"), slugs);
    }
}
