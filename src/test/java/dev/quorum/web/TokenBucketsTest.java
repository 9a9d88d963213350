package dev.quorum.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.net.SocketAddress;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aBurstThenOneTokenPerIntervalAndTheWaitIsSaid() {
        AtomicLong now = new AtomicLong();
        TokenBuckets b = new TokenBuckets(6, 3, 100, now::get); // one token every 10 s
        for (int k = 0; k < 3; k++) {
            assertTrue(b.take("a").allowed());
        }
        TokenBuckets.Decision refused = b.take("a");
        assertFalse(refused.allowed());
        assertEquals(10, refused.retryAfterSeconds());
        assertTrue(b.take("b").allowed(), "each client has its own bucket");
        now.addAndGet(4 * SECOND);
        assertEquals(6, b.take("a").retryAfterSeconds(), "four seconds of the ten have passed");
        now.addAndGet(6 * SECOND);
        assertTrue(b.take("a").allowed());
        assertFalse(b.take("a").allowed());
        now.addAndGet(3600 * SECOND);
        for (int k = 0; k < 3; k++) {
            assertTrue(b.take("a").allowed(), "an idle hour refills the bucket, but only to its burst");
        }
        assertFalse(b.take("a").allowed());
    }

    @Test
    void aFloodOfNewClientsKeepsBoundedMemory() {
        AtomicLong now = new AtomicLong();
        TokenBuckets b = new TokenBuckets(60, 1, 1_000, now::get);
        for (int k = 0; k < 100_000; k++) {
            b.take("client-" + k);
        }
        assertEquals(1_000, b.size());
    }

    @Test
    void requestsAreClassedByWhatTheyCost() {
        assertEquals(RateLimits.Kind.SEARCH, RateLimits.classify("GET", "/api/v1/demos/paxos/counterexample", "seeds=500"));
        assertEquals(RateLimits.Kind.SEARCH, RateLimits.classify("POST", "/api/v1/check/linearizability", null));
        assertEquals(RateLimits.Kind.SEARCH, RateLimits.classify("POST", "/tools/linearizability", null));
        assertNull(RateLimits.classify("GET", "/tools/linearizability", null));
        assertEquals(RateLimits.Kind.RUN, RateLimits.classify("GET", "/api/v1/demos/paxos/run", "seed=3"));
        assertEquals(RateLimits.Kind.RUN, RateLimits.classify("GET", "/api/v1/demos/paxos/history.edn", ""));
        assertEquals(RateLimits.Kind.RUN, RateLimits.classify("GET", "/demos/paxos", "seed=3"));
        assertNull(RateLimits.classify("GET", "/demos/paxos", null), "a demo page's default run is cached");
        assertEquals(RateLimits.Kind.API, RateLimits.classify("GET", "/api/v1/search", "q=raft"));
        assertEquals(RateLimits.Kind.API, RateLimits.classify("POST", "/api/v1/admin/ingest", null));
        assertNull(RateLimits.classify("GET", "/topics/consensus", null));
        assertNull(RateLimits.classify("GET", "/css/site.css", null));
        assertNull(RateLimits.classify("GET", "/q/health/ready", null));
        assertNull(RateLimits.classify("GET", null, null));
    }

    @Test
    void anIpv6ClientIsItsSlash64() {
        assertEquals("203.0.113.7", RateLimits.client(SocketAddress.inetSocketAddress(1, "203.0.113.7")));
        String a = RateLimits.client(SocketAddress.inetSocketAddress(1, "2001:db8:1:2:aaaa::1"));
        String b = RateLimits.client(SocketAddress.inetSocketAddress(1, "2001:db8:1:2:ffff:ffff:ffff:ffff"));
        String c = RateLimits.client(SocketAddress.inetSocketAddress(1, "2001:db8:1:3::1"));
        assertEquals(a, b);
        assertFalse(a.equals(c));
        assertEquals("2001:db8:1:2::/64", a);
        assertEquals("unknown", RateLimits.client(null));
    }
}
