package dev.quorum.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.catalog.ResourceKind;
import dev.quorum.catalog.Topic;
import dev.quorum.search.SearchIndex;
import dev.quorum.search.SearchRequest;
import dev.quorum.search.SearchResult;
import dev.quorum.search.SearchService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The search page: complete without JavaScript (results, facet links, pages, "did you mean"); js/search.js
 * re-renders the same markup from /api/v1/search as the reader types.
 */
@Path("/search")
@Produces(MediaType.TEXT_HTML)
public class SearchPages {

    /** Results per page; the page has no size parameter, so nobody asks it for 100 at a time. */
    static final int SIZE = 10;
    /** Page numbers shown either side of the current one. */
    private static final int WINDOW = 2;
    private static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";
    private static final Pattern LOCAL_PATH = Pattern.compile("/(?![/\\\\]).*");
    static final List<String> EXAMPLES = List.of("vector clocks", "raft leader election", "consistent hashing",
            "\"exactly once\"", "paxos OR raft", "распределённые системы");
    private static final Map<String, String> FACET_PARAMS = Map.of("topic", "topic", "kind", "kind", "language", "lang");
    private static final Map<String, String> FACET_TITLES = Map.of("topic", "Topic", "kind", "Kind", "language", "Language");

    @Inject
    SearchService search;

    @Inject
    ObjectMapper json;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(SearchView view);

        static native TemplateInstance warming(SearchView view, String retryUrl);
    }

    /** What the reader asked for, as links carry it: the query as typed, the checked filters and a page. */
    record State(String q, Optional<String> topic, Optional<String> kind, Optional<String> lang, int page) {

        boolean hasFilters() {
            return topic.isPresent() || kind.isPresent() || lang.isPresent();
        }

        State with(String param, Optional<String> value) {
            return switch (param) {
                case "topic" -> new State(q, value, kind, lang, 1);
                case "kind" -> new State(q, topic, value, lang, 1);
                case "lang" -> new State(q, topic, kind, value, 1);
                default -> throw new IllegalArgumentException(param);
            };
        }

        Optional<String> get(String param) {
            return switch (param) {
                case "topic" -> topic;
                case "kind" -> kind;
                case "lang" -> lang;
                default -> throw new IllegalArgumentException(param);
            };
        }

        State page(int number) {
            return new State(q, topic, kind, lang, number);
        }

        State query(String other) {
            return new State(other, topic, kind, lang, 1);
        }

        /** The same parameter order as js/search.js writes, so both produce identical URLs. */
        String href() {
            StringJoiner params = new StringJoiner("&");
            if (!q.isBlank()) {
                params.add("q=" + encode(q));
            }
            topic.ifPresent(v -> params.add("topic=" + encode(v)));
            kind.ifPresent(v -> params.add("kind=" + encode(v)));
            lang.ifPresent(v -> params.add("lang=" + encode(v)));
            if (page > 1) {
                params.add("page=" + page);
            }
            return params.length() == 0 ? "/search" : "/search?" + params;
        }
    }

    /** Everything the template shows; every string in it is escaped by Qute except {@link HitView#snippet()}. */
    public record SearchView(String q, boolean landing, String topic, String kind, String lang, long total, int page,
            long pages, String summary, List<HitView> hits, List<FacetGroup> facets, String didYouMean,
            String didYouMeanUrl, String widened, List<PageLink> pageLinks, String previousUrl, String nextUrl,
            List<ActiveFilter> activeFilters, List<Example> examples, String firstPageUrl, String labelsJson) {

        public boolean hasFilters() {
            return !activeFilters.isEmpty();
        }

        public int firstRank() {
            return (page - 1) * SIZE + 1;
        }

        public boolean beyondLastPage() {
            return hits.isEmpty() && total > 0;
        }
    }

    /**
     * One result. {@code snippet} is HTML: the search package escapes it and adds only {@code <mark>}, which is
     * the one reason the template may print it raw.
     */
    public record HitView(String title, String href, boolean external, String kindLabel, String domain,
            String language, String languageLabel, List<TopicLink> topics, String snippet, String detailsUrl) {
    }

    public record TopicLink(String slug, String title) {
    }

    public record FacetGroup(String name, String title, List<FacetLink> values, String activeLabel, String removeUrl) {
        public boolean active() {
            return removeUrl != null;
        }
    }

    public record FacetLink(String label, long count, String url, boolean active) {
    }

    public record PageLink(int number, String url, boolean current, boolean gap) {
    }

    public record ActiveFilter(String title, String label, String removeUrl) {
    }

    public record Example(String text, String url) {
    }

    /** Display names for facet values, shared with js/search.js through a data attribute. */
    record Labels(Map<String, String> topic, Map<String, String> kind, Map<String, String> language,
            Map<String, String> groups, Map<String, String> widened) {

        /** What the page says when a search was widened, by {@link SearchResult.Widening#slug()}; js/search.js shows the same. */
        static final Map<String, String> WIDENED = Map.of(
                SearchResult.Widening.RESPELT.slug(), "Few pages have your words as typed: showing results for a near spelling.",
                SearchResult.Widening.NEAR_SPELLINGS.slug(), "Showing results for near spellings of your words.",
                SearchResult.Widening.SOME_WORDS.slug(), "Few pages have all of your words: showing pages with some of them.");

        static Labels load() {
            Map<String, String> topics = new LinkedHashMap<>();
            for (Topic t : Topic.active()) {
                topics.put(t.slug, t.title);
            }
            Map<String, String> kinds = new LinkedHashMap<>();
            kinds.put(SearchParams.TOPIC_KIND, "Topics");
            for (ResourceKind k : ResourceKind.values()) {
                kinds.put(k.slug(), k.label());
            }
            return new Labels(topics, kinds, Map.of("en", "English", "ru", "Russian"), FACET_TITLES, WIDENED);
        }

        String of(String facet, String value) {
            Map<String, String> names = switch (facet) {
                case "topic" -> topic;
                case "kind" -> kind;
                case "language" -> language;
                default -> Map.of();
            };
            return names.getOrDefault(value, value);
        }
    }

    @GET
    @Operation(hidden = true)
    public Response search(@QueryParam("q") String q, @QueryParam("topic") String topic, @QueryParam("kind") String kind,
            @QueryParam("lang") String lang, @QueryParam("page") String page) throws IOException {
        SearchRequest request = SearchParams.parse(q, topic, kind, lang, page, String.valueOf(SIZE));
        State state = new State(q == null ? "" : q.strip(), request.topic(), request.kind(), request.language(),
                request.page());
        Labels labels = Labels.load();
        if (state.q().isEmpty() && !state.hasFilters()) {
            return html(Response.ok(Templates.search(landing(labels))));
        }
        SearchResult result;
        try {
            result = search.search(request);
        } catch (SearchIndex.IndexNotReadyException e) {
            SearchView view = new SearchView(state.q(), false, "", "", "", 0, 1, 0, "", List.of(), List.of(), null, null,
                    null, List.of(), null, null, List.of(), List.of(), null, "{}");
            return html(Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", "2")
                    .entity(Templates.warming(view, state.href())));
        }
        return html(Response.ok(Templates.search(results(state, result, labels))));
    }

    private static Response html(Response.ResponseBuilder answer) {
        return answer.type(HTML).build();
    }

    private SearchView landing(Labels labels) {
        return new SearchView("", true, "", "", "", 0, 1, 0, "", List.of(), List.of(), null, null, null, List.of(), null,
                null, List.of(), examples(), null, labelsJson(labels));
    }

    /** Always rendered: the landing block stays in the page (hidden) for the script to show when the box is cleared. */
    private static List<Example> examples() {
        return EXAMPLES.stream()
                .map(e -> new Example(e, new State(e, Optional.empty(), Optional.empty(), Optional.empty(), 1).href()))
                .toList();
    }

    private SearchView results(State state, SearchResult result, Labels labels) {
        List<HitView> hits = result.hits().stream().map(h -> hit(h, labels)).toList();
        List<FacetGroup> facets = new ArrayList<>();
        List<ActiveFilter> active = new ArrayList<>();
        for (Map.Entry<String, List<SearchResult.FacetCount>> dim : result.facets().entrySet()) {
            String param = FACET_PARAMS.get(dim.getKey());
            if (param == null) {
                continue;
            }
            Optional<String> current = state.get(param);
            List<FacetLink> values = dim.getValue().stream().map(fc -> {
                boolean on = current.isPresent() && current.get().equals(fc.value());
                State target = state.with(param, on ? Optional.empty() : Optional.of(fc.value()));
                return new FacetLink(labels.of(dim.getKey(), fc.value()), fc.count(), target.href(), on);
            }).toList();
            String title = FACET_TITLES.get(dim.getKey());
            String removeUrl = current.map(v -> state.with(param, Optional.empty()).href()).orElse(null);
            String activeLabel = current.map(v -> labels.of(dim.getKey(), v)).orElse(null);
            if (current.isPresent()) {
                active.add(new ActiveFilter(title, activeLabel, removeUrl));
            }
            if (!values.isEmpty() || current.isPresent()) {
                facets.add(new FacetGroup(dim.getKey(), title, values, activeLabel, removeUrl));
            }
        }
        long pages = result.pages();
        int page = result.page();
        String dym = result.didYouMean().orElse(null);
        return new SearchView(state.q(), false, state.topic().orElse(""), state.kind().orElse(""),
                state.lang().orElse(""), result.total(), page, pages, summary(result.total(), state.q()), hits, facets,
                dym, dym == null ? null : state.query(dym).href(), result.fuzzy() ? labels.widened().get(result.widened().slug()) : null,
                pageLinks(state, page, pages),
                page > 1 ? state.page(Math.min(page - 1, (int) Math.max(pages, 1))).href() : null,
                page < pages ? state.page(page + 1).href() : null, active, examples(), state.page(1).href(),
                labelsJson(labels));
    }

    /** Kept in step with summary() in js/search.js. */
    static String summary(long total, String q) {
        String count = total == 0 ? "No results" : total == 1 ? "1 result" : total + " results";
        return q.isEmpty() ? count : count + " for “" + q + "”";
    }

    private static HitView hit(SearchResult.Hit h, Labels labels) {
        boolean topic = SearchParams.TOPIC_KIND.equals(h.type());
        String details = topic ? null : Identifiers.resource(h.id()).map(id -> "/resources/" + id).orElse(null);
        String href = safeHref(h.url());
        boolean external = href != null && !href.startsWith("/");
        if (href == null) {
            href = details != null ? details : "/search";
        }
        String language = h.language() == null ? "" : h.language();
        String languageLabel = language.isEmpty() || language.equals("en") ? null : labels.of("language", language);
        List<TopicLink> topics = h.topics() == null ? List.of() : h.topics().stream()
                .filter(labels.topic()::containsKey)
                .filter(slug -> !(topic && slug.equals(h.id())))
                .map(slug -> new TopicLink(slug, labels.topic().get(slug))).toList();
        String kindLabel = topic ? "topic" : h.kind();
        return new HitView(h.title(), href, external, kindLabel, external ? domain(href) : null, language,
                languageLabel, topics, h.snippet(), details);
    }

    /** Only web links and paths of our own reach an href: a hostile URL in the data becomes no link at all. */
    static String safeHref(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        if (LOCAL_PATH.matcher(url).matches()) {
            return url;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? url : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String domain(String url) {
        try {
            String host = new URI(url).getHost();
            return host == null ? null : host.startsWith("www.") ? host.substring(4) : host;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** 1 … p-2 p-1 p p+1 p+2 … last, with a gap wherever numbers are skipped. */
    static List<PageLink> pageLinks(State state, int page, long pages) {
        List<PageLink> links = new ArrayList<>();
        if (pages <= 1) {
            return links;
        }
        int last = (int) pages;
        int previous = 0;
        for (int n = 1; n <= last; n++) {
            boolean shown = n == 1 || n == last || Math.abs(n - page) <= WINDOW;
            if (!shown) {
                continue;
            }
            if (n > previous + 1) {
                links.add(new PageLink(0, null, false, true));
            }
            links.add(new PageLink(n, state.page(n).href(), n == page, false));
            previous = n;
        }
        return links;
    }

    private String labelsJson(Labels labels) {
        try {
            return json.writeValueAsString(labels);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("labels are plain strings", e);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
