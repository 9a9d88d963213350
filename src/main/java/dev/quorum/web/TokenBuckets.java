package dev.quorum.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Token buckets by key, for per-client rate limits: each key's bucket holds at most {@code burst} tokens and
 * gains {@code perMinute} a minute; a request takes one. At most {@code keysMax} buckets are kept, the least
 * recently used forgotten first (a forgotten client starts again with a full bucket), so a flood of new
 * addresses costs bounded memory. The clock is a parameter so tests need not wait.
 */
final class TokenBuckets {

    /** Whether the request may go ahead, and if not, in how many whole seconds a token will be there. */
    record Decision(boolean allowed, long retryAfterSeconds) {
    }

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    private final double perNano;
    private final double burst;
    private final LongSupplier nanos;
    private final Map<String, Bucket> buckets;

    TokenBuckets(int perMinute, int burst, int keysMax, LongSupplier nanos) {
        if (perMinute < 1 || burst < 1 || keysMax < 1) {
            throw new IllegalArgumentException("a rate limit needs a rate, a burst and room for keys of at least 1");
        }
        this.perNano = perMinute / 60e9;
        this.burst = burst;
        this.nanos = nanos;
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > keysMax;
            }
        };
    }

    synchronized Decision take(String key) {
        long now = nanos.getAsLong();
        Bucket b = buckets.get(key);
        if (b == null) {
            b = new Bucket(burst, now);
            buckets.put(key, b);
        } else {
            b.tokens = Math.min(burst, b.tokens + Math.max(0, now - b.at) * perNano);
            b.at = now;
        }
        if (b.tokens >= 1) {
            b.tokens -= 1;
            return new Decision(true, 0);
        }
        return new Decision(false, Math.max(1, (long) Math.ceil((1 - b.tokens) / perNano / 1e9)));
    }

    synchronized int size() {
        return buckets.size();
    }
}
