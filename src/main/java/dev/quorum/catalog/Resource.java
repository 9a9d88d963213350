package dev.quorum.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A linked article, paper, book, video, course, repository or list from the reading list. */
@Entity
@Table(name = "resource")
public class Resource extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "canonical_url", nullable = false, unique = true)
    public String canonicalUrl;

    @Column(nullable = false)
    public String url;

    @Column(nullable = false)
    public String title;

    public String description;

    /** A {@link ResourceKind#slug()}; stored as text so the CHECK constraint reads plainly in SQL. */
    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String language;

    @Column(nullable = false)
    public String domain;

    public String section;

    /** Who wrote it, as the list gives it ("Joseph M. Hellerstein, Peter Alvaro"); null when unknown. */
    public String authors;

    /** When it was published; null when unknown. */
    public Integer year;

    @Column(name = "source_file", nullable = false)
    public String sourceFile;

    @Column(name = "source_line", nullable = false)
    public int sourceLine;

    @Column(name = "first_seen_at", nullable = false)
    public Instant firstSeenAt;

    @Column(name = "last_seen_at", nullable = false)
    public Instant lastSeenAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "retired_at")
    public Instant retiredAt;

    /** When the scraper last checked the link; null until it has. */
    @Column(name = "link_checked_at")
    public Instant linkCheckedAt;

    /** The last check's outcome: ok, unchanged, redirected, gone, blocked_by_robots, refused, deferred or error. */
    @Column(name = "link_status")
    public String linkStatus;

    @Column(name = "link_http_status")
    public Integer linkHttpStatus;

    /** Start of the current run of failed checks; null while the link works. */
    @Column(name = "link_failing_since")
    public Instant linkFailingSince;

    /** Set once the link counts as dead (404/410, or failing for two weeks); null otherwise. */
    @Column(name = "link_broken_since")
    public Instant linkBrokenSince;

    public boolean retired() {
        return retiredAt != null;
    }

    /** Dead by {@link LinkHealth}'s rule: readers get a note and the archived copies. */
    public boolean linkBroken() {
        return linkBrokenSince != null;
    }

    public String archiveUrl() {
        return LinkHealth.archiveUrl(url);
    }

    public String linkDescription() {
        return LinkHealth.describe(this).orElse("");
    }

    public ResourceKind resourceKind() {
        return ResourceKind.fromSlug(kind).orElseThrow();
    }

    /** Filters for listing active resources; empty means "any". */
    public record Filter(Optional<ResourceKind> kind, Optional<String> language) {
        public static Filter none() {
            return new Filter(Optional.empty(), Optional.empty());
        }

        String where() {
            StringBuilder q = new StringBuilder("retiredAt is null");
            kind.ifPresent(k -> q.append(" and kind = :kind"));
            language.ifPresent(l -> q.append(" and language = :language"));
            return q.toString();
        }

        Parameters parameters() {
            Parameters p = new Parameters();
            kind.ifPresent(k -> p.and("kind", k.slug()));
            language.ifPresent(l -> p.and("language", l));
            return p;
        }
    }

    /** One page of active resources in reading-list order. */
    public static List<Resource> activePage(Filter filter, int pageIndex, int pageSize) {
        return find(filter.where(), Sort.by("sourceFile").and("sourceLine"), filter.parameters())
                .page(Page.of(pageIndex, pageSize))
                .list();
    }

    public static long countActive(Filter filter) {
        return count(filter.where(), filter.parameters());
    }

    /** Active resources per kind, every kind present (zero where none). */
    public static Map<ResourceKind, Long> countActiveByKind() {
        Map<ResourceKind, Long> counts = new EnumMap<>(ResourceKind.class);
        for (ResourceKind k : ResourceKind.values()) {
            counts.put(k, 0L);
        }
        List<Object[]> rows = getEntityManager()
                .createQuery("select r.kind, count(r) from Resource r where r.retiredAt is null group by r.kind", Object[].class)
                .getResultList();
        for (Object[] row : rows) {
            ResourceKind.fromSlug((String) row[0]).ifPresent(k -> counts.put(k, (Long) row[1]));
        }
        return counts;
    }

    /** The most recently added active resources; ties (one ingest adds many) go to the later line. */
    public static List<Resource> latestAdditions(int limit) {
        return find("retiredAt is null", Sort.descending("firstSeenAt").and("sourceLine", Sort.Direction.Descending))
                .page(Page.ofSize(limit))
                .list();
    }

    /** Active resources with these ids, in no particular order. */
    public static List<Resource> activeByIds(java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return list("retiredAt is null and id in ?1", ids);
    }

    public static Optional<Resource> byId(String id) {
        return findByIdOptional(id);
    }

    public static List<Resource> allIncludingRetired() {
        return listAll();
    }
}
