package dev.quorum.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The packaged app ({@code target/quarkus-app/quarkus-run.jar}) as a child process: its own port, data
 * directory and settings (passed as system properties), its output in {@code <dir>/app-<n>.log}. It can be
 * started again after a stop or a {@link #kill()}, keeping its port and data directory, as a restarted
 * server would. {@link #close()} always leaves no process behind.
 */
public final class AppProcess implements AutoCloseable {

    public static final String ADMIN_TOKEN = "it-admin-token";
    private static final Duration START_GUARD = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final Path dir;
    private final int port;
    private final Map<String, String> settings = new TreeMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;
    private int starts;

    /** An instance called {@code name} living in {@code dir}; nothing runs until {@link #start()}. */
    public AppProcess(String name, Path dir, Map<String, String> settings) {
        this.name = name;
        this.dir = dir;
        this.port = freePort();
        this.settings.put("quarkus.http.port", String.valueOf(port));
        this.settings.put("quorum.data.dir", dir.resolve("data").toString());
        this.settings.put("quorum.admin.token", ADMIN_TOKEN);
        this.settings.put("quorum.limits.enabled", "false"); // the tests poll one instance from one address
        this.settings.putAll(settings);
    }

    /** The built app; failsafe passes its path, and a run from the IDE finds it under target/. */
    static Path appJar() {
        Path jar = Path.of(System.getProperty("quorum.it.app", "target/quarkus-app/quarkus-run.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (./mvnw -DskipTests package)");
        }
        return jar;
    }

    /** Where integration tests keep their files: target/it/{@code test}, emptied first. */
    public static Path workDir(String test) {
        Path dir = Path.of(System.getProperty("quorum.it.work", "target/it")).resolve(test).toAbsolutePath();
        try {
            if (Files.exists(dir)) {
                try (var paths = Files.walk(dir)) {
                    for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare " + dir, e);
        }
    }

    /** Starts the process; returns at once (see {@link #awaitReady()}). */
    public AppProcess start() {
        if (alive()) {
            throw new IllegalStateException(name + " is already running");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // small and quick to start: two cores are shared by both instances, PostgreSQL and the test
        command.addAll(List.of("-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        settings.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(appJar().toAbsolutePath().toString());
        try {
            Files.createDirectories(dir);
            starts++;
            Path log = log();
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
        return this;
    }

    /** Waits until readiness answers UP: migrated, startup ingest done, search index open. */
    public AppProcess awaitReady() {
        awaitUntil("ready", START_GUARD, () -> {
            if (!alive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log());
            }
            return tryGet("/q/health/ready") == 200;
        });
        return this;
    }

    /** kill -9: {@link Process#destroyForcibly()} sends SIGKILL on Linux; no shutdown hook runs. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitForExit();
        }
    }

    /** A clean stop (SIGTERM): shutdown hooks run. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            waitForExit();
        }
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public Path dir() {
        return dir;
    }

    /** The current (latest) start's log. */
    public Path log() {
        return dir.resolve("app-" + starts + ".log");
    }

    public String logText() {
        try {
            return Files.readString(log(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** A GET; the admin token goes along, harmless on public routes. */
    public Response get(String pathAndQuery) {
        return send(request(pathAndQuery).GET());
    }

    /** An admin POST with an empty body. */
    public Response post(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** Titles of the hits of {@code /api/v1/search?q=query}. */
    public List<String> searchTitles(String query) {
        Response r = get("/api/v1/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&size=50");
        if (r.status() != 200) {
            throw new IllegalStateException(name + " search '" + query + "' answered " + r.status() + ": " + r.body());
        }
        List<String> titles = new ArrayList<>();
        r.json().path("hits").forEach(h -> titles.add(h.path("title").asText()));
        return titles;
    }

    /** An HTTP answer: status, body, and the body as JSON. */
    public record Response(int status, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + ADMIN_TOKEN);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + ": interrupted", e);
        }
    }

    private int tryGet(String path) {
        try {
            return get(path).status();
        } catch (UncheckedIOException e) {
            return -1; // not listening yet
        }
    }

    /** Polls {@code done} every 50 ms; {@code guard} only stops a hang, it is no timing assertion. */
    public static void awaitUntil(String what, Duration guard, BooleanSupplier done) {
        long deadline = System.nanoTime() + guard.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not " + what + " within the " + guard.toSeconds() + " s hang guard");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what, e);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills the process if it still runs: no test leaves a JVM behind, whatever failed. */
    @Override
    public void close() {
        kill();
    }
}
