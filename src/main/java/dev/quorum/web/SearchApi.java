package dev.quorum.web;

import dev.quorum.search.SearchRequest;
import dev.quorum.search.SearchResult;
import dev.quorum.search.SearchService;
import dev.quorum.search.UserQuery;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search", description = "Full-text search over titles, our descriptions, topics and the text of every linked page.")
public class SearchApi {

    /** Results change within a second of an edit, so caches revalidate every time; the ETag makes that cheap. */
    private static final CacheControl REVALIDATE = CacheControl.valueOf("no-cache");

    @Inject
    SearchService search;

    /** The response of {@code GET /api/v1/search}. */
    public record SearchResponse(String query, long total, int page, int size, long tookMs, List<Hit> hits,
            Map<String, List<SearchResult.FacetCount>> facets, String didYouMean,
            @Schema(description = "True when the query as typed found too little and the search was widened (see widened)") boolean fuzzy,
            @Schema(description = "How the search was widened, null if it was not: 'respelt' (the results are didYouMean's), "
                    + "'near-spellings' (words also match near spellings), 'some-words' (any one word is enough)",
                    enumeration = {"respelt", "near-spellings", "some-words"}, nullable = true) String widened) {
    }

    /** One result; {@code snippet} is HTML-escaped text with {@code <mark>} around matched words and nothing else. */
    public record Hit(String id, String type, String title, String url, String kind, String language,
            List<String> topics, String snippet, float score) {
    }

    public record SuggestResponse(String query, List<Suggestion> suggestions) {
    }

    /** A completion; {@code highlight} is escaped HTML with {@code <mark>} around the typed prefix. */
    public record Suggestion(String text, String highlight, String type, String url) {
    }

    @GET
    @Path("search")
    @Operation(summary = "Search everything Quorum knows",
            description = "Query language: words, \"exact phrases\", -excluded words, OR between alternatives. "
                    + "Every other character is plain text. Facet counts ignore their own filter (drill sideways).")
    @APIResponse(responseCode = "200", description = "One page of results",
            content = @Content(schema = @Schema(implementation = SearchResponse.class)),
            headers = @Header(name = "ETag", description = "Revalidate with If-None-Match"))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "400", description = "A parameter is out of range",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "503", description = "The index is being built for the first time; retry shortly",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response search(
            @Parameter(description = "The query, at most 500 characters; empty lists everything the filters allow")
            @QueryParam("q") String q,
            @Parameter(description = "Only this topic (slug), e.g. time-and-clocks") @QueryParam("topic") String topic,
            @Parameter(description = "Only this kind: topic, article, paper, book, video, course, repository or list")
            @QueryParam("kind") String kind,
            @Parameter(description = "Only this language (ISO 639-1), e.g. en or ru") @QueryParam("lang") String lang,
            @Parameter(description = "Page number, from 1; page × size stays within 1000",
                    schema = @Schema(defaultValue = "1", minimum = "1")) @QueryParam("page") String page,
            @Parameter(description = "Results per page, 1–100", schema = @Schema(defaultValue = "10", minimum = "1", maximum = "100"))
            @QueryParam("size") String size,
            @Context Request request, @Context UriInfo uri) throws IOException {
        SearchRequest parsed = SearchParams.parse(q, topic, kind, lang, page, size);
        EntityTag tag = tag("search", parsed.toString());
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        if (unchanged != null) {
            return unchanged.cacheControl(REVALIDATE).build();
        }
        long started = System.nanoTime();
        SearchResult result = search.search(parsed);
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        return Response.ok(response(result, tookMs)).tag(tag).cacheControl(REVALIDATE).build();
    }

    @GET
    @Path("suggest")
    @Operation(summary = "Complete a title or topic as the reader types",
            description = "Up to 8 completions; any word of a title may be the one being completed.")
    @APIResponse(responseCode = "200", description = "Completions, best first",
            content = @Content(schema = @Schema(implementation = SuggestResponse.class)),
            headers = @Header(name = "ETag", description = "Revalidate with If-None-Match"))
    @APIResponse(responseCode = "400", description = "The prefix is too long",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response suggest(
            @Parameter(description = "What the reader has typed so far, at most 100 characters") @QueryParam("q") String q,
            @Context Request request) throws IOException {
        String prefix = q == null ? "" : q;
        if (prefix.length() > 100) {
            throw new BadRequest("parameter 'q' must be at most 100 characters, got " + prefix.length());
        }
        EntityTag tag = tag("suggest", prefix);
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        if (unchanged != null) {
            return unchanged.cacheControl(REVALIDATE).build();
        }
        List<Suggestion> suggestions = search.suggest(prefix).stream()
                .map(s -> new Suggestion(s.text(), s.highlight(), s.type(), s.url())).toList();
        return Response.ok(new SuggestResponse(prefix, suggestions)).tag(tag).cacheControl(REVALIDATE).build();
    }

    static SearchResponse response(SearchResult result, long tookMs) {
        List<Hit> hits = result.hits().stream().map(h -> new Hit(h.id(), h.type(), h.title(), h.url(), h.kind(),
                h.language(), h.topics(), h.snippet(), h.score())).toList();
        return new SearchResponse(result.query(), result.total(), result.page(), result.size(), tookMs, hits,
                result.facets(), result.didYouMean().orElse(null), result.fuzzy(), result.widened().slug());
    }

    /** Same index version and same request: same answer. */
    private EntityTag tag(String what, String request) {
        return new EntityTag(Digests.sha256Hex(what + "\n" + search.version() + "\n" + request).substring(0, 24), true);
    }
}
