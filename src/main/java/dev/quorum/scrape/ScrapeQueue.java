package dev.quorum.scrape;

import dev.quorum.catalog.LinkHealth;
import dev.quorum.catalog.Resource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The scrape queue in PostgreSQL. A job is claimed with {@code FOR UPDATE SKIP LOCKED} and a lease; the
 * worker that holds the lease writes its snapshot and completes the job in one transaction, and only if
 * the lease is still its own, so a job whose worker crashed (or stalled past its lease) is taken over and
 * completes exactly once.
 */
@ApplicationScoped
public class ScrapeQueue {

    /** Backoff after failures: 1 min, 2, 4, … capped, with ±25 % jitter so retries do not march in step. */
    static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    static final Duration MAX_RETRY = Duration.ofHours(24);

    @Inject
    EntityManager em;

    /** A claimed job: which resource, which URL, and the validators of its last snapshot. */
    public record Claim(String resourceId, String url, int attempts, String owner, Optional<String> etag,
            Optional<String> lastModified) {
    }

    /** Queues every active resource that has no job yet; returns how many were added. */
    public int enqueueMissing() {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "INSERT INTO scrape_job (resource_id, next_attempt_at, updated_at) "
                        + "SELECT id, now(), now() FROM resource WHERE retired_at IS NULL ON CONFLICT DO NOTHING")
                .executeUpdate());
    }

    /** Makes every active resource due now; returns how many jobs are due. */
    public int enqueueAll() {
        enqueueMissing();
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "UPDATE scrape_job j SET next_attempt_at = now(), updated_at = now() FROM resource r "
                        + "WHERE r.id = j.resource_id AND r.retired_at IS NULL")
                .executeUpdate());
    }

    /** Makes one resource due now; false when there is no such active resource. */
    public boolean enqueue(String resourceId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "INSERT INTO scrape_job (resource_id, next_attempt_at, updated_at) "
                        + "SELECT id, now(), now() FROM resource WHERE id = ?1 AND retired_at IS NULL "
                        + "ON CONFLICT (resource_id) DO UPDATE SET next_attempt_at = now(), updated_at = now()")
                .setParameter(1, resourceId)
                .executeUpdate()) > 0;
    }

    /** Claims the most overdue job whose lease is free or expired. */
    public Optional<Claim> claim(String owner, Duration lease) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(
                    "UPDATE scrape_job SET lease_owner = ?1, lease_until = now() + make_interval(secs => ?2), updated_at = now() "
                            + "WHERE resource_id = (SELECT j.resource_id FROM scrape_job j JOIN resource r ON r.id = j.resource_id "
                            + "  WHERE r.retired_at IS NULL AND j.next_attempt_at <= now() "
                            + "    AND (j.lease_until IS NULL OR j.lease_until < now()) "
                            + "  ORDER BY j.next_attempt_at LIMIT 1 FOR UPDATE OF j SKIP LOCKED) "
                            + "RETURNING resource_id, attempts")
                    .setParameter(1, owner)
                    .setParameter(2, (double) lease.toMillis() / 1000.0)
                    .getResultList();
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            String id = (String) rows.get(0)[0];
            int attempts = ((Number) rows.get(0)[1]).intValue();
            Resource r = Resource.findById(id);
            Optional<Snapshot> last = Snapshot.latestWithText(id);
            return Optional.of(new Claim(id, r.url, attempts, owner,
                    last.map(s -> s.etag).filter(v -> v != null), last.map(s -> s.lastModified).filter(v -> v != null)));
        });
    }

    /**
     * Writes the snapshot, updates the resource's link health and reschedules the job, in one transaction,
     * if {@code claim}'s lease still holds. Returns false (writing nothing) when the lease was lost.
     */
    public boolean complete(Claim claim, Snapshot snapshot, Duration recheck, Optional<Duration> retryAfter) {
        return QuarkusTransaction.requiringNew().call(() -> {
            boolean success = !snapshot.status.equals("error") && !snapshot.status.equals("deferred")
                    && !snapshot.status.equals("refused");
            int attempts = success ? 0 : claim.attempts() + 1;
            Duration wait = success ? recheck : retryDelay(attempts, retryAfter);
            int updated = em.createNativeQuery(
                    "UPDATE scrape_job SET lease_owner = NULL, lease_until = NULL, attempts = ?1, "
                            + "next_attempt_at = now() + make_interval(secs => ?2), last_error = ?3, updated_at = now() "
                            + "WHERE resource_id = ?4 AND lease_owner = ?5 AND lease_until >= now()")
                    .setParameter(1, attempts)
                    .setParameter(2, (double) wait.toSeconds())
                    .setParameter(3, success ? null : snapshot.detail)
                    .setParameter(4, claim.resourceId())
                    .setParameter(5, claim.owner())
                    .executeUpdate();
            if (updated == 0) {
                return false;
            }
            snapshot.persist();
            Resource r = Resource.findById(claim.resourceId());
            LinkHealth.record(r, snapshot.status, snapshot.httpStatus, snapshot.fetchedAt);
            return true;
        });
    }

    /** Exponential backoff with jitter, never sooner than the server's Retry-After. */
    static Duration retryDelay(int failures, Optional<Duration> retryAfter) {
        Duration base = FIRST_RETRY.multipliedBy(1L << Math.min(failures - 1, 20));
        if (base.compareTo(MAX_RETRY) > 0) {
            base = MAX_RETRY;
        }
        double jitter = 0.75 + ThreadLocalRandom.current().nextDouble() * 0.5;
        Duration delay = Duration.ofMillis((long) (base.toMillis() * jitter));
        return retryAfter.filter(d -> d.compareTo(delay) > 0).orElse(delay);
    }

    /** Counts for the admin API. */
    public record Status(long jobs, long due, long leased, long failing, long snapshots, Optional<Instant> lastFetchAt) {
    }

    public Status status() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[]) em.createNativeQuery(
                    "SELECT count(*), count(*) FILTER (WHERE next_attempt_at <= now() AND (lease_until IS NULL OR lease_until < now())), "
                            + "count(*) FILTER (WHERE lease_until >= now()), count(*) FILTER (WHERE attempts > 0), "
                            + "(SELECT count(*) FROM scrape_snapshot), (SELECT max(fetched_at) FROM scrape_snapshot) FROM scrape_job")
                    .getSingleResult();
            return new Status(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), ((Number) row[2]).longValue(),
                    ((Number) row[3]).longValue(), ((Number) row[4]).longValue(),
                    Optional.ofNullable(row[5]).map(ScrapeQueue::instant));
        });
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
