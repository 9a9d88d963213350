package dev.quorum.content;

import dev.quorum.catalog.CanonicalUrl;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads {@code content/topics/<slug>.md}: YAML front matter between {@code ---} lines, then Markdown.
 *
 * <p>The front matter has a fixed schema: {@code title}, {@code summary}, {@code order} and
 * {@code resources} are required, {@code related} and {@code demos} optional, anything else is an error.
 * YAML is read with the safe constructor, no aliases beyond a handful, and a size cap. Every finding
 * carries the line of the key or value it is about.
 */
public final class TopicParser {

    public static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final Set<String> REQUIRED = Set.of("title", "summary", "order", "resources");
    private static final List<String> KEYS = List.of("title", "summary", "order", "resources", "related", "demos");
    private static final Set<String> STEP_KEYS = Set.of("url", "note");
    private static final int MAX_FRONT_MATTER_CHARS = 64 * 1024;
    public static final int MIN_OVERVIEW_WORDS = 300;

    private final MarkdownRenderer markdown = new MarkdownRenderer();

    /** The outcome of reading one topic file: the draft when its shape is right, and the findings. */
    public record Parsed(Optional<TopicDraft> topic, List<Finding> findings) {
    }

    public Parsed parse(String path, String slug, String text) {
        List<Finding> findings = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        if (!SLUG.matcher(slug).matches()) {
            findings.add(Finding.error(path, 1, 1, "file name '" + slug + ".md' is not a slug: use lower-case words joined by '-'"));
        }
        if (lines.length == 0 || !lines[0].strip().equals("---")) {
            findings.add(Finding.error(path, 1, 1, "missing front matter: the file must start with a '---' line"));
            return new Parsed(Optional.empty(), findings);
        }
        int close = -1;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].strip().equals("---")) {
                close = i;
                break;
            }
        }
        if (close < 0) {
            findings.add(Finding.error(path, 1, 1, "front matter is never closed: add a '---' line after it"));
            return new Parsed(Optional.empty(), findings);
        }
        String yaml = String.join("\n", java.util.Arrays.copyOfRange(lines, 1, close));
        String body = String.join("\n", java.util.Arrays.copyOfRange(lines, close + 1, lines.length));
        overview(path, body, close + 2, findings);
        if (yaml.length() > MAX_FRONT_MATTER_CHARS) {
            findings.add(Finding.error(path, 2, 1, "front matter longer than " + MAX_FRONT_MATTER_CHARS + " characters"));
            return new Parsed(Optional.empty(), findings);
        }
        Node root;
        try {
            root = yaml().compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? 2 : mark.getLine() + 2;
            int column = mark == null ? 1 : mark.getColumn() + 1;
            findings.add(Finding.error(path, line, column, "front matter is not valid YAML: " + e.getProblem()));
            return new Parsed(Optional.empty(), findings);
        } catch (YAMLException e) {
            findings.add(Finding.error(path, 2, 1, "front matter is not valid YAML: " + e.getMessage()));
            return new Parsed(Optional.empty(), findings);
        }
        Schema schema = new Schema(path, findings);
        Optional<TopicDraft> draft = schema.topic(root, slug, body, close + 2);
        return new Parsed(findings.stream().anyMatch(Finding::isError) ? Optional.empty() : draft, findings);
    }

    /** The overview's own rules, checked even when the front matter is broken, so one run reports both. */
    private void overview(String path, String body, int bodyLine, List<Finding> findings) {
        int words = MarkdownRenderer.wordCount(body);
        if (words < MIN_OVERVIEW_WORDS) {
            findings.add(Finding.error(path, bodyLine, 1, "overview has " + words + " words; write at least "
                    + MIN_OVERVIEW_WORDS + " on the core ideas, the trade-offs and the path through the resources"));
        }
        for (int line : new java.util.TreeSet<>(markdown.rawHtmlLines(body))) {
            findings.add(Finding.error(path, bodyLine + line, 1,
                    "raw HTML in Markdown: it is shown escaped, not rendered; use Markdown instead"));
        }
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        options.setCodePointLimit(MAX_FRONT_MATTER_CHARS);
        options.setNestingDepthLimit(10);
        return new Yaml(new SafeConstructor(options), new org.yaml.snakeyaml.representer.Representer(new org.yaml.snakeyaml.DumperOptions()),
                new org.yaml.snakeyaml.DumperOptions(), options);
    }

    /** Checks the shape of the front matter; lines are file lines (the YAML starts on line 2). */
    private static final class Schema {
        private final String path;
        private final List<Finding> findings;

        Schema(String path, List<Finding> findings) {
            this.path = path;
            this.findings = findings;
        }

        private int line(Node node) {
            return node.getStartMark().getLine() + 2;
        }

        private int column(Node node) {
            return node.getStartMark().getColumn() + 1;
        }

        private void error(Node node, String message) {
            findings.add(Finding.error(path, line(node), column(node), message));
        }

        Optional<TopicDraft> topic(Node root, String slug, String body, int bodyLine) {
            if (!(root instanceof MappingNode map)) {
                findings.add(Finding.error(path, 2, 1, "front matter must be a mapping of keys to values"));
                return Optional.empty();
            }
            Map<String, NodeTuple> byKey = new LinkedHashMap<>();
            for (NodeTuple t : map.getValue()) {
                String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
                if (key == null || !KEYS.contains(key)) {
                    error(t.getKeyNode(), "unknown key '" + (key == null ? "?" : key) + "' (allowed: " + String.join(", ", KEYS) + ")");
                    continue;
                }
                byKey.put(key, t);
            }
            for (String required : KEYS) {
                if (REQUIRED.contains(required) && !byKey.containsKey(required)) {
                    findings.add(Finding.error(path, 1, 1, "missing required key '" + required + "' in the front matter"));
                }
            }
            String title = string(byKey.get("title"));
            String summary = string(byKey.get("summary"));
            Integer order = integer(byKey.get("order"));
            List<TopicDraft.Step> steps = steps(byKey.get("resources"));
            List<TopicDraft.Reference> related = references(byKey.get("related"));
            List<TopicDraft.Reference> demos = references(byKey.get("demos"));
            if (title == null || summary == null || order == null) {
                return Optional.empty();
            }
            return Optional.of(new TopicDraft(slug, path, title, summary, line(byKey.get("summary").getValueNode()), order,
                    line(byKey.get("order").getValueNode()), steps, related, demos, body, bodyLine));
        }

        private String string(NodeTuple t) {
            if (t == null) {
                return null;
            }
            Node v = t.getValueNode();
            if (!(v instanceof ScalarNode s) || !s.getTag().equals(Tag.STR) || s.getValue().isBlank()) {
                error(v, "'" + key(t) + "' must be a non-empty string");
                return null;
            }
            return s.getValue().strip();
        }

        private Integer integer(NodeTuple t) {
            if (t == null) {
                return null;
            }
            Node v = t.getValueNode();
            if (v instanceof ScalarNode s && s.getTag().equals(Tag.INT)) {
                try {
                    int value = Integer.parseInt(s.getValue());
                    if (value >= 0 && value <= 10_000) {
                        return value;
                    }
                } catch (NumberFormatException e) {
                    // falls through to the error below
                }
            }
            error(v, "'" + key(t) + "' must be an integer between 0 and 10000");
            return null;
        }

        private List<TopicDraft.Step> steps(NodeTuple t) {
            List<TopicDraft.Step> steps = new ArrayList<>();
            if (t == null) {
                return steps;
            }
            if (!(t.getValueNode() instanceof SequenceNode seq)) {
                error(t.getValueNode(), "'resources' must be a list of '- url: …' items");
                return steps;
            }
            for (Node item : seq.getValue()) {
                step(item).ifPresent(steps::add);
            }
            if (steps.isEmpty() && findings.stream().noneMatch(Finding::isError)) {
                error(t.getValueNode(), "'resources' is empty: a topic needs at least one resource");
            }
            return steps;
        }

        private Optional<TopicDraft.Step> step(Node item) {
            Node urlNode;
            Node noteNode = null;
            if (item instanceof ScalarNode) {
                urlNode = item;
            } else if (item instanceof MappingNode m) {
                urlNode = null;
                for (NodeTuple kv : m.getValue()) {
                    String key = kv.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
                    if (!STEP_KEYS.contains(key)) {
                        error(kv.getKeyNode(), "unknown key '" + key + "' in a resource (allowed: url, note)");
                    } else if (key.equals("url")) {
                        urlNode = kv.getValueNode();
                    } else {
                        noteNode = kv.getValueNode();
                    }
                }
                if (urlNode == null) {
                    error(item, "resource without 'url'");
                    return Optional.empty();
                }
            } else {
                error(item, "each resource must be '- url: https://…' with an optional 'note'");
                return Optional.empty();
            }
            if (!(urlNode instanceof ScalarNode u) || !u.getTag().equals(Tag.STR)) {
                error(urlNode, "'url' must be a string");
                return Optional.empty();
            }
            CanonicalUrl canonical;
            try {
                canonical = CanonicalUrl.of(u.getValue());
            } catch (CanonicalUrl.InvalidUrlException e) {
                error(urlNode, e.getMessage());
                return Optional.empty();
            }
            Optional<String> note = Optional.empty();
            int noteLine = line(urlNode);
            if (noteNode != null) {
                if (!(noteNode instanceof ScalarNode n) || !n.getTag().equals(Tag.STR) || n.getValue().isBlank()) {
                    error(noteNode, "'note' must be a non-empty string");
                    return Optional.empty();
                }
                note = Optional.of(n.getValue().strip());
                noteLine = line(noteNode);
            }
            return Optional.of(new TopicDraft.Step(u.getValue().strip(), canonical, note, line(urlNode), noteLine));
        }

        private List<TopicDraft.Reference> references(NodeTuple t) {
            List<TopicDraft.Reference> refs = new ArrayList<>();
            if (t == null) {
                return refs;
            }
            if (!(t.getValueNode() instanceof SequenceNode seq)) {
                error(t.getValueNode(), "'" + key(t) + "' must be a list, e.g. [consensus, membership] or []");
                return refs;
            }
            for (Node item : seq.getValue()) {
                if (item instanceof ScalarNode s && s.getTag().equals(Tag.STR) && !s.getValue().isBlank()) {
                    refs.add(new TopicDraft.Reference(s.getValue().strip(), line(item)));
                } else {
                    error(item, "'" + key(t) + "' items must be names such as 'consensus'");
                }
            }
            return refs;
        }

        private static String key(NodeTuple t) {
            return t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
        }
    }
}
