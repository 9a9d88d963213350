package dev.quorum.scrape.extract;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads a YouTube video, playlist or channel page from its metadata: Open Graph and schema.org tags, and the
 * embedded ytInitialData for what those lack. Transcripts are out of reach without an API, so the text to index
 * is the title and the description.
 */
public final class VideoPageExtractor {

    /** What YouTube writes when a page has no description of its own. */
    private static final Set<String> BOILERPLATE_DESCRIPTIONS = Set.of(
            "Enjoy the videos and music you love, upload original content, and share it all with friends, family, and the world on YouTube.",
            "Share your videos with friends, family, and the world");
    private static final Pattern TITLE_SUFFIX = Pattern.compile("\\s+-\\s+YouTube$");

    /**
     * @param sourceUrl the URL the page was fetched from, which tells its kind
     * @throws ExtractionException when {@code sourceUrl} is not a video, playlist or channel (a search, the home page)
     */
    public VideoPage extract(String html, String sourceUrl) throws ExtractionException {
        VideoPage.Kind kind = YouTubeUrl.kindOf(sourceUrl)
                .orElseThrow(() -> new ExtractionException("not a YouTube video, playlist or channel: " + sourceUrl));
        Document page = Jsoup.parse(html, sourceUrl);
        String title = content(page, "meta[property=og:title]", "meta[name=title]")
                .or(() -> documentTitle(page))
                .orElse(sourceUrl);
        Optional<String> description = content(page, "meta[property=og:description]", "meta[name=description]")
                .filter(text -> !BOILERPLATE_DESCRIPTIONS.contains(text));
        Optional<Integer> duration = content(page, "meta[itemprop=duration]").flatMap(VideoPageExtractor::seconds);
        Optional<Integer> itemCount = Optional.empty();
        Optional<String> channel = content(page, "[itemprop=author] link[itemprop=name]");
        if (kind == VideoPage.Kind.PLAYLIST) {
            // A playlist's count and owner have no meta tags of their own; the embedded JSON has them.
            YtInitialData data = YtInitialData.in(page);
            itemCount = content(page, "meta[itemprop=numberOfItems]")
                    .filter(count -> count.matches("\\d{1,9}"))
                    .map(Integer::valueOf)
                    .or(data::videoCount);
            channel = channel.or(data::owner);
        } else if (kind == VideoPage.Kind.CHANNEL) {
            // A channel page is titled with the channel's name.
            channel = channel.or(() -> Optional.of(title));
        }
        String text = description.map(d -> title + "\n\n" + d).orElse(title);
        return new VideoPage(kind, title, description, duration, itemCount, channel, text, Words.count(text));
    }

    /** The first non-blank {@code content} attribute among the elements matched, queries in order of preference. */
    private static Optional<String> content(Document page, String... queries) {
        for (String query : queries) {
            for (Element element : page.select(query)) {
                String content = Whitespace.collapse(element.attr("content"));
                if (!content.isEmpty()) {
                    return Optional.of(content);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> documentTitle(Document page) {
        String title = TITLE_SUFFIX.matcher(Whitespace.collapse(page.title())).replaceFirst("");
        return title.isEmpty() ? Optional.empty() : Optional.of(title);
    }

    /** ISO-8601 as YouTube writes it ("PT1H2M3S", "PT73M12S"); a live stream's zero duration means unknown. */
    private static Optional<Integer> seconds(String isoDuration) {
        try {
            long seconds = Duration.parse(isoDuration).getSeconds();
            return seconds > 0 && seconds <= Integer.MAX_VALUE ? Optional.of((int) seconds) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
