package dev.quorum.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness detail for the content: the outcome of the last ingest and its first findings. Rejected
 * content keeps the app ready (it serves the last good content); only a refused database write is down.
 */
@Readiness
@ApplicationScoped
public class ContentHealth implements HealthCheck {

    private static final int FINDINGS_SHOWN = 20;

    @Inject
    ContentIngest ingest;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder health = HealthCheckResponse.named("content").up();
        ingest.lastReport().ifPresentOrElse(report -> {
            health.withData("lastIngest", report.status().name())
                    .withData("at", report.startedAt().toString())
                    .withData("errors", report.errorCount())
                    .withData("warnings", report.findings().size() - report.errorCount());
            for (int i = 0; i < Math.min(FINDINGS_SHOWN, report.findings().size()); i++) {
                health.withData("finding" + (i + 1), report.findings().get(i).toString());
            }
            if (report.status() == IngestReport.Status.FAILED) {
                health.down();
            }
        }, () -> health.withData("lastIngest", "none since start"));
        return health.build();
    }
}
