package dev.quorum.scrape.extract;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * The article a page describes in its JSON-LD ({@code <script type="application/ld+json">}): headline, authors,
 * publication date and description. Scripts may hold one object, an array, or an {@code @graph} whose nodes refer to each other by
 * {@code @id}; the first node whose type is an article or a posting is the article. A script that does not parse is
 * skipped: publishers' JSON-LD is hand-templated and often broken.
 */
final class JsonLdArticle {

    // Lenient where real pages are sloppy: raw newlines inside strings, comments, trailing commas, single quotes.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_JAVA_COMMENTS,
                    JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .build();
    private static final JsonLdArticle NONE = new JsonLdArticle(null, null, List.of(), null, null);

    private final String name;
    private final String headline;
    private final List<String> authors;
    private final String datePublished;
    private final String description;

    private JsonLdArticle(String name, String headline, List<String> authors, String datePublished, String description) {
        this.name = name;
        this.headline = headline;
        this.authors = authors;
        this.datePublished = datePublished;
        this.description = description;
    }

    static JsonLdArticle of(Document doc) {
        List<JsonNode> nodes = new ArrayList<>();
        for (Element script : doc.getElementsByTag("script")) {
            if (script.attr("type").strip().equalsIgnoreCase("application/ld+json")) {
                parse(script.data()).ifPresent(root -> flatten(root, nodes));
            }
        }
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode node : nodes) {
            text(node.get("@id")).ifPresent(id -> byId.putIfAbsent(id, node));
        }
        return nodes.stream()
                .filter(JsonLdArticle::isArticle)
                .findFirst()
                .map(article -> new JsonLdArticle(
                        text(article.get("name")).orElse(null),
                        text(article.get("headline")).orElse(null),
                        authorNames(article.get("author"), byId),
                        text(article.get("datePublished")).orElse(null),
                        text(article.get("description")).orElse(null)))
                .orElse(NONE);
    }

    /**
     * The article's title: its {@code name} or its {@code headline}. They should be the same; where they differ,
     * one of them is often something else (Wikipedia's headline is a one-line description, some news sites put
     * their own name in {@code name}), so the one that reads like the page's {@code <title>} wins, and
     * {@code name} when neither or both do, as Readability decides.
     */
    Optional<String> title(String documentTitle) {
        if (name != null && headline != null && !name.equals(headline)) {
            boolean headlineMatches = PageTitle.similarity(headline, documentTitle) > PageTitle.SIMILAR;
            boolean nameMatches = PageTitle.similarity(name, documentTitle) > PageTitle.SIMILAR;
            return Optional.of(headlineMatches && !nameMatches ? headline : name);
        }
        return Optional.ofNullable(name).or(() -> Optional.ofNullable(headline));
    }

    List<String> authors() {
        return authors;
    }

    Optional<String> datePublished() {
        return Optional.ofNullable(datePublished);
    }

    Optional<String> description() {
        return Optional.ofNullable(description);
    }

    private static Optional<JsonNode> parse(String script) {
        try {
            return Optional.ofNullable(JSON.readTree(unwrap(script)));
        } catch (IOException malformed) {
            return Optional.empty();
        }
    }

    /** Strips the HTML comment or CDATA wrapper that old templates put around inline scripts. */
    private static String unwrap(String script) {
        String s = script.strip();
        if (s.startsWith("<!--") && s.endsWith("-->")) {
            s = s.substring(4, s.length() - 3);
        }
        if (s.startsWith("<![CDATA[") && s.endsWith("]]>")) {
            s = s.substring(9, s.length() - 3);
        }
        return s;
    }

    /** Every object in {@code root}, looking into arrays and {@code @graph}s without recursion. */
    private static void flatten(JsonNode root, List<JsonNode> into) {
        Deque<JsonNode> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            if (node.isArray()) {
                for (int i = node.size() - 1; i >= 0; i--) {
                    pending.push(node.get(i));
                }
            } else if (node.isObject()) {
                into.add(node);
                JsonNode graph = node.get("@graph");
                if (graph != null) {
                    pending.push(graph);
                }
            }
        }
    }

    private static boolean isArticle(JsonNode node) {
        JsonNode type = node.get("@type");
        if (type == null) {
            return false;
        }
        for (JsonNode t : type.isArray() ? type : List.of(type)) {
            String name = t.asText("");
            // "NewsArticle", "schema:BlogPosting", "https://schema.org/TechArticle" all count.
            String local = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf(':')) + 1);
            if (local.endsWith("Article") || local.endsWith("Posting") || local.equals("Report")) {
                return true;
            }
        }
        return false;
    }

    /** Names from a string, a Person, an {@code @id} reference into the graph, or an array of those. */
    private static List<String> authorNames(JsonNode author, Map<String, JsonNode> byId) {
        if (author == null) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode a : author.isArray() ? author : List.of(author)) {
            JsonNode person = a.isObject() && !a.has("name") ? byId.getOrDefault(a.path("@id").asText(""), a) : a;
            Optional<String> name = person.isObject() ? text(person.get("name")) : text(person);
            name.filter(n -> !Bylines.isUrl(n)).ifPresent(names::add);
        }
        return List.copyOf(names);
    }

    /** A non-blank string value, or the first one of an array; HTML entities that templates leave in it decoded. */
    private static Optional<String> text(JsonNode node) {
        if (node == null) {
            return Optional.empty();
        }
        JsonNode value = node.isArray() && !node.isEmpty() ? node.get(0) : node;
        return value.isTextual()
                ? Optional.of(Whitespace.collapse(Parser.unescapeEntities(value.asText(), true))).filter(s -> !s.isEmpty())
                : Optional.empty();
    }
}
