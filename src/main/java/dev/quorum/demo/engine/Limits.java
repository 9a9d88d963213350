package dev.quorum.demo.engine;

/**
 * The bounds of one run: it stops at the first of these it reaches, and the trace says which
 * ({@code stats.stoppedBy}). Every queue and loop in the engine is bounded by one of them.
 */
public record Limits(int maxEvents, long maxTimeMs, int maxPending) {

    /** Beyond these a run is no longer a demo; benchmarks may go further with their own limits. */
    public static final int EVENTS_MAX = 50_000_000;
    public static final long TIME_MS_MAX = 1_000_000_000L;
    public static final long LATENCY_MS_MAX = 3_600_000L;

    public Limits {
        Check.range("maxEvents", maxEvents, 1, EVENTS_MAX);
        Check.range("maxTimeMs", maxTimeMs, 0, TIME_MS_MAX);
        Check.range("maxPending", maxPending, 1, EVENTS_MAX);
    }

    /** Bounds fit for a run served to a browser. */
    public static Limits demo() {
        return new Limits(5_000, 120_000, 20_000);
    }
}
