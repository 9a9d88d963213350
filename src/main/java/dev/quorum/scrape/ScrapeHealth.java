package dev.quorum.scrape;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The scrape queue as readiness sees it: its counts, read from the database. A failing fetch is the linked
 * site's problem, not ours, so failures are reported, never down; the check is down only when the queue
 * cannot be read at all.
 */
@Readiness
@ApplicationScoped
public class ScrapeHealth implements HealthCheck {

    @Inject
    ScrapeQueue queue;

    @Override
    public HealthCheckResponse call() {
        try {
            ScrapeQueue.Status s = queue.status();
            var health = HealthCheckResponse.named("scrape-queue").up().withData("jobs", s.jobs()).withData("due", s.due())
                    .withData("leased", s.leased()).withData("failing", s.failing()).withData("snapshots", s.snapshots());
            s.lastFetchAt().ifPresent(at -> health.withData("lastFetchAt", at.toString()));
            return health.build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("scrape-queue").down().withData("problem", "the queue cannot be read from the database")
                    .build();
        }
    }
}
