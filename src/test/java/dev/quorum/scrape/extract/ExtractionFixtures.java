package dev.quorum.scrape.extract;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The saved pages under {@code src/test/resources/fixtures/extract}: each {@code name.html} (bytes as served) with
 * {@code name.expected.txt}, the text a human reader calls the article, and the Content-Type header it was served
 * with, listed in {@code content-types.properties}.
 */
final class ExtractionFixtures {

    static final Path DIR = Path.of("src/test/resources/fixtures/extract");

    record Fixture(String name, byte[] html, Optional<String> contentType, String expected) {
    }

    private ExtractionFixtures() {
    }

    static List<Fixture> all() throws IOException {
        Properties contentTypes = new Properties();
        try (Reader in = Files.newBufferedReader(DIR.resolve("content-types.properties"), StandardCharsets.UTF_8)) {
            contentTypes.load(in);
        }
        try (Stream<Path> files = Files.list(DIR)) {
            List<Path> pages = files.filter(p -> p.getFileName().toString().endsWith(".html")).sorted().toList();
            List<Fixture> fixtures = new ArrayList<>();
            for (Path page : pages) {
                String file = page.getFileName().toString();
                String name = file.substring(0, file.length() - ".html".length());
                fixtures.add(new Fixture(name, Files.readAllBytes(page),
                        Optional.ofNullable(contentTypes.getProperty(file)),
                        Files.readString(DIR.resolve(name + ".expected.txt"), StandardCharsets.UTF_8)));
            }
            return fixtures;
        }
    }

    static Fixture named(String name) throws IOException {
        return all().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no fixture " + name + ".html in " + DIR));
    }
}
