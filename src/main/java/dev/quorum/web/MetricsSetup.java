package dev.quorum.web;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Latency histograms for every HTTP route (Quarkus tags {@code http.server.requests} by route template, and
 * unmatched paths as NOT_FOUND, so a scan of random URLs adds no series), with buckets from 1 ms to 30 s, so
 * Prometheus can compute any percentile per route with {@code histogram_quantile}.
 */
@Singleton
public class MetricsSetup {

    /**
     * /q/metrics answers an Accept it cannot serve with an empty 406; this says which formats it has. A client
     * that accepts text/plain, OpenMetrics or anything, or says nothing, gets the metrics as before.
     */
    void install(@jakarta.enterprise.event.Observes io.vertx.ext.web.Router router) {
        router.routeWithRegex("/q/metrics(/.*)?").order(Integer.MIN_VALUE + 4).handler(ctx -> {
            String accept = ctx.request().getHeader("Accept");
            if (accept == null || accept.isBlank() || accept.contains("*/*") || accept.contains("text/plain")
                    || accept.contains("text/*") || accept.contains("application/openmetrics-text")) {
                ctx.next();
                return;
            }
            ctx.response().setStatusCode(406).putHeader("Content-Type", "text/plain;charset=UTF-8")
                    .end("406 Not Acceptable: metrics are served as text/plain (Prometheus) or application/openmetrics-text\n");
        });
    }

    @Produces
    @Singleton
    MeterFilter routeHistograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().startsWith("http.server.requests")) {
                    return config;
                }
                return DistributionStatisticConfig.builder().percentilesHistogram(true)
                        .minimumExpectedValue((double) Duration.ofMillis(1).toNanos())
                        .maximumExpectedValue((double) Duration.ofSeconds(30).toNanos()).build().merge(config);
            }
        };
    }
}
