package dev.quorum.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorum.catalog.CanonicalUrl;
import dev.quorum.catalog.Resource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@QuarkusTest
class ContentIngestTest {

    private static final String CASPAXOS = "https://arxiv.org/abs/1802.07000";

    @Inject
    ContentIngest ingest;

    @TempDir
    Path dir;

    @AfterEach
    void restoreRealContent() {
        IngestReport report = ingest.ingest(ContentFixtures.REAL_CONTENT);
        assertTrue(report.succeeded(), report::summary);
    }

    private static Resource byUrl(String url) {
        String id = CanonicalUrl.of(url).resourceId();
        return QuarkusTransaction.requiringNew().call(() -> Resource.byId(id).orElseThrow());
    }

    private static long active() {
        return QuarkusTransaction.requiringNew().call(() -> Resource.countActive(Resource.Filter.none()));
    }

    @Test
    void ingestsEverySeedEntryWithKindAndLanguage() {
        ingest.ingest(ContentFixtures.REAL_CONTENT);
        assertEquals(ContentFixtures.realEntryCount(), active());
        Resource caspaxos = byUrl(CASPAXOS);
        assertEquals("paper", caspaxos.kind);
        assertEquals("en", caspaxos.language);
        assertEquals("arxiv.org", caspaxos.domain);
        assertEquals("Papers", caspaxos.section);
        assertEquals("reading-list.md", caspaxos.sourceFile);
        assertTrue(caspaxos.sourceLine > 0);
        assertEquals("ru", byUrl("https://habr.com/ru/post/322876/").language);
        assertEquals(4, QuarkusTransaction.requiringNew().call(() -> Resource.countActive(
                new Resource.Filter(java.util.Optional.empty(), java.util.Optional.of("ru")))));
    }

    @Test
    void aSecondRunChangesNothing() {
        ingest.ingest(ContentFixtures.REAL_CONTENT);
        List<String> before = ContentFixtures.snapshot();

        IngestReport again = ingest.ingest(ContentFixtures.REAL_CONTENT);

        assertEquals(IngestReport.Status.UNCHANGED, again.status());
        assertEquals(ContentFixtures.realEntryCount(), again.resources().unchanged());
        assertEquals(again.topics().entries(), again.topics().unchanged());
        int n = ContentFixtures.realEntryCount();
        assertEquals(new IngestReport.Counts(n, 0, 0, 0, 0, n), again.resources());
        assertEquals(before, ContentFixtures.snapshot());
    }

    @Test
    void aBadFileLeavesTheDatabaseAsItWas() throws Exception {
        List<String> before = ContentFixtures.snapshot();
        Path bad = ContentFixtures.variant(dir, text -> text
                .replace("- [Jepsen](https://github.com/jepsen-io/jepsen)", "- [Jepsen](github.com/jepsen-io/jepsen)")
                .replace("## Books", "## Books\n\n- [Added but never stored](https://example.com/new)"));

        IngestReport report = ingest.ingest(bad);

        assertEquals(IngestReport.Status.REJECTED, report.status());
        Finding f = report.findings().stream().filter(x -> x.isError() && x.message().contains("not absolute")).findFirst().orElseThrow();
        assertTrue(f.toString().startsWith(dir.resolve("reading-list.md") + ":"), f.toString());
        assertTrue(f.message().contains("not absolute"), f.message());
        String line = Files.readAllLines(dir.resolve("reading-list.md"), StandardCharsets.UTF_8).get(f.line() - 1);
        assertTrue(line.contains("[Jepsen]"), "the finding points at the broken line: " + line);
        assertEquals(before, ContentFixtures.snapshot());
    }

    @Test
    void aRemovedEntryIsRetiredNotDeletedAndComesBack() throws Exception {
        Path without = ContentFixtures.variant(dir, text -> text.replaceFirst("(?m)^- \\[CASPaxos.*\\n", ""));
        ContentFixtures.dropFromTopics(without, CASPAXOS);
        for (String slug : List.of("consensus", "transactions-and-consistency")) {
            // An overview may link only what the list has: the links go with the entry.
            ContentFixtures.editTopic(without, slug, t -> t.replace("](" + CASPAXOS + ")", "](/topics/consensus)"));
        }

        IngestReport removed = ingest.ingest(without);

        assertEquals(IngestReport.Status.APPLIED, removed.status());
        assertEquals(1, removed.resources().retired());
        assertEquals(ContentFixtures.realEntryCount() - 1, active());
        Resource retired = byUrl(CASPAXOS);
        assertNotNull(retired.retiredAt);

        IngestReport back = ingest.ingest(ContentFixtures.REAL_CONTENT);

        assertEquals(1, back.resources().restored());
        Resource restored = byUrl(CASPAXOS);
        assertNull(restored.retiredAt);
        assertEquals(retired.firstSeenAt, restored.firstSeenAt, "first seen is kept across retirement");
    }

    @Test
    void anEditedEntryIsUpdatedInPlace() throws Exception {
        Resource before = byUrl(CASPAXOS);
        Path edited = ContentFixtures.variant(dir, text -> text.replaceFirst(
                "\\[CASPaxos: Replicated State Machines without logs\\]\\(https://arxiv.org/abs/1802.07000\\)[^\\n]*",
                "[CASPaxos, retitled](https://arxiv.org/abs/1802.07000/?utm_source=x) - Edited. (Someone Else, 2019)"));

        IngestReport report = ingest.ingest(edited);

        assertEquals(1, report.resources().updated());
        assertEquals(0, report.resources().added());
        Resource after = byUrl(CASPAXOS);
        assertEquals("CASPaxos, retitled", after.title);
        assertEquals("Edited.", after.description);
        assertEquals("Someone Else", after.authors);
        assertEquals(2019, after.year);
        assertEquals(before.firstSeenAt, after.firstSeenAt);
    }

    @Test
    void aBrokenTopicKeepsTheLastGoodContent() throws Exception {
        ingest.ingest(ContentFixtures.REAL_CONTENT);
        List<String> before = ContentFixtures.snapshot();
        Path bad = ContentFixtures.variant(dir, text -> text);
        ContentFixtures.editTopic(bad, "consensus", text -> text.replaceFirst("order: 2", "order: 2\nauthor: Somebody")
                .replace("## Paxos\n", "## Paxos\n\n<script>alert(1)</script>\n"));

        IngestReport report = ingest.ingest(bad);

        assertEquals(IngestReport.Status.REJECTED, report.status());
        List<String> errors = report.findings().stream().filter(Finding::isError).map(Finding::toString).toList();
        assertEquals(2, errors.size(), errors::toString);
        assertTrue(errors.get(0).startsWith(bad.resolve("topics/consensus.md") + ":5:1: error: unknown key 'author'"), errors.get(0));
        assertTrue(errors.get(1).contains("raw HTML in Markdown"), errors.get(1));
        assertEquals(before, ContentFixtures.snapshot());
        assertEquals(report, ingest.lastReport().orElseThrow(), "the admin endpoint and health report the rejection");
    }

    @Test
    void aTopicIsAddedUpdatedAndRetiredButNeverDeleted() throws Exception {
        Path more = ContentFixtures.variant(dir, text -> text);
        String extra = java.nio.file.Files.readString(ContentFixtures.REAL_CONTENT.resolve("topics/coordination.md"))
                .replace("order: 5", "order: 99").replaceFirst("title: .*", "title: Extra topic");
        java.nio.file.Files.writeString(more.resolve("topics/extra-topic.md"), extra);
        ContentFixtures.editTopic(more, "membership", text -> text.replaceFirst("summary: .*", "summary: An edited summary."));

        IngestReport added = ingest.ingest(more);

        assertEquals(IngestReport.Status.APPLIED, added.status(), added::summary);
        // added the first time the suite runs; restored on later runs against the same test database
        assertEquals(1, added.topics().added() + added.topics().restored());
        assertEquals(1, added.topics().updated());
        IngestReport back = ingest.ingest(ContentFixtures.REAL_CONTENT);
        assertEquals(1, back.topics().retired());
        assertEquals(1, back.topics().updated());
        dev.quorum.catalog.Topic retired = QuarkusTransaction.requiringNew().call(() -> dev.quorum.catalog.Topic.bySlug("extra-topic").orElseThrow());
        assertNotNull(retired.retiredAt);
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> dev.quorum.catalog.Topic.active().stream()
                .filter(t -> t.slug.equals("extra-topic")).count()));
    }

    @Test
    void aMissingFileIsReportedNotThrown() {
        List<String> before = ContentFixtures.snapshot();
        IngestReport report = ingest.ingest(dir.resolve("nowhere"));
        assertEquals(IngestReport.Status.REJECTED, report.status());
        assertTrue(report.findings().stream().anyMatch(f -> f.message().startsWith("file not found")), report.findings()::toString);
        assertEquals(before, ContentFixtures.snapshot());
    }

    @Test
    void aFileThatIsNotUtf8IsReported() throws Exception {
        ContentFixtures.variant(dir, text -> text);
        Files.write(dir.resolve("reading-list.md"), new byte[] {'-', ' ', '[', (byte) 0xC3, (byte) 0x28, ']'});
        IngestReport report = ingest.ingest(dir);
        assertEquals(IngestReport.Status.REJECTED, report.status());
        assertTrue(report.findings().stream().anyMatch(f -> f.message().equals("file is not valid UTF-8")));
    }
}
