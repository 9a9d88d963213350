package dev.quorum.it;

import com.sun.net.httpserver.HttpExchange;
import dev.quorum.scrape.FixtureServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Pages for the scraper on a {@link FixtureServer} (127.0.0.1): {@code /page/<i>} answers a small article,
 * slowly on request (the headers, half the body, a pause, the rest), and every request is recorded with
 * when it started and whether its body was sent in full.
 */
public final class FixturePages implements AutoCloseable {

    /** One request for a page. */
    public record Hit(long startedNs, boolean completed) {
    }

    private final FixtureServer server;
    private final Map<String, List<Hit>> hits = new ConcurrentHashMap<>();
    private volatile long delayMs;

    public FixturePages(int threads) throws IOException {
        server = new FixtureServer(threads);
    }

    /** The entries of {@code count} pages, {@code /page/0} …, each with its own searchable word. */
    public List<ItContent.Entry> entries(int count) {
        List<ItContent.Entry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String path = "/page/" + i;
            server.route(path, ex -> answer(path, ex));
            entries.add(new ItContent.Entry(server.url(path), word(i)));
        }
        return entries;
    }

    /** How long each answer takes from the request to its last byte (split around the middle of the body). */
    public void delay(long ms) {
        this.delayMs = ms;
    }

    /** Requests per page path (only paths asked for at least once). */
    public Map<String, List<Hit>> hits() {
        Map<String, List<Hit>> copy = new TreeMap<>();
        hits.forEach((path, list) -> copy.put(path, List.copyOf(list)));
        return copy;
    }

    public void clear() {
        hits.clear();
    }

    /** A made-up word per index (letters only, so the analyzer keeps it whole): "qa", "qb", … "qaa". */
    static String word(int i) {
        StringBuilder s = new StringBuilder();
        int n = i;
        do {
            s.insert(0, (char) ('a' + n % 26));
            n = n / 26 - 1;
        } while (n >= 0);
        return "zq" + s;
    }

    private void answer(String path, HttpExchange ex) throws IOException {
        long started = System.nanoTime();
        boolean completed = false;
        try {
            byte[] body = ("<!doctype html><html lang=\"en\"><head><title>Page " + path + "</title></head><body><article>"
                    + "<h1>Page " + path + "</h1>"
                    + "<p>This fixture page explains how a lease lets one worker own a job for a while. ".repeat(12)
                    + "</p></article></body></html>").getBytes(StandardCharsets.UTF_8);
            pause(delayMs / 2);
            ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body, 0, body.length / 2);
                out.flush();
                pause(delayMs - delayMs / 2);
                out.write(body, body.length / 2, body.length - body.length / 2);
            }
            completed = true;
        } finally {
            hits.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(new Hit(started, completed));
        }
    }

    private static void pause(long ms) throws IOException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
