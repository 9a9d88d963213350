package dev.quorum.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Tools readers use on their own data: {@code /tools/linearizability} checks a pasted history and draws it. A
 * plain form POST, so it works without JavaScript; the answer is the API's, drawn on the server.
 */
@Path("/tools")
@Produces(MediaType.TEXT_HTML)
public class ToolPages {

    @Inject
    LinearizabilityChecks checks;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance linearizability(String history, String model, Map<String, String> models,
                LinearizabilityChecks.Answer answer, String error, Drawing drawing);
    }

    /** One operation's bar: from its invocation to its completion (to the end for an indeterminate one). */
    public record Bar(int id, double x, double width, double y, String label, String outcome, boolean open, boolean blocked,
            Integer order, String title) {
    }

    /** A process's row. */
    public record Row(String process, double y) {
    }

    /** The whole drawing, in SVG user units. */
    public record Drawing(double width, double height, List<Row> rows, List<Bar> bars) {
    }

    static final double LEFT = 90;
    static final double WIDTH = 900;
    static final double ROW = 34;

    @GET
    @Path("linearizability")
    @Operation(hidden = true)
    public TemplateInstance form() {
        return Templates.linearizability(LinearizabilityChecks.EXAMPLE, "register", LinearizabilityChecks.modelLabels(), null, null, null);
    }

    @POST
    @Path("linearizability")
    @Blocking
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public TemplateInstance check(@FormParam("history") String history, @FormParam("model") String model) {
        String shown = history == null ? "" : history;
        String m = model == null || !LinearizabilityChecks.MODELS.contains(model) ? "register" : model;
        try {
            LinearizabilityChecks.Answer answer = checks.checkEdn(shown, m);
            return Templates.linearizability(shown, m, LinearizabilityChecks.modelLabels(), answer, null, drawing(answer));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 503) {
                throw e;
            }
            // The reader's input comes back with the reason, so it can be fixed in place.
            String kept = shown.length() > LinearizabilityChecks.CHARS_MAX ? "" : shown;
            return Templates.linearizability(kept, m, LinearizabilityChecks.modelLabels(), null, e.getMessage(), null);
        }
    }

    /**
     * Bars laid out by event index, one row per process in order of first appearance; the blocked operations of
     * each violating key are marked, and the longest linearizable prefix is numbered in its order.
     */
    static Drawing drawing(LinearizabilityChecks.Answer a) {
        long end = 1;
        for (LinearizabilityChecks.OperationView o : a.operations()) {
            end = Math.max(end, o.completeIndex() == null ? o.invokeIndex() + 1 : o.completeIndex() + 1);
        }
        Map<String, Double> rowOf = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        for (LinearizabilityChecks.OperationView o : a.operations()) {
            if (!rowOf.containsKey(o.process())) {
                double y = 30 + rows.size() * ROW;
                rowOf.put(o.process(), y);
                rows.add(new Row(o.process(), y));
            }
        }
        Set<Integer> blocked = new HashSet<>();
        Map<Integer, Integer> order = new HashMap<>();
        for (LinearizabilityChecks.PartitionView p : a.partitions()) {
            blocked.addAll(p.blocked());
            for (int k = 0; k < p.prefix().size(); k++) {
                order.put(p.prefix().get(k), k + 1);
            }
        }
        double scale = WIDTH / end;
        List<Bar> bars = new ArrayList<>();
        for (LinearizabilityChecks.OperationView o : a.operations()) {
            boolean open = o.completeIndex() == null;
            double x = LEFT + o.invokeIndex() * scale;
            double to = LEFT + (open ? end : o.completeIndex()) * scale;
            String value = o.f().equals("read") ? o.output() : o.input();
            String label = o.f() + " " + value + (o.outcome().equals("ok") ? "" : " (" + o.outcome() + ")");
            bars.add(new Bar(o.id(), round(x), round(Math.max(6, to - x)), rowOf.get(o.process()) - 9, label, o.outcome(), open,
                    blocked.contains(o.id()), order.get(o.id()),
                    "#" + o.id() + " " + o.f() + " " + o.input() + " → " + o.output() + " by " + o.process() + " (" + o.outcome() + ")"));
        }
        return new Drawing(LEFT + WIDTH + 20, 30 + rows.size() * ROW + 10, rows, bars);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
