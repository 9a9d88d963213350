package dev.quorum.scrape.extract;

import java.util.Optional;

/**
 * What a YouTube page says about itself in its metadata.
 *
 * @param durationSeconds videos only; absent for live streams, which state a zero duration
 * @param itemCount       playlists only: the number of videos
 * @param text            title and description, for the index
 */
public record VideoPage(
        Kind kind,
        String title,
        Optional<String> description,
        Optional<Integer> durationSeconds,
        Optional<Integer> itemCount,
        Optional<String> channel,
        String text,
        int wordCount) {

    public enum Kind { VIDEO, PLAYLIST, CHANNEL }
}
