package dev.quorum.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of search: the index is open, and it has caught up with the outbox recently. It applies changes
 * every poll interval, so when the last catch-up is older than {@link #STALE_AFTER_POLLS} intervals (and at
 * least {@link #STALE_MIN}) something is stuck, most often the database, and the instance should not be sent
 * readers who expect to find what was just published.
 */
@Readiness
@ApplicationScoped
public class SearchHealth implements HealthCheck {

    static final int STALE_AFTER_POLLS = 20;
    static final Duration STALE_MIN = Duration.ofSeconds(30);

    @Inject
    SearchService search;

    @Override
    public HealthCheckResponse call() {
        SearchService.Freshness f = search.freshness();
        Duration allowed = search.pollInterval().multipliedBy(STALE_AFTER_POLLS);
        if (allowed.compareTo(STALE_MIN) < 0) {
            allowed = STALE_MIN;
        }
        HealthCheckResponseBuilder health = HealthCheckResponse.named("search-index").withData("documents", f.documents());
        f.lag().ifPresent(lag -> health.withData("lagMs", lag.toMillis()));
        if (!f.problem().isEmpty()) {
            health.withData("lastProblem", f.problem());
        }
        Duration limit = allowed;
        boolean fresh = f.lag().map(lag -> lag.compareTo(limit) <= 0).orElse(false);
        health.withData("staleAfterMs", limit.toMillis());
        return health.status(f.ready() && fresh).build();
    }
}
