package dev.quorum.content;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads a content folder: {@code reading-list.md} and {@code topics/*.md}. Files are read as strict UTF-8
 * with a size cap; a file that cannot be read becomes a finding, never an exception.
 */
public final class ContentLoader {

    public static final String READING_LIST = "reading-list.md";
    public static final String TOPICS = "topics";
    private static final long MAX_FILE_BYTES = 4L * 1024 * 1024;
    private static final int MAX_TOPICS = 500;

    private final ReadingListParser listParser = new ReadingListParser();
    private final TopicParser topicParser = new TopicParser();

    public ContentSnapshot load(Path dir) {
        List<Finding> findings = new ArrayList<>();
        Path listFile = dir.resolve(READING_LIST);
        String listPath = listFile.toString();
        ParsedList list = read(listFile, findings)
                .map(text -> listParser.parse(listPath, text))
                .orElseGet(() -> new ParsedList(listPath, List.of(), List.of()));
        findings.addAll(list.findings());

        List<TopicDraft> topics = new ArrayList<>();
        Set<String> slugs = new TreeSet<>();
        for (Path file : topicFiles(dir.resolve(TOPICS), findings)) {
            String name = file.getFileName().toString();
            String slug = name.substring(0, name.length() - ".md".length());
            slugs.add(slug);
            read(file, findings).ifPresent(text -> {
                TopicParser.Parsed parsed = topicParser.parse(file.toString(), slug, text);
                findings.addAll(parsed.findings());
                parsed.topic().ifPresent(topics::add);
            });
        }
        return new ContentSnapshot(dir.toString(), list, topics, slugs, findings);
    }

    private static List<Path> topicFiles(Path topicsDir, List<Finding> findings) {
        if (!Files.isDirectory(topicsDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(topicsDir)) {
            List<Path> all = files.filter(p -> p.getFileName().toString().endsWith(".md") && Files.isRegularFile(p))
                    .sorted().toList();
            if (all.size() > MAX_TOPICS) {
                findings.add(Finding.error(topicsDir.toString(), 1, 1, "more than " + MAX_TOPICS + " topic files"));
                return all.subList(0, MAX_TOPICS);
            }
            return all;
        } catch (IOException e) {
            findings.add(Finding.error(topicsDir.toString(), 1, 1, "cannot list topics: " + e.getMessage()));
            return List.of();
        }
    }

    private static Optional<String> read(Path file, List<Finding> findings) {
        String path = file.toString();
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                findings.add(Finding.error(path, 1, 1, "file is larger than " + MAX_FILE_BYTES / 1024 / 1024 + " MiB"));
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(file);
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (NoSuchFileException e) {
            findings.add(Finding.error(path, 1, 1, "file not found (set quorum.content.dir to the folder holding " + READING_LIST + ")"));
        } catch (CharacterCodingException e) {
            findings.add(Finding.error(path, 1, 1, "file is not valid UTF-8"));
        } catch (IOException e) {
            findings.add(Finding.error(path, 1, 1, "cannot read file: " + e.getMessage()));
        }
        return Optional.empty();
    }
}
