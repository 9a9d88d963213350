package dev.quorum.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The count of a client's runs in progress: at most the limit at once, and nothing kept for a client with none. */
class InFlightTest {

    @Test
    void aClientGetsItsLimitAtOnceAndAnotherClientIsNotCounted() {
        Map<String, Integer> running = new ConcurrentHashMap<>();
        assertTrue(RateLimits.enter(running, "10.0.0.1", 2));
        assertTrue(RateLimits.enter(running, "10.0.0.1", 2));
        assertFalse(RateLimits.enter(running, "10.0.0.1", 2), "a third at once is refused");
        assertTrue(RateLimits.enter(running, "10.0.0.2", 2), "another client has its own count");
        RateLimits.leave(running, "10.0.0.1");
        assertTrue(RateLimits.enter(running, "10.0.0.1", 2), "one finished, one more may start");
        RateLimits.leave(running, "10.0.0.1");
        RateLimits.leave(running, "10.0.0.1");
        RateLimits.leave(running, "10.0.0.2");
        assertEquals(Map.of(), running, "clients with nothing in progress take no memory");
        RateLimits.leave(running, "10.0.0.3");
        assertEquals(Map.of(), running, "a stray leave does not go negative");
    }

    @Test
    void concurrentClientsNeverPassTheLimit() throws InterruptedException {
        Map<String, Integer> running = new ConcurrentHashMap<>();
        int[] most = new int[1];
        Thread[] threads = new Thread[8];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int k = 0; k < 20_000; k++) {
                    if (RateLimits.enter(running, "c", 3)) {
                        synchronized (most) {
                            most[0] = Math.max(most[0], running.getOrDefault("c", 0));
                        }
                        RateLimits.leave(running, "c");
                    }
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertTrue(most[0] <= 3, "at most 3 at once, saw " + most[0]);
        assertEquals(Map.of(), running);
    }
}
