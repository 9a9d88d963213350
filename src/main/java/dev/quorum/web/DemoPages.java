package dev.quorum.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.demo.engine.Demo;
import dev.quorum.demo.engine.Guide;
import dev.quorum.demo.engine.InvalidParameter;
import dev.quorum.demo.engine.ParamSpec;
import dev.quorum.demo.engine.Params;
import dev.quorum.demo.engine.Schedule;
import dev.quorum.demo.engine.Variant;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The demo pages: {@code /demos} lists them, {@code /demos/{id}} runs one with the query's variant, seed and
 * parameters. Complete without JavaScript (a GET form, a table of events, the checks, a link to the trace JSON);
 * js/spacetime.js turns the run into an interactive space-time diagram. Topic pages embed the same block.
 */
@Path("/demos")
@Produces(MediaType.TEXT_HTML)
public class DemoPages {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DemoRuns runs;

    @Inject
    PageCache pages;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance demos(List<DemoCard> demos);

        static native TemplateInstance demo(DemoRun run);
    }

    /** A demo in the list. */
    public record DemoCard(String id, String title, String summary, List<Variant> variants) {
    }

    /** One field of the parameters form, with the value of the run shown and whether it differs from the default. */
    public record ParamField(String name, boolean choice, long min, long max, String value, List<String> options,
            String description, boolean changed) {
    }

    /** How many parameters a demo page shows outside "More parameters"; a topic's embed shows none. */
    static final int PRIMARY_PARAMS = 3;

    /** One row of the table of events: the no-JS view of the run; {@code values} follow the trace's annotations. */
    public record EventRow(int i, String t, String node, String type, String what, List<String> values, String violates) {
    }

    /** A guided scenario as its page shows it, with links to the demo's other scenarios. */
    public record GuideView(Guide guide, String href, List<GuideLink> all) {
    }

    /** A link in the scenario picker. */
    public record GuideLink(String title, String href, boolean current) {
    }

    /** A check and where it first failed. */
    public record CheckRow(String name, boolean ok, String detail, Integer firstViolation) {
    }

    /**
     * One run of one demo, as the page and the topic embed show it. {@code query} is the canonical query string
     * (variant, seed, then the parameters in declaration order): the permalink and the API URL share it.
     */
    public record DemoRun(String id, String title, String summary, List<Variant> variants, String variant, long seed,
            List<ParamField> params, String faults, List<String> columns, List<EventRow> events, List<CheckRow> checks,
            String stats, String query, String traceJson, String domId, GuideView guide) {

        /** The same run under other element ids, for a second embed of one demo on a page. */
        DemoRun withDomId(String id) {
            return new DemoRun(this.id, title, summary, variants, variant, seed, params, faults, columns, events, checks, stats,
                    query, traceJson, id, guide);
        }

        /** The same run, told as the guided scenario {@code g}. */
        DemoRun withGuide(GuideView g) {
            return new DemoRun(this.id, title, summary, variants, variant, seed, params, faults, columns, events, checks, stats,
                    query, traceJson, domId, g);
        }

        /** Whether the engine was too busy to make the run: the page then leaves it to the script to fetch. */
        public boolean busy() {
            return traceJson == null;
        }

        public String permalink() {
            return "/demos/" + id + "?" + query;
        }

        public String apiUrl() {
            return "/api/v1/demos/" + id + "/run?" + query;
        }

        public boolean ok() {
            return checks.stream().allMatch(CheckRow::ok);
        }

        /** The parameters shown at once: the first few on the demo page, none in a topic's embed. */
        public List<ParamField> primary(boolean full) {
            return full ? params.subList(0, Math.min(PRIMARY_PARAMS, params.size())) : List.of();
        }

        /** The rest, folded away under "More parameters". */
        public List<ParamField> more(boolean full) {
            return params.subList(primary(full).size(), params.size());
        }

        /** Whether a folded parameter has a value other than its default, so the fold starts open. */
        public boolean moreChanged(boolean full) {
            return more(full).stream().anyMatch(ParamField::changed);
        }

        /** The variants a counterexample search can break: the broken ones. */
        public List<Variant> broken() {
            return variants.stream().filter(v -> !v.correct()).toList();
        }

        /** The variant the search form starts on: the one shown if it is broken, else the first broken one. */
        public String breakVariant() {
            return broken().stream().map(Variant::name).filter(variant::equals).findFirst()
                    .orElse(broken().isEmpty() ? variant : broken().get(0).name());
        }

        public String counterexampleUrl() {
            return "/api/v1/demos/" + id + "/counterexample";
        }

        public String fileStem() {
            return id + "-" + variant + "-seed" + seed;
        }
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance list() {
        return Templates.demos(runs.all().stream()
                .map(d -> new DemoCard(d.id(), d.title(), d.summary(), d.variants())).toList());
    }

    @GET
    @Path("{id}")
    @Blocking
    @Operation(hidden = true)
    public String demo(@PathParam("id") String id, @Context UriInfo uri) {
        Demo demo = runs.find(id)
                .orElseThrow(() -> new NotFoundException("there is no demo '" + Identifiers.shown(id) + "'; demos are "
                        + String.join(", ", runs.all().stream().map(Demo::id).toList())));
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        Map<String, String> raw = new LinkedHashMap<>();
        query.forEach((k, v) -> {
            if (v.size() > 1) {
                throw new BadRequest("parameter '" + Identifiers.shown(k) + "' is given " + v.size() + " times");
            }
            raw.put(k, v.isEmpty() ? "" : v.get(0));
        });
        String guide = raw.remove("guide");
        if (guide != null) {
            if (!raw.isEmpty()) {
                throw new BadRequest("parameter 'guide' names a whole run; leave out '" + Identifiers.shown(raw.keySet().iterator().next())
                        + "' (or leave out 'guide' to set the run yourself)");
            }
            Guide g = demo.guide(guide.trim()).orElseThrow(() -> new NotFoundException("demo '" + demo.id()
                    + "' has no guided scenario '" + Identifiers.shown(guide) + "'; its scenarios are "
                    + String.join(", ", demo.guides().stream().map(Guide::id).toList())));
            return Templates.demo(guided(runs, demo, g)).render();
        }
        String variant = raw.remove("variant");
        String seed = raw.remove("seed");
        boolean stop = DemoRuns.stopAtViolation(raw.remove("stop"));
        String faults = raw.remove("faults");
        DemoRun run = run(runs, demo, variant, seed, raw, faults, stop);
        if (query.isEmpty() && !run.busy()) { // the default run: the same page for every reader
            return pages.render("/demos/" + demo.id(), () -> Templates.demo(run).render());
        }
        return Templates.demo(run).render();
    }

    /**
     * The runs a topic page embeds: each named demo with its defaults; ids no demo has are skipped. A demo embedded
     * twice gets element ids of its own the second time (demo-x-2, …), so ids stay unique in the page.
     */
    static List<DemoRun> embeds(DemoRuns runs, List<String> ids) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        return ids.stream().flatMap(i -> runs.find(i).stream()).map(d -> {
            DemoRun run = d.guides().isEmpty() ? run(runs, d, null, null, Map.of(), null, false) : guided(runs, d, d.guides().get(0));
            int n = seen.merge(d.id(), 1, Integer::sum);
            return n == 1 ? run : run.withDomId(run.domId() + "-" + n);
        }).toList();
    }

    /** The run of guided scenario {@code g}, with its narration. */
    static DemoRun guided(DemoRuns runs, Demo demo, Guide g) {
        DemoRun run = run(runs, demo, g.variant(), Long.toString(g.seed()), new LinkedHashMap<>(g.params()),
                g.faults().isEmpty() ? null : g.faults(), false);
        List<GuideLink> links = demo.guides().stream()
                .map(o -> new GuideLink(o.title(), guideHref(demo, o), o.id().equals(g.id()))).toList();
        return run.withGuide(new GuideView(g, guideHref(demo, g), links));
    }

    static String guideHref(Demo demo, Guide g) {
        return "/demos/" + demo.id() + "?guide=" + enc(g.id());
    }

    /** Runs a demo as the API would for the same query, and shapes the result for a page. */
    static DemoRun run(DemoRuns runs, Demo demo, String variantName, String seedText, Map<String, String> raw, String faults,
            boolean stop) {
        try {
            Variant variant = variantName == null || variantName.isBlank() ? demo.variants().get(0) : demo.variant(variantName.trim());
            long seed = seed(seedText);
            Params params = Params.parse(demo.params(), raw);
            Schedule schedule = DemoRuns.schedule(demo, variant, seed, params, faults);
            return view(demo, variant, seed, params, schedule, stop,
                    runs.tryRun(demo, variant, seed, params, schedule, stop).orElse(null));
        } catch (InvalidParameter e) {
            throw new BadRequest(e.getMessage());
        }
    }

    private static long seed(String text) {
        if (text == null || text.isBlank()) {
            return DemoRuns.SEED_DEFAULT;
        }
        try {
            long seed = Long.parseLong(text.trim());
            if (seed >= 0 && seed <= Demo.SEED_MAX) {
                return seed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidParameter("parameter 'seed' must be an integer between 0 and " + Demo.SEED_MAX + ", got '"
                + Identifiers.shown(text) + "'");
    }

    /** The page's view of a run; with no trace (the engine was busy) the form and links only. */
    private static DemoRun view(Demo demo, Variant variant, long seed, Params params, Schedule schedule, boolean stop,
            String json) {
        StringBuilder q = new StringBuilder("variant=").append(enc(variant.name())).append("&seed=").append(seed);
        List<ParamField> fields = new ArrayList<>();
        for (ParamSpec spec : demo.params()) {
            String value = String.valueOf(params.asMap().get(spec.name()));
            q.append('&').append(enc(spec.name())).append('=').append(enc(value));
            fields.add(new ParamField(spec.name(), spec.kind() == ParamSpec.Kind.CHOICE, spec.min(), spec.max(), value,
                    spec.options(), spec.description(), !value.equals(String.valueOf(spec.defaultAsValue()))));
        }
        if (!schedule.seeded()) {
            q.append("&faults=").append(enc(schedule.text()));
        }
        if (stop) {
            q.append("&stop=violation");
        }
        if (json == null) {
            return new DemoRun(demo.id(), demo.title(), demo.summary(), demo.variants(), variant.name(), seed, fields, schedule.text(),
                    List.of(), List.of(), List.of(), "", q.toString(), null, "demo-" + demo.id(), null);
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a trace that is not JSON", e);
        }
        List<CheckRow> checks = new ArrayList<>();
        Map<Integer, List<String>> violated = new LinkedHashMap<>();
        for (JsonNode c : root.path("checks")) {
            Integer first = c.path("firstViolation").isIntegralNumber() ? c.path("firstViolation").asInt() : null;
            boolean ok = c.path("ok").asBoolean(true);
            checks.add(new CheckRow(c.path("name").asText(), ok, c.path("detail").asText(""), first));
            if (!ok && first != null) {
                violated.computeIfAbsent(first, k -> new ArrayList<>()).add(c.path("name").asText());
            }
        }
        List<String> names = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        for (JsonNode a : root.path("annotations")) {
            names.add(a.path("name").asText());
            String unit = a.path("unit").asText("");
            columns.add(a.path("label").asText() + (unit.isEmpty() ? "" : " (" + unit + ")"));
        }
        List<String> lanes = new ArrayList<>();
        root.path("nodes").forEach(n -> lanes.add(n.asText()));
        List<EventRow> rows = new ArrayList<>();
        for (JsonNode e : root.path("events")) {
            int i = e.path("i").asInt(rows.size());
            List<String> failed = violated.get(i);
            String violates = failed != null ? String.join(", ", failed) : e.path("violation").asBoolean(false) ? "a check" : "";
            List<String> values = new ArrayList<>();
            for (String name : names) {
                values.add(valueText(e.path("values").path(name), lanes));
            }
            rows.add(new EventRow(i, e.path("t").asText(), e.path("node").isNull() || e.path("node").isMissingNode() ? "—"
                    : e.path("node").asText(), e.path("type").asText(), e.path("text").asText(), values, violates));
        }
        JsonNode st = root.path("stats");
        String stats = st.path("events").asText("?") + " events, " + st.path("messages").asText("?") + " messages, "
                + st.path("dropped").asText("?") + " dropped, simulated time " + st.path("simTime").asText("?");
        // Safe inside <script type="application/json">: no "<" can close the element or open a comment.
        String embedded = json.replace("<", "\\u003c");
        return new DemoRun(demo.id(), demo.title(), demo.summary(), demo.variants(), variant.name(), seed, fields, schedule.text(),
                columns, rows, checks, stats, q.toString(), embedded, "demo-" + demo.id(), null);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /**
     * An event's value as the table shows it, by the shape docs/trace-format.md gives each kind: a number, a
     * per-node object, bounds, a list, a string. Empty when the event does not carry it.
     */
    static String valueText(JsonNode v, List<String> lanes) {
        if (v.isMissingNode()) {
            return "";
        }
        if (v.isNull()) {
            return "nil";
        }
        if (v.isObject() && v.size() == 2 && v.has("lo") && v.has("hi")) {
            return "[" + v.get("lo").asText() + ", " + v.get("hi").asText() + "]";
        }
        if (v.isObject()) {
            List<String> entries = new ArrayList<>();
            for (String lane : lanes) {
                if (v.has(lane)) {
                    entries.add(lane + ":" + v.get(lane).asText());
                }
            }
            for (Iterator<String> it = v.fieldNames(); it.hasNext();) {
                String k = it.next();
                if (!lanes.contains(k)) {
                    entries.add(k + ":" + v.get(k).asText());
                }
            }
            return "[" + String.join(", ", entries) + "]";
        }
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            v.forEach(x -> items.add(x.asText()));
            return "[" + String.join(", ", items) + "]";
        }
        return v.asText();
    }
}
