package dev.quorum.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The served latency of a default demo run: {@code GET /api/v1/demos/{id}/run?seed=…} against a running app,
 * sequential requests from the JDK's HttpClient, distinct seeds (so neither a 304 nor the cached seed-1 run),
 * a warm-up first; prints p50, p90, p99 and the maximum per demo. Not a test: surefire runs {@code *Test} only.
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.quorum.demo.ServedLatency \
 *     -Dexec.args="http://localhost:8080 1000 1000"     # base URL, warm-up requests, measured requests
 * </pre>
 */
public final class ServedLatency {

    private ServedLatency() {
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0].replaceAll("/+$", "") : "http://localhost:8080";
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int measured = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        List<String> demos = args.length > 3 ? List.of(args[3].split(",")) : List.of("lamport-clocks", "vector-clocks");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        System.out.printf("%s, %d warm-up and %d measured requests per demo, sequential, distinct seeds%n", base, warmup, measured);
        for (String demo : demos) {
            long seed = 1_000_000;
            for (int k = 0; k < warmup; k++) {
                get(client, base, demo, seed++);
            }
            long[] nanos = new long[measured];
            for (int k = 0; k < measured; k++) {
                nanos[k] = get(client, base, demo, seed++);
            }
            Arrays.sort(nanos);
            System.out.printf("GET /api/v1/demos/%s/run (default parameters): p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    demo, ms(nanos, 0.50), ms(nanos, 0.90), ms(nanos, 0.99), nanos[nanos.length - 1] / 1e6);
        }
    }

    /** One request's wall time in nanoseconds, body read; anything but a 200 stops the measurement. */
    private static long get(HttpClient client, String base, String demo, long seed) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/demos/" + demo + "/run?seed=" + seed))
                .timeout(Duration.ofSeconds(10)).GET().build();
        long start = System.nanoTime();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        long took = System.nanoTime() - start;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return took;
    }

    /** The nearest-rank percentile of sorted values, in milliseconds. */
    private static double ms(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }
}
