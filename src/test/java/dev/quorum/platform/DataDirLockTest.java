package dev.quorum.platform;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One process per data directory, told apart by an OS lock that dies with its process. */
class DataDirLockTest {

    private static final long CHILD_WAIT_S = 60;

    @TempDir
    Path dir;

    @Test
    void aSecondProcessIsRefusedWithTheHolderAndWhatToDo() throws Exception {
        Path data = dir.resolve("data");
        DataDirLock.acquire(data);
        try {
            // never Files.readString here: closing any descriptor of the file drops this JVM's POSIX lock
            String lockText = DataDirLock.heldText(data);
            List<Path> before = listing(data);
            Process second = probe("acquire", data).redirectErrorStream(true).start();
            assertTrue(second.waitFor(CHILD_WAIT_S, TimeUnit.SECONDS));
            String said = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(LockProbe.REFUSED, second.exitValue(), said);
            assertTrue(said.contains(data.toAbsolutePath().normalize().toString()), said);
            assertTrue(said.contains("pid " + ProcessHandle.current().pid()), said);
            assertTrue(said.contains("Stop the other instance") && said.contains("QUORUM_DATA_DIR"), said);
            assertEquals(lockText, DataDirLock.heldText(data), "the refused process wrote nothing");
            assertEquals(before, listing(data), "nor created anything");
        } finally {
            DataDirLock.release(data);
        }
    }

    @Test
    void theLockIsReentrantWithinOneJvm() throws IOException {
        Path data = dir.resolve("data");
        try {
            DataDirLock.acquire(data);
            assertDoesNotThrow(() -> DataDirLock.acquire(data), "the test suite starts the app many times in one JVM");
        } finally {
            DataDirLock.release(data);
        }
    }

    @Test
    void aLockFileLeftByAKilledProcessDoesNotBlock() throws Exception {
        Path data = dir.resolve("data");
        Process holder = probe("hold", data).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", out.readLine());
            DataDirLock.Refused refused = assertThrows(DataDirLock.Refused.class, () -> DataDirLock.acquire(data));
            assertTrue(refused.getMessage().contains("pid " + holder.pid()), refused.getMessage());
        } finally {
            holder.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup, the lock file stays behind
            assertTrue(holder.waitFor(CHILD_WAIT_S, TimeUnit.SECONDS));
        }
        assertTrue(Files.readString(data.resolve(DataDirLock.FILE)).contains("pid=" + holder.pid()), "a stale lock file");
        try {
            assertDoesNotThrow(() -> DataDirLock.acquire(data), "the OS lock went with the process");
            assertTrue(DataDirLock.heldText(data).contains("pid=" + ProcessHandle.current().pid()));
        } finally {
            DataDirLock.release(data);
        }
    }

    private static ProcessBuilder probe(String mode, Path data) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), LockProbe.class.getName(), mode,
                data.toString());
    }

    private static List<Path> listing(Path data) throws IOException {
        try (Stream<Path> files = Files.walk(data)) {
            return files.sorted().toList();
        }
    }
}
