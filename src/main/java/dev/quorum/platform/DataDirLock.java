package dev.quorum.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One Quorum process per data directory: an OS lock on {@code <data>/quorum.lock}, held until the process
 * ends. Two processes on one directory would start two PostgreSQL servers on one cluster and two index
 * writers on one index; the second is refused before it touches either.
 *
 * <p>The lock vanishes with its process however it ends (even {@code kill -9}), so a lock file left behind
 * never blocks; its text (the holder's pid and start time) is only there for the refusal message. Within
 * one JVM the lock is re-entrant: the test suite and dev mode start the application several times, each
 * with its own copy of this class, so a system property records that the lock is held, and a shutdown hook
 * (a JDK-held reference that outlives every copy) keeps its channel open; an unreachable channel would be
 * closed by the garbage collector, and the lock with it. The property holds a string, never the lock:
 * libraries (Narayana) copy the system properties as strings.
 *
 * <p>These are POSIX record locks: closing any descriptor of the file in the holding process drops the
 * lock, so nothing in this JVM may open the lock file but through the held channel ({@link #heldText}).
 */
public final class DataDirLock {

    static final String FILE = "quorum.lock";
    private static final String HELD_PROPERTY = "dev.quorum.data-dir-lock:";
    /** What this copy of the class took, for {@link #release} and {@link #heldText}. */
    private static final java.util.Map<String, Thread> HELD = new java.util.HashMap<>();
    private static final java.util.Map<String, FileLock> LOCKS = new java.util.HashMap<>();

    private DataDirLock() {
    }

    /** Another process holds the data directory. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    /**
     * Takes the lock on {@code dataDir} (creating the directory) unless this JVM holds it already.
     *
     * @throws Refused when another live process holds it; the message says who and what to do
     */
    public static synchronized void acquire(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        String key = HELD_PROPERTY + dir;
        if (System.getProperty(key) != null) {
            return;
        }
        Path file = dir.resolve(FILE);
        FileChannel channel = null;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this JVM through a channel this class no longer knows: treat as foreign
            }
            if (lock == null) {
                String holder = holder(channel);
                channel.close();
                throw new Refused(refusal(dir, holder));
            }
            String text = "pid=" + ProcessHandle.current().pid() + "\nstarted=" + Instant.now() + "\n";
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            FileLock held = lock;
            // Runs at exit and does nothing (the OS drops the lock with the process); it is here to be referenced.
            Thread keeper = new Thread(() -> held.isValid(), "holds " + file);
            Runtime.getRuntime().addShutdownHook(keeper); // the strong reference that keeps the channel, so the lock, open
            HELD.put(key, keeper);
            LOCKS.put(key, lock);
            System.setProperty(key, "pid " + ProcessHandle.current().pid());
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("could not lock the data directory " + dir + " (" + file + ")", e);
        }
    }

    /** Gives up a lock this copy of the class took; for tests that take it on a directory of their own. */
    static synchronized void release(Path dataDir) throws IOException {
        String key = HELD_PROPERTY + dataDir.toAbsolutePath().normalize();
        Thread keeper = HELD.remove(key);
        FileLock lock = LOCKS.remove(key);
        System.clearProperty(key);
        if (keeper != null) {
            Runtime.getRuntime().removeShutdownHook(keeper);
        }
        if (lock != null) {
            lock.channel().close();
        }
    }

    /** The lock file's text as this JVM wrote it, read through the held channel (see the class comment); tests only. */
    static synchronized String heldText(Path dataDir) throws IOException {
        FileLock lock = LOCKS.get(HELD_PROPERTY + dataDir.toAbsolutePath().normalize());
        if (lock == null) {
            throw new IllegalStateException("this copy of DataDirLock did not take " + dataDir);
        }
        ByteBuffer buffer = ByteBuffer.allocate(256);
        lock.channel().read(buffer, 0);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
    }

    static String refusal(Path dir, String holder) {
        return "refusing to start: the data directory " + dir + " is in use by another Quorum process (" + holder
                + "). Two processes on one directory would corrupt its database and search index. Stop the other"
                + " instance first, or give this one a data directory of its own with QUORUM_DATA_DIR.";
    }

    private static String holder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(256);
            channel.read(buffer, 0);
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
            String pid = field(text, "pid");
            String started = field(text, "started");
            return pid.isEmpty() ? "pid unknown" : "pid " + pid + (started.isEmpty() ? "" : ", started " + started);
        } catch (IOException e) {
            return "pid unknown";
        }
    }

    private static String field(String text, String name) {
        for (String line : text.split("\n")) {
            if (line.startsWith(name + "=")) {
                return line.substring(name.length() + 1).strip().replaceAll("[^0-9A-Za-z:.+-]", "");
            }
        }
        return "";
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // already failing
        }
    }
}
