package dev.quorum.scrape.extract;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Tells from a YouTube URL whether it shows a video, a playlist or a channel. */
final class YouTubeUrl {

    private static final Pattern VIDEO_PATH = Pattern.compile("^/(?:shorts|live|embed)/[^/]+");
    private static final Pattern CHANNEL_PATH = Pattern.compile("^/(?:(?:channel|c|user)/[^/]+|@[^/]+)");

    private YouTubeUrl() {
    }

    static Optional<VideoPage.Kind> kindOf(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String host = Optional.ofNullable(uri.getHost()).orElse("").toLowerCase(Locale.ROOT);
        String path = Optional.ofNullable(uri.getPath()).orElse("");
        if (host.equals("youtu.be")) {
            return path.length() > 1 ? Optional.of(VideoPage.Kind.VIDEO) : Optional.empty();
        }
        if (!host.equals("youtube.com") && !host.endsWith(".youtube.com")) {
            return Optional.empty();
        }
        // Visitors from the EU are redirected to a consent page that carries the page asked for.
        if (host.equals("consent.youtube.com")) {
            return parameter(uri, "continue").flatMap(YouTubeUrl::kindOf);
        }
        // A video watched inside a playlist (watch?v=…&list=…) is still the video.
        if ((path.equals("/watch") && parameter(uri, "v").isPresent()) || VIDEO_PATH.matcher(path).find()) {
            return Optional.of(VideoPage.Kind.VIDEO);
        }
        if (path.equals("/playlist") && parameter(uri, "list").isPresent()) {
            return Optional.of(VideoPage.Kind.PLAYLIST);
        }
        if (CHANNEL_PATH.matcher(path).find()) {
            return Optional.of(VideoPage.Kind.CHANNEL);
        }
        return Optional.empty();
    }

    private static Optional<String> parameter(URI uri, String name) {
        String query = Optional.ofNullable(uri.getRawQuery()).orElse("");
        return Arrays.stream(query.split("&"))
                .filter(pair -> pair.startsWith(name + "="))
                .flatMap(pair -> decoded(pair.substring(name.length() + 1)).stream())
                .filter(value -> !value.isEmpty())
                .findFirst();
    }

    private static Optional<String> decoded(String value) {
        try {
            return Optional.of(URLDecoder.decode(value, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
