package dev.quorum.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.quorum.demo.engine.Demo;
import dev.quorum.demo.engine.Guide;
import dev.quorum.demo.engine.ParamSpec;
import java.util.ArrayList;
import java.util.List;

/** Demos as the API lists them: enough for a client to build a form and call run. */
final class DemoViews {

    private DemoViews() {
    }

    public record DemoSummary(String id, String title, String summary, List<VariantView> variants, List<ParamView> params,
            List<GuideView> guides) {
    }

    /**
     * A guided scenario: its page, and the run as {@code /run} takes it ({@code query}, defaults left out).
     * The narration itself is on the page.
     */
    public record GuideView(String id, String title, String page, String run) {
    }

    public record VariantView(String name, boolean correct, String description) {
    }

    /** An integer parameter has min and max; a choice has options. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ParamView(String name, String type, Long min, Long max, @JsonProperty("default") Object defaultValue,
            List<String> options, String description) {
    }

    static final ParamView SEED = new ParamView("seed", "integer", 0L, Demo.SEED_MAX, DemoRuns.SEED_DEFAULT, null,
            "Seed of the run's random streams: the same seed and parameters give the same trace");

    static DemoSummary of(Demo demo) {
        List<ParamView> params = new ArrayList<>();
        params.add(SEED);
        for (ParamSpec p : demo.params()) {
            params.add(p.kind() == ParamSpec.Kind.INTEGER
                    ? new ParamView(p.name(), "integer", p.min(), p.max(), p.defaultValue(), null, p.description())
                    : new ParamView(p.name(), "choice", null, null, p.defaultOption(), p.options(), p.description()));
        }
        return new DemoSummary(demo.id(), demo.title(), demo.summary(),
                demo.variants().stream().map(v -> new VariantView(v.name(), v.correct(), v.description())).toList(),
                List.copyOf(params), demo.guides().stream().map(g -> new GuideView(g.id(), g.title(), DemoPages.guideHref(demo, g),
                        "/api/v1/demos/" + demo.id() + "/run?" + runQuery(g))).toList());
    }

    private static String runQuery(Guide g) {
        StringBuilder q = new StringBuilder("variant=").append(enc(g.variant())).append("&seed=").append(g.seed());
        g.query().forEach((k, v) -> q.append('&').append(enc(k)).append('=').append(enc(v)));
        return q.toString();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
