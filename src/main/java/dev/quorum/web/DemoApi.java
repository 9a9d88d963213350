package dev.quorum.web;

import dev.quorum.demo.engine.Demo;
import dev.quorum.demo.engine.InvalidParameter;
import dev.quorum.demo.engine.Params;
import dev.quorum.demo.engine.Schedule;
import dev.quorum.demo.engine.Variant;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Runnable demos: list them, run one, or search a broken variant for a counterexample. A run is a pure
 * function of its inputs, so answers carry a strong ETag and may be cached. Query parameters other than
 * seed, variant (and seeds) are the demo's own, checked against its specs: an unknown name, a value out of
 * range or not an integer is a 400 that names it.
 */
@Path("/api/v1/demos")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Demos", description = "Deterministic simulations of distributed protocols, their checks and their counterexamples.")
public class DemoApi {

    private static final String CACHE = "public, max-age=3600";

    @Inject
    DemoRuns runs;

    @GET
    @Operation(summary = "All demos, with their variants and parameters")
    public List<DemoViews.DemoSummary> list() {
        return runs.all().stream().map(DemoViews::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One demo, with its variants and parameters")
    @APIResponse(responseCode = "200", description = "The demo")
    @APIResponse(responseCode = "404", description = "No demo has this id", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public DemoViews.DemoSummary get(@PathParam("id") String id) {
        return DemoViews.of(demo(id));
    }

    @GET
    @Path("/{id}/run")
    @Operation(summary = "Run a demo once and return its trace (format quorum-trace/2, docs/trace-format.md)",
            description = "Besides seed and variant, any parameter the demo lists may be given, e.g. nodes=4&lossPercent=10.")
    @APIResponse(responseCode = "200", description = "The trace")
    @APIResponse(responseCode = "304", description = "The trace is the one named by If-None-Match")
    @APIResponse(responseCode = "400", description = "An unknown parameter or variant, or a value out of range",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "No demo has this id", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "503", description = "Every demo slot is busy; retry after a second",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response run(@PathParam("id") String id,
            @Parameter(description = "Seed, 0 to 2^53 − 1", schema = @Schema(defaultValue = "1")) @QueryParam("seed") String seedParam,
            @Parameter(description = "Variant name; the correct one by default") @QueryParam("variant") String variantParam,
            @Parameter(description = "'violation' ends the run where a check first fails, as a counterexample's trace does; "
                    + "'end' (the default) runs it out", schema = @Schema(enumeration = {"end", "violation"}))
            @QueryParam("stop") String stopParam,
            @Parameter(description = "The run's faults, exactly: a comma-separated list such as "
                    + "'drop:n1/3,crash:n2@120,recover:n2@170,partition:n1.n2|n3@50,heal@200,dup:n2/1,delay:n1/2/40,skew:n2/-50,drift:n1/2000', "
                    + "or 'none'. Absent, the faults are drawn from the seed; a trace's 'faults' field replays it")
            @QueryParam("faults") String faultsParam,
            @Context UriInfo uri, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        RunQuery q = runQuery(id, seedParam, variantParam, stopParam, faultsParam, uri);
        return cached(runs.run(q.demo, q.variant, q.seed, q.params, q.schedule, q.stop), ifNoneMatch, true);
    }

    @GET
    @Path("/{id}/history.edn")
    @Produces({EDN, MediaType.APPLICATION_JSON})
    @Operation(summary = "The client history of the same run as /run, as Jepsen EDN",
            description = "One operation map per line ({:process \"c1\", :type :invoke, :f :write, :value 3, :time …, :index …}), "
                    + "as /tools/linearizability and Jepsen's checkers read it; empty for a demo without clients. "
                    + "Takes the same parameters as /run.")
    @APIResponse(responseCode = "200", description = "The history", content = @Content(mediaType = EDN))
    @APIResponse(responseCode = "400", description = "An unknown parameter or variant, or a value out of range",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "No demo has this id", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "503", description = "Every demo slot is busy; retry after a second",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response history(@PathParam("id") String id, @QueryParam("seed") String seedParam,
            @QueryParam("variant") String variantParam, @QueryParam("stop") String stopParam,
            @QueryParam("faults") String faultsParam, @Context UriInfo uri, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        RunQuery q = runQuery(id, seedParam, variantParam, stopParam, faultsParam, uri);
        String edn = runs.historyEdn(q.demo, q.variant, q.seed, q.params, q.schedule, q.stop);
        String etag = "\"" + Digests.sha256Hex(edn).substring(0, 32) + "\"";
        Response.ResponseBuilder answer = matches(ifNoneMatch, etag) ? Response.notModified()
                : Response.ok(edn, MediaType.valueOf(EDN + ";charset=UTF-8")).header("Content-Disposition",
                        "attachment; filename=\"" + id + "-" + q.variant.name() + "-seed" + q.seed + ".edn\"");
        return answer.header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, CACHE).build();
    }

    private static final String EDN = "application/edn";

    /** A run named by the query string, as /run and /history.edn read it. */
    private record RunQuery(Demo demo, Variant variant, long seed, Params params, Schedule schedule, boolean stop) {
    }

    private RunQuery runQuery(String id, String seedParam, String variantParam, String stopParam, String faultsParam, UriInfo uri) {
        Demo demo = demo(id);
        Map<String, String> query = query(uri, "seed", "variant", "stop", "faults");
        long seed = seed(seedParam);
        Variant variant = variant(demo, variantParam, demo.variants().get(0));
        boolean stop = DemoRuns.stopAtViolation(stopParam);
        Params params = params(demo, query);
        return new RunQuery(demo, variant, seed, params, schedule(demo, variant, seed, params, faultsParam), stop);
    }

    @GET
    @Path("/{id}/counterexample")
    @Operation(summary = "Search seeds of a variant for a run that fails a check, and shrink the first one found",
            description = "Tries seeds seed, seed+1, … (at most 'seeds' of them) with the given parameters; the answer is "
                    + "{found, seed, tried, runs, exhausted, original, trace}. The search is bounded in runs, events and time.")
    @APIResponse(responseCode = "200", description = "What the search found")
    @APIResponse(responseCode = "400", description = "An unknown parameter or variant, or a value out of range",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "No demo has this id", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "503", description = "Every demo slot is busy; retry after a second",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response counterexample(@PathParam("id") String id,
            @Parameter(description = "Variant name; the first broken one by default") @QueryParam("variant") String variantParam,
            @Parameter(description = "How many seeds to try, 1–500", schema = @Schema(defaultValue = "100", minimum = "1", maximum = "500"))
            @QueryParam("seeds") String seedsParam,
            @Parameter(description = "The first seed to try", schema = @Schema(defaultValue = "1")) @QueryParam("seed") String seedParam,
            @Context UriInfo uri, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Demo demo = demo(id);
        Map<String, String> query = query(uri, "seed", "seeds", "variant");
        Variant broken = demo.variants().stream().filter(v -> !v.correct()).findFirst().orElse(demo.variants().get(0));
        Variant variant = variant(demo, variantParam, broken);
        int seeds = Paging.intParam("seeds", seedsParam, DemoRuns.SEEDS_DEFAULT, 1, DemoRuns.SEEDS_MAX);
        long first = seed(seedParam);
        Params params = params(demo, query);
        DemoRuns.Search search = runs.counterexample(demo, variant, params, first, seeds);
        return cached(search.json(), ifNoneMatch, search.repeatable());
    }

    private static Schedule schedule(Demo demo, Variant variant, long seed, Params params, String faults) {
        try {
            return DemoRuns.schedule(demo, variant, seed, params, faults);
        } catch (InvalidParameter e) {
            throw new BadRequest(e.getMessage());
        }
    }

    private Demo demo(String id) {
        return runs.find(id).orElseThrow(() -> new NotFoundException("no demo with id '" + Identifiers.shown(id) + "'"));
    }

    /**
     * The demo's own parameters from the query string: the API's (named) left out, every name given once,
     * since a parameter given twice is ambiguous.
     */
    private static Map<String, String> query(UriInfo uri, String... apiParams) {
        Map<String, String> single = new LinkedHashMap<>();
        uri.getQueryParameters().forEach((name, values) -> {
            if (values.size() > 1) {
                throw new BadRequest("parameter '" + Identifiers.shown(name) + "' is given " + values.size() + " times");
            }
            single.put(name, values.isEmpty() ? "" : values.get(0));
        });
        for (String name : apiParams) {
            single.remove(name);
        }
        return single;
    }

    private static long seed(String raw) {
        if (raw == null || raw.isBlank()) {
            return DemoRuns.SEED_DEFAULT;
        }
        try {
            long seed = Long.parseLong(raw.trim());
            if (seed >= 0 && seed <= Demo.SEED_MAX) {
                return seed;
            }
        } catch (NumberFormatException e) {
            // the same answer as out of range, below
        }
        throw new BadRequest("parameter 'seed' must be an integer between 0 and " + Demo.SEED_MAX
                + ", got '" + Identifiers.shown(raw) + "'");
    }

    private static Variant variant(Demo demo, String raw, Variant fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return demo.variant(raw.trim());
        } catch (InvalidParameter e) {
            throw new BadRequest(e.getMessage());
        }
    }

    private static Params params(Demo demo, Map<String, String> query) {
        try {
            return Params.parse(demo.params(), query);
        } catch (InvalidParameter e) {
            throw new BadRequest(e.getMessage());
        }
    }

    /** A JSON body with a strong ETag over its bytes; 304 when the client already has it. */
    private static Response cached(String json, String ifNoneMatch, boolean repeatable) {
        String etag = "\"" + Digests.sha256Hex(json).substring(0, 32) + "\"";
        if (repeatable && matches(ifNoneMatch, etag)) {
            return Response.notModified().header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, CACHE).build();
        }
        Response.ResponseBuilder answer = Response.ok(json, MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"));
        return repeatable
                ? answer.header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, CACHE).build()
                : answer.header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }
}
