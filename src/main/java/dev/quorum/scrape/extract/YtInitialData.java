package dev.quorum.scrape.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The JSON a YouTube page embeds ({@code var ytInitialData = {…};}), read for what its meta tags lack. Its
 * shape changes with every redesign, so fields are looked up by name anywhere in the tree rather than by path,
 * and the first one in document order that reads wins.
 */
final class YtInitialData {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** {@code var ytInitialData = }, {@code window["ytInitialData"] = }. */
    private static final Pattern ASSIGNMENT = Pattern.compile("ytInitialData\"?]?\\s*=\\s*(?=\\{)");
    /** Where playlist headers and sidebars of each design say "28 videos". */
    private static final Set<String> VIDEO_COUNT_FIELDS = Set.of("numVideosText", "videoCountText", "stats", "metadataParts");
    /** At most nine digits, so the count fits an int. */
    private static final Pattern VIDEO_COUNT = Pattern.compile("(?i)(\\d{1,3}(?:,\\d{3}){1,2}|\\d{1,9}|no) videos?");
    private static final Set<String> OWNER_FIELDS = Set.of("ownerText");

    private final JsonNode root;

    private YtInitialData(JsonNode root) {
        this.root = root;
    }

    /** The page's data; empty, answering nothing, when the page has none or it does not parse. */
    static YtInitialData in(Document page) {
        for (Element script : page.select("script")) {
            String code = script.data();
            Matcher assignment = ASSIGNMENT.matcher(code);
            if (assignment.find()) {
                try {
                    // The parser stops after the object, so the trailing ";" and any code after it do not matter.
                    return new YtInitialData(JSON.readTree(code.substring(assignment.end())));
                } catch (JsonProcessingException e) {
                    return new YtInitialData(MissingNode.getInstance());
                }
            }
        }
        return new YtInitialData(MissingNode.getInstance());
    }

    /** The number of videos in a playlist, from the first "N videos" under a count field. */
    Optional<Integer> videoCount() {
        return first(root, VIDEO_COUNT_FIELDS, value -> texts(value).stream()
                .map(VIDEO_COUNT::matcher)
                .filter(Matcher::matches)
                .findFirst()
                .map(m -> m.group(1).equalsIgnoreCase("no") ? 0 : Integer.parseInt(m.group(1).replace(",", ""))));
    }

    /** The channel that owns a playlist. */
    Optional<String> owner() {
        return first(root, OWNER_FIELDS, value -> texts(value).stream().findFirst());
    }

    private static <T> Optional<T> first(JsonNode node, Set<String> fields, Function<JsonNode, Optional<T>> read) {
        if (node.isArray()) {
            for (JsonNode item : node) {
                Optional<T> found = first(item, fields, read);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            Optional<T> found = fields.contains(field.getKey()) ? read.apply(field.getValue()) : Optional.empty();
            if (found.isEmpty()) {
                found = first(field.getValue(), fields, read);
            }
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * The texts under a node, each read as YouTube writes text: {@code {"simpleText": "…"}},
     * {@code {"runs": [{"text": "28"}, {"text": " videos"}]}} or {@code {"content": "…"}}.
     */
    private static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        collectTexts(node, texts);
        return texts;
    }

    private static void collectTexts(JsonNode node, List<String> texts) {
        if (node.path("simpleText").isTextual()) {
            texts.add(Whitespace.collapse(node.get("simpleText").asText()));
        } else if (node.path("runs").isArray()) {
            StringBuilder text = new StringBuilder();
            node.get("runs").forEach(run -> text.append(run.path("text").asText()));
            texts.add(Whitespace.collapse(text.toString()));
        } else if (node.path("content").isTextual()) {
            texts.add(Whitespace.collapse(node.get("content").asText()));
        } else {
            node.forEach(child -> collectTexts(child, texts));
        }
    }
}
