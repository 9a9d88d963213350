package dev.quorum.scrape.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GitHubReadmeTest {

    private final GitHubReadme readme = new GitHubReadme();

    private static String fixture(String name) {
        try (InputStream in = GitHubReadmeTest.class.getResourceAsStream("/fixtures/github/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Nested
    class ReadmeUrl {

        @ParameterizedTest
        @ValueSource(strings = {
                "https://github.com/example/raft-kv",
                "https://github.com/example/raft-kv/",
                "https://github.com/example/raft-kv.git",
                "https://github.com/example/raft-kv/tree/main",
                "https://github.com/example/raft-kv/tree/master/",
                "https://github.com/example/raft-kv?tab=readme-ov-file",
                "https://github.com/example/raft-kv#readme",
                "http://www.github.com/example/raft-kv"})
        void pointsAtTheRawReadmeOfTheDefaultBranch(String url) {
            assertEquals(Optional.of("https://raw.githubusercontent.com/example/raft-kv/HEAD/README.md"), GitHubReadme.readmeUrl(url));
        }

        @Test
        void keepsDotsAndUnderscoresInTheRepositoryName() {
            assertEquals(Optional.of("https://raw.githubusercontent.com/jepsen-io/maelstrom.rs_demo/HEAD/README.md"),
                    GitHubReadme.readmeUrl("https://github.com/jepsen-io/maelstrom.rs_demo"));
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "https://github.com/example",
                "https://github.com/example/raft-kv/issues/12",
                "https://github.com/example/raft-kv/blob/main/README.md",
                "https://github.com/example/raft-kv/tree/main/docs",
                "https://github.com/example/raft-kv/wiki",
                "https://github.com/topics/raft",
                "https://github.com/orgs/example/repositories",
                "https://github.com/",
                "https://gitlab.com/example/raft-kv",
                "https://raw.githubusercontent.com/example/raft-kv/HEAD/README.md",
                "ftp://github.com/example/raft-kv",
                "not a url"})
        void isEmptyForAnythingButARepositoryRoot(String url) {
            assertEquals(Optional.empty(), GitHubReadme.readmeUrl(url));
        }
    }

    @Nested
    class ExtractReadme {

        @Test
        void keepsWhatAReaderReadsOfARealisticReadme() {
            ExtractedText text = readme.extractReadme(fixture("README.md"));

            assertEquals(Optional.of("raft-kv"), text.title());
            assertEquals("""
                    raft-kv

                    A replicated key-value store built on the Raft consensus algorithm, written to be read. \
                    Every state transition is in one file, and the tests run a deterministic simulation of the cluster.

                    Note raft-kv is a teaching project. Use etcd in production.

                    Features

                    Leader election with randomised timeouts
                    Log replication and commitment, as in §5.3 of the paper
                    Snapshots and log compaction
                    Membership changes, one server at a time

                    Quick start

                    ./gradlew run --args="--nodes 3"
                    curl -X PUT localhost:8080/kv/greeting -d hello

                    Then read it back with curl localhost:8080/kv/greeting.

                    Configuration

                    Option | Default | Meaning
                    election.timeout.ms | 150–300 | Randomised election timeout
                    heartbeat.ms | 50 | Leader heartbeat interval

                    Why not Multi-Paxos?

                    Raft's strong leader makes the log easier to follow.

                    Licensed under the Apache License 2.0.""", text.text());
        }

        @Test
        void countsWordsButNotPunctuation() {
            assertEquals(9, readme.extractReadme("# Raft\n\nA consensus algorithm, `designed` for *understandability*.\n\n- leader — follower").wordCount());
        }

        @Test
        void dropsBadgesAndImagesWithTheirAltText() {
            String markdown = "[![CI](https://ci.example/badge.svg)](https://ci.example) ![diagram of a ring](ring.png)\n\nChord.";

            assertEquals("Chord.", readme.extractReadme(markdown).text());
        }

        @Test
        void keepsLinkTextButNotItsDestination() {
            assertEquals("See the paper.", readme.extractReadme("See the [paper](https://raft.github.io/raft.pdf \"Raft\").").text());
        }

        @Test
        void takesTheTitleFromAnHtmlHeadingWhenTheReadmeStartsWithOne() {
            ExtractedText text = readme.extractReadme("<h1 align=\"center\">\n  <img src=\"logo.png\"><br>Jepsen\n</h1>\n\nBreaking distributed systems.");

            assertEquals(Optional.of("Jepsen"), text.title());
            assertEquals("Jepsen\n\nBreaking distributed systems.", text.text());
        }

        @Test
        void takesTheTitleFromASetextHeading() {
            assertEquals(Optional.of("Hermes"), readme.extractReadme("Hermes\n======\n\nA replication protocol.").title());
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "## Installation\n\nRun it.",
                "Just a paragraph.",
                "# ![logo](logo.png)\n\nNo words in that heading."})
        void hasNoTitleWithoutAFirstLevelHeadingOfWords(String markdown) {
            assertEquals(Optional.empty(), readme.extractReadme(markdown).title());
        }

        @Test
        void anEmptyReadmeHasNoText() {
            ExtractedText text = readme.extractReadme("");

            assertEquals(Optional.empty(), text.title());
            assertEquals("", text.text());
            assertEquals(0, text.wordCount());
        }
    }
}
