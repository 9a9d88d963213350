package dev.quorum.scrape.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quorum.scrape.extract.VideoPage.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VideoPageExtractorTest {

    private static final String WATCH_URL = "https://www.youtube.com/watch?v=-_rdWB9hN1c";
    private static final String PLAYLIST_URL = "https://www.youtube.com/playlist?list=PLeKd45zvjcDFUEv_ohr_HdUFe97RItdiB";

    private final VideoPageExtractor extractor = new VideoPageExtractor();

    private static String fixture(String name) {
        try (InputStream in = VideoPageExtractorTest.class.getResourceAsStream("/fixtures/video/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A page with just the given tags in its head. */
    private static String head(String tags) {
        return "<!DOCTYPE html><html><head>" + tags + "</head><body></body></html>";
    }

    @Nested
    class Video {

        private VideoPage page() throws ExtractionException {
            return extractor.extract(fixture("watch.html"), WATCH_URL);
        }

        @Test
        void readsTitleDescriptionDurationAndChannelFromTheMetaTags() throws ExtractionException {
            VideoPage page = page();

            assertEquals(Kind.VIDEO, page.kind());
            assertEquals("Distributed Systems 7.1: Two-phase commit", page.title());
            assertEquals(Optional.of("Accompanying lecture notes: https://www.cl.cam.ac.uk/teaching/2122/ConcDisSys/dist-sys-notes.pdf"
                    + " Full lecture series: https://www.youtube.com/playlist?list=PLeKd45zvjcDFUEv_ohr_HdUFe97RItdiB This video is part"
                    + " of an 8-lecture series on distributed systems, given as part of the undergraduate computer science course at the"
                    + " University of Cambridge. It is part of ..."), page.description());
            assertEquals(Optional.of(18 * 60 + 5), page.durationSeconds());
            assertEquals(Optional.of("Martin Kleppmann"), page.channel());
        }

        @Test
        void aVideoWatchedInAPlaylistHasNoItemCountOfItsOwn() throws ExtractionException {
            assertEquals(Optional.empty(), page().itemCount());
        }

        @Test
        void indexesTitleAndDescription() throws ExtractionException {
            VideoPage page = page();

            assertEquals(page.title() + "\n\n" + page.description().orElseThrow(), page.text());
            // 5 words of title and 37 of description; its closing "..." is not a word.
            assertEquals(42, page.wordCount());
        }

        @Test
        void readsHoursMinutesAndSeconds() throws ExtractionException {
            String html = head("<meta property=\"og:title\" content=\"Raft\"><meta itemprop=\"duration\" content=\"PT1H2M3S\">");

            assertEquals(Optional.of(3723), extractor.extract(html, WATCH_URL).durationSeconds());
        }

        @Test
        void aLiveStreamsZeroDurationIsUnknown() throws ExtractionException {
            String html = head("<meta property=\"og:title\" content=\"Live\"><meta itemprop=\"duration\" content=\"P0D\">");

            assertEquals(Optional.empty(), extractor.extract(html, WATCH_URL).durationSeconds());
        }

        @Test
        void aDurationThatIsNotIso8601IsUnknown() throws ExtractionException {
            String html = head("<meta property=\"og:title\" content=\"Raft\"><meta itemprop=\"duration\" content=\"18:05\">");

            assertEquals(Optional.empty(), extractor.extract(html, WATCH_URL).durationSeconds());
        }

        @Test
        void fallsBackToTheNameMetaTags() throws ExtractionException {
            String html = head("<meta name=\"title\" content=\"Paxos lecture\"><meta name=\"description\" content=\"Single-decree Paxos.\">");

            VideoPage page = extractor.extract(html, WATCH_URL);
            assertEquals("Paxos lecture", page.title());
            assertEquals(Optional.of("Single-decree Paxos."), page.description());
        }

        @Test
        void youTubesOwnTaglineIsNoDescription() throws ExtractionException {
            String html = head("<title>Raft - YouTube</title><meta property=\"og:description\" content=\"Enjoy the videos and music you love,"
                    + " upload original content, and share it all with friends, family, and the world on YouTube.\">");

            assertEquals(Optional.empty(), extractor.extract(html, WATCH_URL).description());
        }
    }

    @Nested
    class Playlist {

        @Test
        void readsTitleDescriptionAndTheCountAndOwnerFromYtInitialData() throws ExtractionException {
            VideoPage page = extractor.extract(fixture("playlist.html"), PLAYLIST_URL);

            assertEquals(Kind.PLAYLIST, page.kind());
            assertEquals("Distributed Systems lecture series", page.title());
            assertEquals(Optional.of("Lectures on distributed systems, recorded for the University of Cambridge undergraduate course"
                    + " in 2020/21: time, clocks, replication, consensus and consistency."), page.description());
            assertEquals(Optional.of(28), page.itemCount());
            assertEquals(Optional.of("Martin Kleppmann"), page.channel());
            assertEquals(Optional.empty(), page.durationSeconds());
        }

        @Test
        void readsTheCountFromTheCurrentPageHeaderDesign() throws ExtractionException {
            String html = head("<meta property=\"og:title\" content=\"Consensus\">")
                    + "<script>var ytInitialData = {\"header\":{\"pageHeaderRenderer\":{\"content\":{\"pageHeaderViewModel\":{\"metadata\":"
                    + "{\"contentMetadataViewModel\":{\"metadataRows\":[{\"metadataParts\":[{\"text\":{\"content\":\"Playlist\"}},"
                    + "{\"text\":{\"content\":\"1,204 videos\"}},{\"text\":{\"content\":\"3,901 views\"}}]}]}}}}}}};</script>";

            assertEquals(Optional.of(1204), extractor.extract(html, PLAYLIST_URL).itemCount());
        }

        @Test
        void anEmptyPlaylistHasNoVideos() throws ExtractionException {
            String html = head("<meta property=\"og:title\" content=\"Drafts\">")
                    + "<script>window[\"ytInitialData\"] = {\"header\":{\"playlistHeaderRenderer\":{\"numVideosText\":{\"simpleText\":\"No videos\"}}}};</script>";

            assertEquals(Optional.of(0), extractor.extract(html, PLAYLIST_URL).itemCount());
        }

        @Test
        void brokenYtInitialDataMeansNoCount() throws ExtractionException {
            String html = head("<meta property=\"og:title\" content=\"Consensus\">")
                    + "<script>var ytInitialData = {\"header\":{\"numVideosText\":{\"simpleText\":\"28 vid</script>";

            VideoPage page = extractor.extract(html, PLAYLIST_URL);
            assertEquals(Optional.empty(), page.itemCount());
            assertEquals(Optional.empty(), page.channel());
        }

        @Test
        void youTubesOwnTaglineIsNoDescription() throws ExtractionException {
            String html = head("<meta property=\"og:title\" content=\"Consensus\">"
                    + "<meta property=\"og:description\" content=\"Share your videos with friends, family, and the world\">");

            assertEquals(Optional.empty(), extractor.extract(html, PLAYLIST_URL).description());
        }
    }

    @Nested
    class Channel {

        @Test
        void isNamedByItsTitleAndHasNoItemCount() throws ExtractionException {
            VideoPage page = extractor.extract(fixture("channel.html"), "https://www.youtube.com/@kleppmann");

            assertEquals(Kind.CHANNEL, page.kind());
            assertEquals("Martin Kleppmann", page.title());
            assertEquals(Optional.of("Martin Kleppmann"), page.channel());
            assertEquals(Optional.of("I'm a researcher in distributed systems at the University of Cambridge. Lectures, conference talks"
                    + " and explanations of CRDTs, local-first software & data-intensive applications."), page.description());
            assertEquals(Optional.empty(), page.itemCount());
        }
    }

    @Nested
    class ConsentInterstitial {

        private static final String CONSENT_URL = "https://consent.youtube.com/m?continue=https%3A%2F%2Fwww.youtube.com%2Fwatch%3Fv%3D-_rdWB9hN1c"
                + "%26cbrd%3D1&gl=DE&m=0&pc=yt&cm=2&hl=en&src=1";

        @Test
        void keepsTheKindOfThePageAskedForAndOnlyTheDocumentTitle() throws ExtractionException {
            VideoPage page = extractor.extract(fixture("consent.html"), CONSENT_URL);

            assertEquals(Kind.VIDEO, page.kind());
            assertEquals("Before you continue to YouTube", page.title());
            assertEquals(Optional.empty(), page.description());
            assertEquals(Optional.empty(), page.durationSeconds());
            assertEquals(Optional.empty(), page.channel());
            assertEquals("Before you continue to YouTube", page.text());
        }
    }

    @Nested
    class KindFromUrl {

        @ParameterizedTest
        @CsvSource({
                "https://www.youtube.com/watch?v=-_rdWB9hN1c, VIDEO",
                "https://m.youtube.com/watch?feature=share&v=-_rdWB9hN1c, VIDEO",
                "https://www.youtube.com/watch?v=-_rdWB9hN1c&list=PLeKd45zvjcDFUEv_ohr_HdUFe97RItdiB, VIDEO",
                "https://youtu.be/-_rdWB9hN1c?t=42, VIDEO",
                "https://www.youtube.com/shorts/dQw4w9WgXcQ, VIDEO",
                "https://www.youtube.com/playlist?list=PLeKd45zvjcDFUEv_ohr_HdUFe97RItdiB, PLAYLIST",
                "https://www.youtube.com/@kleppmann, CHANNEL",
                "https://www.youtube.com/@kleppmann/videos, CHANNEL",
                "https://www.youtube.com/channel/UClB4KPy5LkJj1t3SgYVtMOQ, CHANNEL",
                "https://www.youtube.com/c/MartinKleppmann, CHANNEL",
                "https://www.youtube.com/user/kleppmann, CHANNEL"})
        void tellsTheKindFromTheUrl(String url, Kind kind) throws ExtractionException {
            assertEquals(kind, extractor.extract(head("<title>x</title>"), url).kind());
        }

        @ParameterizedTest
        @CsvSource({
                "https://www.youtube.com/",
                "https://www.youtube.com/results?search_query=raft",
                "https://www.youtube.com/watch",
                "https://www.youtube.com/playlist?list=",
                "https://youtu.be/",
                "https://vimeo.com/123456",
                "not a url"})
        void refusesPagesThatAreNoVideoPlaylistOrChannel(String url) {
            ExtractionException e = assertThrows(ExtractionException.class, () -> extractor.extract(head("<title>x</title>"), url));
            assertEquals("not a YouTube video, playlist or channel: " + url, e.getMessage());
        }
    }
}
