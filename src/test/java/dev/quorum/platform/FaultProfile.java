package dev.quorum.platform;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The app on a PostgreSQL that tests can stop, restart on the same port, freeze and thaw, and on a data
 * directory of its own whose search index is garbage when the app starts. One profile (one Quarkus start)
 * serves {@code DatabaseOutageTest} and {@code IndexRebuildAtStartupTest}.
 */
public class FaultProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Database.class));
    }

    /** The running resource, for the tests to drive. */
    public static volatile Database database;

    public static class Database implements QuarkusTestResourceLifecycleManager {
        private Path root;
        private Path cluster;
        private int port;
        private EmbeddedPostgresServer server;
        private final List<Long> frozen = new ArrayList<>();
        private boolean thawOnExit;

        @Override
        public Map<String, String> start() {
            try {
                root = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "quorum-fault");
                cluster = root.resolve("external-postgres");
                try (ServerSocket probe = new ServerSocket(0)) {
                    port = probe.getLocalPort(); // kept for restarts: the app's URL names it
                }
                server = EmbeddedPostgresServer.start(cluster, port, "");
                Path dataDir = root.resolve("data");
                writeGarbageIndex(dataDir.resolve("search"));
                database = this;
                return Map.of("quarkus.datasource.jdbc.url", server.jdbcUrl(), "quarkus.datasource.username", "postgres",
                        "quorum.data.dir", dataDir.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * What a crash or a disk fault may leave: CURRENT names a generation whose commit point and segment
         * files are garbage, one of them cut short.
         */
        static void writeGarbageIndex(Path search) throws IOException {
            Path generation = Files.createDirectories(search.resolve("gen-3"));
            Files.writeString(search.resolve("CURRENT"), "gen-3\n", StandardCharsets.UTF_8);
            Files.write(generation.resolve("segments_5"), "this is no Lucene commit point".getBytes(StandardCharsets.UTF_8));
            Files.write(generation.resolve("_0.si"), new byte[] {0x3f, (byte) 0xd7, 0x6c, 0x17, 0, 0, 0});
            Files.write(generation.resolve("_0.cfs"), new byte[] {0x3f, (byte) 0xd7, 0x6c, 0x17});
        }

        public int port() {
            return port;
        }

        public Path dataDir() {
            return root.resolve("data");
        }

        /** Stops the server cleanly ({@code pg_ctl stop -m fast}): every connection is cut. */
        public synchronized void stopServer() throws IOException {
            thaw();
            server.close();
        }

        /** Starts the server again on the same cluster and port. */
        public synchronized void startServer() {
            server = EmbeddedPostgresServer.start(cluster, port, "");
        }

        /** SIGSTOP to the postmaster, then to every backend and helper it started: nothing answers, nothing fails. */
        public synchronized void freeze() throws IOException, InterruptedException {
            if (!thawOnExit) { // even if the test JVM dies mid-test, nothing stays frozen
                Runtime.getRuntime().addShutdownHook(new Thread(this::thaw, "thaw-postgres"));
                thawOnExit = true;
            }
            long postmaster = Long.parseLong(Files.readAllLines(cluster.resolve("postmaster.pid")).get(0).strip());
            signal("-STOP", List.of(postmaster));
            frozen.add(postmaster);
            List<Long> children = ProcessHandle.of(postmaster).map(p -> p.descendants().map(ProcessHandle::pid).toList())
                    .orElse(List.of());
            signal("-STOP", children);
            frozen.addAll(children);
        }

        /** SIGCONT to everything {@link #freeze} stopped; safe to call any number of times. */
        public synchronized void thaw() {
            if (frozen.isEmpty()) {
                return;
            }
            try {
                signal("-CONT", frozen);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException("could not thaw PostgreSQL " + frozen, e);
            }
            frozen.clear();
        }

        private static void signal(String signal, List<Long> pids) throws IOException, InterruptedException {
            if (pids.isEmpty()) {
                return;
            }
            List<String> command = new ArrayList<>(List.of("kill", signal));
            pids.forEach(pid -> command.add(Long.toString(pid)));
            Process kill = new ProcessBuilder(command).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IOException(command + " failed");
            }
        }

        @Override
        public void stop() {
            try {
                thaw();
                server.close();
                TempDirs.deleteTree(root);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
