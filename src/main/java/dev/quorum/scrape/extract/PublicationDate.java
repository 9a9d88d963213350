package dev.quorum.scrape.extract;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Accepts a publication date only when it is ISO-8601 (or the slashed form Google Scholar's
 * {@code citation_publication_date} uses); prose dates such as "March 5, 2024" are left to the next source.
 */
final class PublicationDate {

    private static final Pattern DATE = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})");
    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})[T ]([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d{1,9})?)?(Z|[+-]\\d{2}(:?\\d{2})?)?");

    private PublicationDate() {
    }

    /** A date-time as found, or a bare date as {@code yyyy-MM-dd}; empty when {@code raw} is neither or is no real day. */
    static Optional<String> normalise(String raw) {
        String value = raw.strip();
        Matcher dateTime = DATE_TIME.matcher(value);
        if (dateTime.matches()) {
            return day(dateTime).map(day -> value);
        }
        Matcher date = DATE.matcher(value);
        return date.matches() ? day(date).map(LocalDate::toString) : Optional.empty();
    }

    private static Optional<LocalDate> day(Matcher m) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        } catch (DateTimeException notARealDay) {
            return Optional.empty();
        }
    }
}
