package dev.quorum.content;

import dev.quorum.catalog.CanonicalUrl;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells the language of a resource from its title, by writing system: Cyrillic titles are Russian
 * (Ukrainian where its own letters appear), Greek, Hebrew, Arabic, CJK and Hangul map to their languages,
 * and Latin script is English unless the URL's first path segment names another language
 * ({@code https://example.com/de/…}).
 *
 * <p>Titles are a few words long, too short for statistical detectors to beat the script; the scraper
 * will see the page's own {@code lang} attribute later. The descriptions are ours and always English,
 * so they are not evidence.
 */
public final class LanguageDetector {

    private static final Pattern URL_LANGUAGE = Pattern.compile("^https?://[^/]+/(ru|uk|de|fr|es|pt|it|ja|zh|ko|pl|nl)(?:[-_][a-z]{2})?(?:/|$)");
    private static final Pattern UKRAINIAN_LETTERS = Pattern.compile("[іїєґІЇЄҐ]");

    public String detect(String title, CanonicalUrl url) {
        int latin = 0;
        int cyrillic = 0;
        int greek = 0;
        int hebrew = 0;
        int arabic = 0;
        int han = 0;
        int kana = 0;
        int hangul = 0;
        for (int i = 0; i < title.length(); ) {
            int cp = title.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            switch (Character.UnicodeScript.of(cp)) {
                case LATIN -> latin++;
                case CYRILLIC -> cyrillic++;
                case GREEK -> greek++;
                case HEBREW -> hebrew++;
                case ARABIC -> arabic++;
                case HAN -> han++;
                case HIRAGANA, KATAKANA -> kana++;
                case HANGUL -> hangul++;
                default -> { }
            }
        }
        int nonLatin = Math.max(Math.max(cyrillic, greek), Math.max(hebrew, arabic));
        int cjk = han + kana + hangul;
        if (cjk > 0 && cjk >= latin) {
            return kana > 0 ? "ja" : hangul > 0 ? "ko" : "zh";
        }
        if (nonLatin > latin) {
            if (nonLatin == cyrillic) {
                return UKRAINIAN_LETTERS.matcher(title).find() ? "uk" : "ru";
            }
            return nonLatin == greek ? "el" : nonLatin == hebrew ? "he" : "ar";
        }
        Matcher m = URL_LANGUAGE.matcher(url.value().toLowerCase(Locale.ROOT));
        if (latin > 0 && m.find()) {
            return m.group(1);
        }
        return "en";
    }
}
