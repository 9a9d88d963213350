package dev.quorum.scrape;

import dev.quorum.platform.QuorumConfig;
import dev.quorum.scrape.extract.ExtractionException;
import dev.quorum.scrape.extract.ExtractedText;
import dev.quorum.scrape.extract.GitHubReadme;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Turns a claimed job into a snapshot: fetch, then extract by type. Never throws for what a site does. */
@ApplicationScoped
public class ScrapeProcessor {

    static final int WORDS_PER_MINUTE = 230;
    private static final Logger LOG = Logger.getLogger(ScrapeProcessor.class);

    @Inject
    QuorumConfig config;

    private Fetcher fetcher;
    private final Extraction extraction = new Extraction();
    private final GitHubReadme readmes = new GitHubReadme();

    @PostConstruct
    void open() {
        QuorumConfig.Scrape s = config.scrape();
        fetcher = new Fetcher(FetchPolicy.defaults()
                .withAllowLoopback(s.allowLoopback())
                .withMinHostInterval(s.minHostInterval()));
    }

    void close(@Observes ShutdownEvent event) throws IOException {
        fetcher.close();
    }

    /** The outcome of one job: the snapshot to write and, for a deferral, when the server asked us back. */
    public record Outcome(Snapshot snapshot, Optional<java.time.Duration> retryAfter) {
    }

    /** A snapshot for a job whose processing failed in our own code; the job still completes and backs off. */
    static Outcome failed(ScrapeQueue.Claim claim, RuntimeException e) {
        Snapshot s = new Snapshot();
        s.resourceId = claim.resourceId();
        s.fetchedAt = Instant.now();
        s.status = "error";
        s.finalUrl = claim.url();
        s.durationMs = 0;
        s.detail = Fetcher.clean("internal error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        return new Outcome(s, Optional.empty());
    }

    public Outcome process(ScrapeQueue.Claim claim) {
        Instant at = Instant.now();
        FetchResult r = fetcher.fetch(claim.url(), claim.etag(), claim.lastModified());
        Snapshot s = new Snapshot();
        s.resourceId = claim.resourceId();
        s.fetchedAt = at;
        s.status = r.outcome().name().toLowerCase(java.util.Locale.ROOT);
        s.httpStatus = r.httpStatus() == 0 ? null : r.httpStatus();
        s.finalUrl = r.finalUrl();
        s.contentType = r.contentType().orElse(null);
        s.etag = r.etag().orElse(null);
        s.lastModified = r.lastModified().orElse(null);
        s.durationMs = (int) Math.min(Integer.MAX_VALUE, r.durationMs());
        s.detail = r.detail();
        switch (r.outcome()) {
            case OK, REDIRECTED -> extractInto(s, r);
            case UNCHANGED -> copyForward(s);
            default -> LOG.warnf("scrape %s: %s (%s)", claim.url(), s.status, r.detail());
        }
        return new Outcome(s, r.retryAfter());
    }

    private void extractInto(Snapshot s, FetchResult r) {
        s.contentHash = sha256(r.body());
        try {
            Extraction.Extracted e = extraction.extract(r.body(), r.contentType(), r.finalUrl());
            s.title = blankToNull(e.title());
            s.author = e.author().orElse(null);
            s.published = e.published().orElse(null);
            s.language = e.language().orElse(null);
            s.text = e.text();
            s.wordCount = e.wordCount();
            s.pageCount = e.pageCount().orElse(null);
            readme(r.finalUrl()).ifPresent(readme -> {
                s.text = readme.text();
                s.wordCount = readme.wordCount();
            });
            s.readingMinutes = readingMinutes(s.wordCount);
        } catch (ExtractionException e) {
            // the link works; only its text is out of reach, so link health stays as the fetch found it
            s.detail = "fetched, but could not extract text: " + e.getMessage();
            LOG.warnf("scrape %s: %s", r.finalUrl(), s.detail);
        }
    }

    /** For a GitHub repository the README says what it is; its page is mostly chrome. */
    private Optional<ExtractedText> readme(String url) {
        return GitHubReadme.readmeUrl(url).flatMap(raw -> {
            FetchResult r = fetcher.fetch(raw, Optional.empty(), Optional.empty());
            if (r.outcome() != FetchResult.Outcome.OK && r.outcome() != FetchResult.Outcome.REDIRECTED) {
                return Optional.empty();
            }
            return Optional.of(readmes.extractReadme(new String(r.body(), StandardCharsets.UTF_8)));
        });
    }

    private static void copyForward(Snapshot s) {
        QuarkusTransaction.requiringNew().run(() -> Snapshot.latestWithText(s.resourceId).ifPresent(prev -> {
            s.contentHash = prev.contentHash;
            s.title = prev.title;
            s.author = prev.author;
            s.published = prev.published;
            s.language = prev.language;
            s.text = prev.text;
            s.wordCount = prev.wordCount;
            s.readingMinutes = prev.readingMinutes;
            s.pageCount = prev.pageCount;
            s.contentType = s.contentType == null ? prev.contentType : s.contentType;
            // a 304 need not repeat the validators; keep the ones that earned it
            s.etag = s.etag == null ? prev.etag : s.etag;
            s.lastModified = s.lastModified == null ? prev.lastModified : s.lastModified;
        }));
    }

    static Integer readingMinutes(Integer words) {
        if (words == null || words == 0) {
            return null;
        }
        return Math.max(1, (int) Math.round(words / (double) WORDS_PER_MINUTE));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
