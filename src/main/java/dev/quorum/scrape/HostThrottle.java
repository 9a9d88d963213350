package dev.quorum.scrape;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * At most one request per host per interval: a caller waits for its host's turn. The interval is the
 * larger of our default and the site's Crawl-delay; a 429 or 503 with Retry-After pauses the host.
 */
final class HostThrottle {

    private final Duration minInterval;
    private final Map<String, Long> nextAllowedNs = new HashMap<>();

    HostThrottle(Duration minInterval) {
        this.minInterval = minInterval;
    }

    /** Blocks until {@code host} may be asked again, and books the following turn. */
    void await(String host, Duration crawlDelay) {
        Duration interval = crawlDelay.compareTo(minInterval) > 0 ? crawlDelay : minInterval;
        long waitNs;
        synchronized (this) {
            String key = host.toLowerCase(Locale.ROOT);
            long now = System.nanoTime();
            long allowed = Math.max(now, nextAllowedNs.getOrDefault(key, now));
            nextAllowedNs.put(key, allowed + interval.toNanos());
            waitNs = allowed - now;
        }
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
        String key = host.toLowerCase(Locale.ROOT);
        long until = System.nanoTime() + pause.toNanos();
        nextAllowedNs.merge(key, until, Math::max);
    }
}
