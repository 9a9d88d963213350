package dev.quorum.scrape;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/** A local HTTP server on 127.0.0.1 for scraper tests: routes answer with canned responses; requests are recorded. */
public final class FixtureServer implements AutoCloseable {

    /** What a route answers. */
    @FunctionalInterface
    public interface Route {
        void handle(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    public FixtureServer() throws IOException {
        this(4);
    }

    /** A server answering up to {@code threads} requests at once (slow routes need more). */
    public FixtureServer(int threads) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(threads));
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            Route route = routes.get(path);
            try (exchange) {
                if (route == null) {
                    send(exchange, 404, "text/plain", "not found");
                } else {
                    route.handle(exchange);
                }
            } catch (IOException e) {
                // the client went away (a timeout or a body cap): nothing to answer
            }
        });
        server.start();
    }

    public FixtureServer route(String path, Route route) {
        routes.put(path, route);
        return this;
    }

    public FixtureServer page(String path, int status, String contentType, String body) {
        return route(path, ex -> send(ex, status, contentType, body));
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<String> requests() {
        return List.copyOf(requests);
    }

    public static void send(HttpExchange ex, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        send(ex, status, contentType, bytes);
    }

    public static void send(HttpExchange ex, int status, String contentType, byte[] bytes) throws IOException {
        if (contentType != null) {
            ex.getResponseHeaders().set("Content-Type", contentType);
        }
        boolean noBody = status == 304 || status == 204 || bytes.length == 0;
        ex.sendResponseHeaders(status, noBody ? -1 : bytes.length);
        if (!noBody) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
