package dev.quorum.content;

import dev.quorum.catalog.CanonicalUrl;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an awesome-list style Markdown file: {@code - [Title](URL) - Description.} entries under headings.
 *
 * <p>It copes with what such READMEs contain besides entries: {@code *}, {@code -} or {@code +} bullets,
 * nested bullets, headings at any level, a table of contents, badges, images, HTML comments, fenced code
 * and prose. A bullet that tries to be an entry and fails is an error with its line and column; a bullet
 * that is plainly not an entry (text without a link) is a warning. Nothing is skipped in silence.
 */
public final class ReadingListParser {

    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern BULLET = Pattern.compile("^(\\s*)([-*+])\\s+(.*)$");
    private static final Pattern THEMATIC_BREAK = Pattern.compile("^ {0,3}([-*_])(\\s*\\1){2,}\\s*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");
    private static final Pattern TOC_HEADING = Pattern.compile("(?i)^(table of contents|contents|toc|оглавление|содержание)$");
    /** Badges and images after an entry: {@code ![alt](src)} or {@code [![alt](src)](href)}. */
    private static final Pattern TRAILING_BADGE = Pattern.compile("(\\[!\\[[^\\]]*\\]\\([^)]*\\)\\]\\([^)]*\\)|!\\[[^\\]]*\\]\\([^)]*\\))\\s*$");
    private static final Pattern DESCRIPTION_SEPARATOR = Pattern.compile("^(?:[-–—:])\\s+(.*)$");
    /** A trailing "(Author, 2019)", "(A, B et al., 2021)", "(2019)" or "(by Author)" after the description. */
    private static final Pattern ATTRIBUTION = Pattern.compile("^(.*?)\\s*\\((?:by\\s+([^()]+)|(?:([^()]+?),\\s*)?(\\d{4}))\\)$");
    private static final int MIN_YEAR = 1900;
    private static final int MAX_YEAR = 2100;
    private static final int MAX_TITLE_LENGTH = 300;
    private static final int MAX_DESCRIPTION_LENGTH = 1000;

    /** Parses {@code text}; {@code path} is only used to name the file in findings. */
    public ParsedList parse(String path, String text) {
        return new Run(path).parse(text);
    }

    /** The state of one parse: the heading stack, comment and fence state, what has been found. */
    private static final class Run {
        private final String path;
        private final List<ListEntry> entries = new ArrayList<>();
        private final List<Finding> findings = new ArrayList<>();
        private final Deque<Heading> headings = new ArrayDeque<>();
        private final Map<String, ListEntry> byCanonicalUrl = new LinkedHashMap<>();
        private boolean inFence;
        private boolean inComment;
        private int commentOpenedAt;

        Run(String path) {
            this.path = path;
        }

        ParsedList parse(String text) {
            String[] lines = text.split("\r\n|\r|\n", -1);
            for (int i = 0; i < lines.length; i++) {
                line(i + 1, lines[i]);
            }
            if (inComment) {
                findings.add(Finding.error(path, commentOpenedAt, 1,
                        "HTML comment is never closed: everything after it would be ignored"));
            }
            if (inFence) {
                findings.add(Finding.warning(path, lines.length, 1, "code fence is never closed"));
            }
            if (entries.isEmpty() && findings.stream().noneMatch(Finding::isError)) {
                findings.add(Finding.error(path, 1, 1, "no entries found: expected lines like '- [Title](https://…) - Description.'"));
            }
            return new ParsedList(path, entries, findings);
        }

        private void line(int number, String raw) {
            if (FENCE.matcher(raw).find() && !inComment) {
                inFence = !inFence;
                return;
            }
            if (inFence) {
                return;
            }
            String line = withoutComments(number, raw);
            if (line.isBlank()) {
                return;
            }
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                enterHeading(heading.group(1).length(), heading.group(2).trim());
                return;
            }
            if (THEMATIC_BREAK.matcher(line).matches()) {
                return;
            }
            Matcher bullet = BULLET.matcher(line);
            if (bullet.matches()) {
                bullet(number, bullet.start(3) + 1, bullet.group(3));
            }
            // Anything else is prose, a badge row or an image: part of the page, never an entry.
        }

        /** Removes {@code <!-- … -->} spans, which may cross lines; keeps the columns of what is left. */
        private String withoutComments(int number, String raw) {
            StringBuilder kept = new StringBuilder(raw.length());
            int i = 0;
            while (i < raw.length()) {
                if (inComment) {
                    int end = raw.indexOf("-->", i);
                    if (end < 0) {
                        return pad(kept, raw.length());
                    }
                    inComment = false;
                    pad(kept, end + 3);
                    i = end + 3;
                } else {
                    int start = raw.indexOf("<!--", i);
                    if (start < 0) {
                        kept.append(raw, i, raw.length());
                        break;
                    }
                    kept.append(raw, i, start);
                    inComment = true;
                    commentOpenedAt = number;
                    i = start + 4;
                }
            }
            return kept.toString();
        }

        private static String pad(StringBuilder sb, int length) {
            while (sb.length() < length) {
                sb.append(' ');
            }
            return sb.toString();
        }

        private void enterHeading(int level, String text) {
            while (!headings.isEmpty() && headings.peek().level() >= level) {
                headings.pop();
            }
            headings.push(new Heading(level, stripInline(text)));
        }

        private boolean inTableOfContents() {
            return headings.stream().anyMatch(h -> TOC_HEADING.matcher(h.text().toLowerCase(Locale.ROOT)).matches());
        }

        /** The headings below the title, outermost first: "Articles", or "Articles › Consensus". */
        private Optional<String> section() {
            List<String> names = new ArrayList<>();
            headings.descendingIterator().forEachRemaining(h -> {
                if (h.level() >= 2) {
                    names.add(h.text());
                }
            });
            return names.isEmpty() ? Optional.empty() : Optional.of(String.join(" › ", names));
        }

        private void bullet(int number, int column, String content) {
            String body = unwrapEmphasis(content.trim());
            if (!body.startsWith("[")) {
                if (body.contains("](") || body.matches("(?s).*\\bhttps?://.*")) {
                    findings.add(Finding.error(path, number, column,
                            "broken link syntax: expected '[Title](URL)' at the start of the bullet"));
                } else if (!inTableOfContents()) {
                    findings.add(Finding.warning(path, number, column, "bullet has no link, so it is not an entry"));
                }
                return;
            }
            if (body.startsWith("[![")) {
                return; // a badge in a list
            }
            link(number, column, body);
        }

        private void link(int number, int column, String body) {
            int closeBracket = matching(body, 0, '[', ']');
            if (closeBracket < 0) {
                findings.add(Finding.error(path, number, column, "broken link syntax: '[' is never closed"));
                return;
            }
            String title = unescape(body.substring(1, closeBracket)).trim();
            int afterTitle = closeBracket + 1;
            if (afterTitle >= body.length() || body.charAt(afterTitle) != '(') {
                String why = afterTitle < body.length() && body.charAt(afterTitle) == '['
                        ? "reference-style links are not supported: write '[Title](URL)'"
                        : "missing URL: expected '[Title](URL)'";
                findings.add(Finding.error(path, number, column + afterTitle, why));
                return;
            }
            int closeParen = matching(body, afterTitle, '(', ')');
            if (closeParen < 0) {
                findings.add(Finding.error(path, number, column + afterTitle, "broken link syntax: '(' is never closed"));
                return;
            }
            int urlColumn = column + afterTitle + 1;
            String url = destination(body.substring(afterTitle + 1, closeParen));
            if (url.startsWith("#")) {
                if (!inTableOfContents()) {
                    findings.add(Finding.warning(path, number, urlColumn, "link to an anchor of this file is not an entry"));
                }
                return;
            }
            if (title.isEmpty()) {
                findings.add(Finding.error(path, number, column + 1, "empty title"));
                return;
            }
            if (title.length() > MAX_TITLE_LENGTH) {
                findings.add(Finding.error(path, number, column + 1, "title longer than " + MAX_TITLE_LENGTH + " characters"));
                return;
            }
            if (url.isEmpty()) {
                findings.add(Finding.error(path, number, urlColumn, "missing URL: the parentheses are empty"));
                return;
            }
            CanonicalUrl canonical;
            try {
                canonical = CanonicalUrl.of(url);
            } catch (CanonicalUrl.InvalidUrlException e) {
                findings.add(Finding.error(path, number, urlColumn, e.getMessage()));
                return;
            }
            int restColumn = column + closeParen + 1;
            Tail tail = tail(number, restColumn, body.substring(closeParen + 1));
            if (tail == null) {
                return;
            }
            ListEntry entry = new ListEntry(title, url, canonical, tail.description(), tail.authors(), tail.year(),
                    section(), path, number, restColumn);
            ListEntry earlier = byCanonicalUrl.putIfAbsent(canonical.value(), entry);
            if (earlier != null) {
                findings.add(Finding.error(path, number, urlColumn, "duplicate of line " + earlier.line()
                        + " ('" + earlier.title() + "'): both are " + canonical.value() + " after normalization"));
                return;
            }
            entries.add(entry);
        }

        /** The text after the link: nothing, or a separator, a description and an attribution. Null after an error. */
        private Tail tail(int number, int column, String rest) {
            String text = withoutTrailingBadges(rest);
            if (text.isEmpty()) {
                return Tail.NONE;
            }
            Matcher m = DESCRIPTION_SEPARATOR.matcher(text);
            if (!m.matches() || m.group(1).isBlank()) {
                findings.add(Finding.error(path, number, column,
                        "unexpected text after the link: write ' - Description.' (found '" + abbreviate(text) + "')"));
                return null;
            }
            String description = m.group(1).trim();
            if (description.length() > MAX_DESCRIPTION_LENGTH) {
                findings.add(Finding.error(path, number, column, "description longer than " + MAX_DESCRIPTION_LENGTH + " characters"));
                return null;
            }
            Matcher a = ATTRIBUTION.matcher(description);
            if (!a.matches()) {
                return new Tail(Optional.of(description), Optional.empty(), Optional.empty());
            }
            Optional<String> authors = Optional.ofNullable(a.group(2) != null ? a.group(2) : a.group(3)).map(String::trim);
            Optional<Integer> year = Optional.ofNullable(a.group(4)).map(Integer::parseInt);
            if (year.isPresent() && (year.get() < MIN_YEAR || year.get() > MAX_YEAR)) {
                findings.add(Finding.error(path, number, column, "year " + year.get() + " is outside " + MIN_YEAR + "–" + MAX_YEAR));
                return null;
            }
            String sentence = a.group(1).trim();
            return new Tail(sentence.isEmpty() ? Optional.empty() : Optional.of(sentence), authors, year);
        }

        private static String abbreviate(String s) {
            return s.length() <= 40 ? s : s.substring(0, 40) + "…";
        }
    }

    private record Heading(int level, String text) {
    }

    /** What follows the link on an entry's line. */
    private record Tail(Optional<String> description, Optional<String> authors, Optional<Integer> year) {
        static final Tail NONE = new Tail(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The index of the bracket closing the one at {@code open}, honouring nesting and backslash escapes; -1 if none. */
    static int matching(String s, int open, char opening, char closing) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == opening) {
                depth++;
            } else if (c == closing && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** A link destination: {@code <url>}, or {@code url "optional title"}. */
    private static String destination(String inside) {
        String d = inside.trim();
        if (d.startsWith("<") && d.indexOf('>') > 0) {
            return d.substring(1, d.indexOf('>')).trim();
        }
        int space = indexOfWhitespace(d);
        return space < 0 ? d : d.substring(0, space);
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String unwrapEmphasis(String s) {
        for (String mark : List.of("**", "__")) {
            if (s.startsWith(mark + "[")) {
                int end = s.indexOf(mark, mark.length());
                if (end > 0) {
                    return s.substring(mark.length(), end) + s.substring(end + mark.length());
                }
            }
        }
        return s;
    }

    private static String unescape(String s) {
        return s.replaceAll("\\\\([\\\\`*_{}\\[\\]()#+\\-.!|<>])", "$1");
    }

    /** Heading text as a reader sees it: without links' URLs or emphasis marks. */
    private static String stripInline(String s) {
        return s.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replaceAll("[*_`]", "").trim();
    }

    /**
     * {@code rest} without the badges at its end, taken off one at a time: one regex repeating a group over all of
     * them recursed once a badge and overflowed the stack on a line of a few thousand.
     */
    static String withoutTrailingBadges(String rest) {
        String text = rest.trim();
        Matcher badge = TRAILING_BADGE.matcher(text);
        while (badge.find()) {
            text = text.substring(0, badge.start()).trim();
            badge = TRAILING_BADGE.matcher(text);
        }
        return text;
    }
}
