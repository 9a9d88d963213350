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
