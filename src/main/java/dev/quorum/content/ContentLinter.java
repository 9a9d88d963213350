package dev.quorum.content;

import dev.quorum.catalog.CanonicalUrl;
import dev.quorum.catalog.ResourceKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules content must follow, beyond being parseable. Pure: no database, no network, so the same
 * check runs in the app before an ingest, in the test suite, and from the command line for contributors.
 */
public final class ContentLinter {

    private static final Pattern RAW_HTML = Pattern.compile("<\\s*/?\\s*[a-zA-Z!][^>]*>");
    private static final Pattern SENTENCE_END = Pattern.compile(".*[.!?…](\\)|\"|”|»)?$");

    /** The pages of this site an overview may link to, by path prefix; each must name something that exists. */
    private static final Pattern SITE_LINK = Pattern.compile("^/(topics|demos|kinds)/([a-z0-9-]+)/?(?:[?#].*)?$");
    private static final Pattern SITE_SEARCH = Pattern.compile("^/search(?:\\?.*)?$");

    private final Set<String> knownDemos;
    private final MarkdownRenderer markdown = new MarkdownRenderer();

    /** A linter that accepts exactly the demo ids {@code knownDemos} in a topic's {@code demos:} line. */
    public ContentLinter(Set<String> knownDemos) {
        this.knownDemos = Set.copyOf(knownDemos);
    }

    /** Every finding about the snapshot, those from parsing included, in file and line order. */
    public List<Finding> lint(ContentSnapshot content) {
        List<Finding> findings = new ArrayList<>(content.findings());
        Map<String, ListEntry> entries = new LinkedHashMap<>();
        for (ListEntry e : content.readingList().entries()) {
            entries.put(e.canonicalUrl().value(), e);
            entry(e, findings);
            kindStated(e, findings);
        }
        Set<String> slugs = content.topicSlugs();
        Set<String> inSomeTopic = new HashSet<>();
        Map<Integer, TopicDraft> byOrder = new HashMap<>();
        for (TopicDraft topic : content.topics()) {
            topic(topic, entries, slugs, inSomeTopic, findings);
            TopicDraft sameOrder = byOrder.putIfAbsent(topic.order(), topic);
            if (sameOrder != null) {
                findings.add(Finding.warning(topic.path(), topic.orderLine(), 1, "order " + topic.order()
                        + " is also used by topic '" + sameOrder.slug() + "'; the two are then sorted by slug"));
            }
        }
        boolean topicsReadable = content.findings().stream().noneMatch(f -> f.isError() && f.path().contains(ContentLoader.TOPICS));
        if (topicsReadable) {
            for (ListEntry e : entries.values()) {
                if (!inSomeTopic.contains(e.canonicalUrl().value())) {
                    findings.add(Finding.error(e.path(), e.line(), 1, "'" + e.title()
                            + "' is in no topic: add its URL to the 'resources' of at least one file in topics/"));
                }
            }
        }
        findings.sort(Comparator.comparing(Finding::path).thenComparingInt(Finding::line).thenComparingInt(Finding::column));
        return findings;
    }

    private void entry(ListEntry e, List<Finding> findings) {
        if (e.url().regionMatches(true, 0, "http://", 0, 7)) {
            findings.add(Finding.warning(e.path(), e.line(), 1, "plain http link: use https:// if the site serves it"));
        }
        if (e.description().isEmpty()) {
            findings.add(Finding.error(e.path(), e.line(), e.descriptionColumn(),
                    "'" + e.title() + "' has no description: add ' - One sentence on what it teaches.'"));
            return;
        }
        String d = e.description().get();
        sentence(d, "description", e.path(), e.line(), e.descriptionColumn(), findings);
        if (RAW_HTML.matcher(d).find() || RAW_HTML.matcher(e.title()).find()) {
            findings.add(Finding.error(e.path(), e.line(), e.descriptionColumn(), "raw HTML in an entry: write plain text"));
        }
    }

    /** Our list states every entry's kind by the heading it sits under; a heading that names none is a slip. */
    private static void kindStated(ListEntry e, List<Finding> findings) {
        if (e.section().map(KindClassifier::statesKind).orElse(false)) {
            return;
        }
        String where = e.section().map(s -> "under '" + s + "', which names no kind").orElse("before any heading");
        findings.add(Finding.error(e.path(), e.line(), 1, "'" + e.title() + "' is " + where
                + ": put it under a heading that says what it is (" + KindClassifier.HEADINGS + ")"));
    }

    private static void sentence(String text, String what, String path, int line, int column, List<Finding> findings) {
        int first = text.codePointAt(0);
        if (Character.isLetter(first) && !Character.isUpperCase(first)) {
            findings.add(Finding.error(path, line, column, what + " should start with a capital letter: '" + abbreviate(text) + "'"));
        }
        if (!SENTENCE_END.matcher(text).matches()) {
            findings.add(Finding.error(path, line, column, what + " should end with a full stop (or ! or ?): '" + abbreviate(text) + "'"));
        }
    }

    private void topic(TopicDraft topic, Map<String, ListEntry> entries, Set<String> slugs, Set<String> inSomeTopic,
            List<Finding> findings) {
        String path = topic.path();
        sentence(topic.summary(), "summary", path, topic.summaryLine(), 1, findings);
        Set<String> seen = new HashSet<>();
        for (TopicDraft.Step step : topic.resources()) {
            String url = step.canonicalUrl().value();
            if (!entries.containsKey(url)) {
                findings.add(Finding.error(path, step.line(), 1, "unknown resource " + step.url()
                        + ": add it to " + ContentLoader.READING_LIST + " first"));
            } else if (!seen.add(url)) {
                findings.add(Finding.error(path, step.line(), 1, "resource " + step.url() + " is listed twice in this topic"));
            } else {
                inSomeTopic.add(url);
            }
            step.note().ifPresent(note -> sentence(note, "note", path, step.noteLine(), 1, findings));
        }
        for (TopicDraft.Reference r : topic.related()) {
            if (r.value().equals(topic.slug())) {
                findings.add(Finding.error(path, r.line(), 1, "a topic cannot be related to itself"));
            } else if (!slugs.contains(r.value())) {
                findings.add(Finding.error(path, r.line(), 1, "unknown related topic '" + r.value() + "' (topics: "
                        + String.join(", ", slugs.stream().sorted().toList()) + ")"));
            }
        }
        overviewLinks(topic, entries, slugs, findings);
        for (TopicDraft.Reference d : topic.demos()) {
            if (!knownDemos.contains(d.value())) {
                findings.add(Finding.error(path, d.line(), 1, "unknown demo '" + d.value() + "'" + demoList()));
            }
        }
    }

    /**
     * An overview may cite a resource only if the reading list has it, so every source a reader is sent to
     * has our description and is searched; links within the site must name a topic, demo or kind that exists.
     */
    private void overviewLinks(TopicDraft topic, Map<String, ListEntry> entries, Set<String> slugs, List<Finding> findings) {
        for (MarkdownRenderer.LinkAt link : markdown.links(topic.body())) {
            String to = link.destination().strip();
            int line = topic.bodyLine() + link.line();
            int column = link.column() + 1;
            linkProblem(to, entries, slugs).ifPresent(problem -> findings.add(Finding.error(topic.path(), line, column, problem)));
        }
    }

    private Optional<String> linkProblem(String to, Map<String, ListEntry> entries, Set<String> slugs) {
        if (to.startsWith("#")) {
            return Optional.empty();
        }
        if (to.regionMatches(true, 0, "http://", 0, 7) || to.regionMatches(true, 0, "https://", 0, 8)) {
            try {
                if (entries.containsKey(CanonicalUrl.of(to).value())) {
                    return Optional.empty();
                }
            } catch (CanonicalUrl.InvalidUrlException e) {
                return Optional.of("invalid link " + to + ": " + e.getMessage());
            }
            return Optional.of("the overview links " + to + ", which is not in " + ContentLoader.READING_LIST
                    + ": add it there (with a description) or link a resource that is");
        }
        Matcher site = SITE_LINK.matcher(to);
        if (site.matches()) {
            String name = site.group(2);
            return switch (site.group(1)) {
                case "topics" -> slugs.contains(name) ? Optional.empty()
                        : Optional.of("link to unknown topic '" + name + "' (topics: " + String.join(", ", slugs.stream().sorted().toList()) + ")");
                case "demos" -> knownDemos.contains(name) ? Optional.empty()
                        : Optional.of("link to unknown demo '" + name + "'" + demoList());
                default -> ResourceKind.fromSlug(name).isPresent() ? Optional.empty()
                        : Optional.of("link to unknown kind '" + name + "' (kinds: " + ResourceKind.slugs() + ")");
            };
        }
        if (SITE_SEARCH.matcher(to).matches()) {
            return Optional.empty();
        }
        return Optional.of("unsupported link '" + abbreviate(to) + "': link a reading-list URL, an anchor (#…), "
                + "or a page of this site (/topics/…, /demos/…, /kinds/…, /search?q=…)");
    }

    private String demoList() {
        return knownDemos.isEmpty() ? " (no demos exist yet)" : " (demos: " + String.join(", ", knownDemos.stream().sorted().toList()) + ")";
    }

    private static String abbreviate(String s) {
        return s.length() <= 50 ? s : s.substring(0, 50) + "…";
    }
}
