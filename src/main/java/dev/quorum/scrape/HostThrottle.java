package dev.quorum.scrape;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * At most one request per host per interval: a caller waits for its host's turn. The interval is the
 * larger of our default and the site's Crawl-delay, measured from the host's previous request (robots.txt
 * included); a 429 or 503 with Retry-After pauses the host.
 */
final class HostThrottle {

    private final Duration minInterval;
    private final Map<String, Long> lastRequestNs = new HashMap<>();
    private final Map<String, Long> pausedUntilNs = new HashMap<>();

    HostThrottle(Duration minInterval) {
        this.minInterval = minInterval;
    }

    /**
     * Blocks until {@code host} may be asked again and records that it is being asked; or, when that turn
     * is more than {@code maxWaitNs} away (a Retry-After pause, a long Crawl-delay), books nothing and
     * returns how long the host wants to be left alone, so the caller can defer instead of holding a thread.
     */
    Optional<Duration> await(String host, Duration crawlDelay, long maxWaitNs) {
        long interval = Math.max(minInterval.toNanos(), crawlDelay.toNanos());
        long waitNs;
        synchronized (this) {
            String key = host.toLowerCase(Locale.ROOT);
            long now = System.nanoTime();
            long allowed = now;
            Long last = lastRequestNs.get(key);
            if (last != null) {
                allowed = Math.max(allowed, last + interval);
            }
            Long paused = pausedUntilNs.get(key);
            if (paused != null) {
                allowed = Math.max(allowed, paused);
            }
            waitNs = allowed - now;
            if (waitNs > maxWaitNs) {
                return Optional.of(Duration.ofNanos(waitNs));
            }
            lastRequestNs.put(key, allowed);
        }
        sleep(waitNs);
        return Optional.empty();
    }

    private static void sleep(long waitNs) {
        if (waitNs > 0) {
            try {
                Thread.sleep(waitNs / 1_000_000, (int) (waitNs % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Keeps {@code host} quiet for {@code pause} from now. */
    synchronized void pause(String host, Duration pause) {
        pausedUntilNs.merge(host.toLowerCase(Locale.ROOT), System.nanoTime() + pause.toNanos(), Math::max);
    }
}
