package dev.quorum.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;

/**
 * Where index generations live. A rebuild writes a new generation beside the live one and then
 * makes it current in one atomic step, so readers never see a half-built index.
 */
interface IndexStore {

    /** The generation readers should use, if one was ever published. */
    Optional<String> current();

    /** A name for a new, empty generation. */
    String next();

    Directory open(String generation) throws IOException;

    /** Makes {@code generation} the current one, atomically. */
    void publish(String generation) throws IOException;

    /** Deletes every generation but {@code keep}; best effort (a failure is retried next time). */
    void discardAllBut(String keep);

    /** Generations on disk under {@code root}, with a CURRENT file naming the live one. */
    static IndexStore on(Path root) {
        return new OnDisk(root);
    }

    static IndexStore inMemory() {
        return new InMemory();
    }

    final class OnDisk implements IndexStore {
        private static final String CURRENT = "CURRENT";
        private final Path root;

        OnDisk(Path root) {
            this.root = root;
        }

        @Override
        public Optional<String> current() {
            try {
                Path file = root.resolve(CURRENT);
                if (!Files.exists(file)) {
                    return Optional.empty();
                }
                String name = Files.readString(file, StandardCharsets.UTF_8).strip();
                return name.matches("gen-[0-9]{1,19}") && Files.isDirectory(root.resolve(name)) ? Optional.of(name)
                        : Optional.empty();
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        @Override
        public String next() {
            try {
                Files.createDirectories(root);
                long highest = 0;
                try (Stream<Path> dirs = Files.list(root)) {
                    for (Path dir : dirs.toList()) {
                        String name = dir.getFileName().toString();
                        if (name.matches("gen-[0-9]{1,18}")) {
                            highest = Math.max(highest, Long.parseLong(name.substring(4)));
                        }
                    }
                }
                return "gen-" + (highest + 1);
            } catch (IOException e) {
                throw new UncheckedIOException("listing index generations in " + root, e);
            }
        }

        @Override
        public Directory open(String generation) throws IOException {
            Path dir = root.resolve(generation);
            Files.createDirectories(dir);
            return FSDirectory.open(dir);
        }

        @Override
        public void publish(String generation) throws IOException {
            Path tmp = root.resolve(CURRENT + ".tmp");
            Files.writeString(tmp, generation + "\n", StandardCharsets.UTF_8);
            try (var channel = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(tmp, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }

        @Override
        public void discardAllBut(String keep) {
            try (Stream<Path> dirs = Files.list(root)) {
                for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith("gen-")
                        && !d.getFileName().toString().equals(keep)).toList()) {
                    deleteTree(dir);
                }
            } catch (IOException e) {
                // left for the next rebuild or startup
            }
        }

        private static void deleteTree(Path dir) throws IOException {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    final class InMemory implements IndexStore {
        private final TreeMap<String, ByteBuffersDirectory> generations = new TreeMap<>();
        private String current;
        private int counter;

        @Override
        public synchronized Optional<String> current() {
            return Optional.ofNullable(current);
        }

        @Override
        public synchronized String next() {
            return "gen-" + (++counter);
        }

        @Override
        public synchronized Directory open(String generation) {
            // Closing is ignored, so a test can "restart" on the same generation as a process would on disk.
            return new FilterDirectory(generations.computeIfAbsent(generation, g -> new ByteBuffersDirectory())) {
                @Override
                public void close() {
                }
            };
        }

        @Override
        public synchronized void publish(String generation) {
            current = generation;
        }

        @Override
        public synchronized void discardAllBut(String keep) {
            for (String name : List.copyOf(generations.keySet())) {
                if (!name.equals(keep)) {
                    generations.remove(name);
                }
            }
        }
    }
}
