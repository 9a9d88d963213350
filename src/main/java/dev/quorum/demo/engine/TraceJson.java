package dev.quorum.demo.engine;

import java.util.List;

/**
 * Writes a trace in the {@code quorum-trace/2} format of docs/trace-format.md. Field order is fixed, so the
 * same trace always gives the same bytes; one event per line keeps diffs between traces readable.
 */
final class TraceJson {

    private TraceJson() {
    }

    static String write(Trace trace) {
        StringBuilder out = new StringBuilder(256 + trace.events().size() * 160);
        Json json = new Json(out, trace.nodes());
        out.append('{');
        json.key("format").string(Trace.FORMAT).raw(",");
        json.key("demo").string(trace.demo()).raw(",");
        json.key("variant").string(trace.variant()).raw(",");
        json.key("seed").raw(Long.toString(trace.seed())).raw(",");
        json.key("params").inOrder(trace.params()).raw(",");
        json.key("schedule").string(trace.schedule().seeded() ? "seeded" : "explicit").raw(",");
        json.key("faults").value(trace.faults().stream().map(Fault::text).toList()).raw(",");
        json.key("nodes").value(trace.nodes()).raw(",\n");
        display(json, trace.display());
        json.key("events").raw("[");
        List<TraceEvent> events = trace.events();
        for (int k = 0; k < events.size(); k++) {
            json.raw(k == 0 ? "\n" : ",\n");
            event(json, trace, events.get(k));
        }
        json.raw("\n],\n");
        json.key("history").raw("[");
        boolean first = true;
        for (HistoryOp op : trace.history()) {
            json.raw(first ? "" : ",");
            json.raw("{").key("process").string(op.process()).raw(",").key("type").string(op.type())
                    .raw(",").key("f").string(op.f()).raw(",").key("value").value(op.value())
                    .raw(",").key("t").raw(Long.toString(op.t())).raw(",").key("i").raw(Integer.toString(op.i())).raw("}");
            first = false;
        }
        json.raw("],\n");
        json.key("checks").raw("[");
        first = true;
        for (CheckResult c : trace.checks()) {
            json.raw(first ? "" : ",");
            json.raw("{").key("name").string(c.name()).raw(",").key("ok").raw(Boolean.toString(c.ok()))
                    .raw(",").key("detail").string(c.detail()).raw(",").key("firstViolation")
                    .raw(c.firstViolation().isPresent() ? Integer.toString(c.firstViolation().getAsInt()) : "null").raw("}");
            first = false;
        }
        json.raw("],\n");
        Stats s = trace.stats();
        json.key("stats").raw("{").key("events").raw(Integer.toString(s.events()))
                .raw(",").key("messages").raw(Long.toString(s.messages()))
                .raw(",").key("dropped").raw(Long.toString(s.dropped()))
                .raw(",").key("simTime").raw(Long.toString(s.simTime()))
                .raw(",").key("stoppedBy").string(s.stoppedBy()).raw("}");
        out.append("}\n");
        return out.toString();
    }

    private static void display(Json json, Display display) {
        json.key("annotations").raw("[");
        boolean first = true;
        for (Annotation a : display.annotations()) {
            json.raw(first ? "" : ",").raw("{").key("name").string(a.name()).raw(",").key("kind").string(a.kind().json())
                    .raw(",").key("label").string(a.label()).raw(",").key("unit").string(a.unit())
                    .raw(",").key("diagram").raw(Boolean.toString(a.diagram()))
                    .raw(",").key("description").string(a.description()).raw("}");
            first = false;
        }
        json.raw("],\n");
        json.key("panels").raw("[");
        first = true;
        for (Panel p : display.panels()) {
            json.raw(first ? "" : ",").raw("{").key("kind").string(p.kind().json()).raw(",").key("values").value(p.values()).raw("}");
            first = false;
        }
        json.raw("],\n");
    }

    private static void event(Json json, Trace trace, TraceEvent e) {
        json.raw("{").key("i").raw(Integer.toString(e.i())).raw(",").key("t").raw(Long.toString(e.t())).raw(",");
        json.key("node").raw(e.node() == TraceEvent.NETWORK ? "null" : quoted(json, e.node())).raw(",");
        json.key("type").string(e.type().json()).raw(",");
        json.key("text").string(trace.text(e));
        e.msg().ifPresent(m -> {
            json.raw(",").key("msg").raw("{").key("id").raw(Long.toString(m.id()))
                    .raw(",").key("from").string(json.node(m.from()))
                    .raw(",").key("to").string(json.node(m.to()))
                    .raw(",").key("type").string(m.message().type())
                    .raw(",").key("body");
            body(json, m.message());
            json.raw("}");
        });
        Value[] values = e.valuesRaw();
        if (values != null) {
            json.raw(",").key("values").raw("{");
            boolean first = true;
            for (int k = 0; k < values.length; k++) {
                if (values[k] != null) {
                    json.raw(first ? "" : ",").key(e.declared().get(k).name()).annotation(values[k]);
                    first = false;
                }
            }
            json.raw("}");
        }
        extras(json, e);
        json.raw("}");
    }

    private static void extras(Json json, TraceEvent e) {
        switch (e.type()) {
            case LOCAL -> json.raw(",").key("label").string(e.label());
            case DROP -> json.raw(",").key("reason").string(e.label());
            case TIMER -> {
                json.raw(",").key("timer").raw("{").key("type").string(e.label()).raw(",").key("body");
                body(json, e.detail());
                json.raw("}");
            }
            case PARTITION -> {
                json.raw(",").key("groups").raw("[");
                List<List<Integer>> groups = e.groups();
                for (int g = 0; g < groups.size(); g++) {
                    json.raw(g > 0 ? ",[" : "[");
                    for (int k = 0; k < groups.get(g).size(); k++) {
                        json.raw(k > 0 ? "," : "").string(json.node(groups.get(g).get(k)));
                    }
                    json.raw("]");
                }
                json.raw("]");
            }
            case CUT -> {
                List<Integer> link = e.link();
                json.raw(",").key("link").raw("[").string(json.node(link.get(0))).raw(",").string(json.node(link.get(1))).raw("]");
            }
            case HEAL -> {
                List<List<Integer>> links = e.healedLinks();
                if (!links.isEmpty()) {
                    json.raw(",").key("links").raw("[");
                    for (int k = 0; k < links.size(); k++) {
                        json.raw(k > 0 ? ",[" : "[").string(json.node(links.get(k).get(0))).raw(",")
                                .string(json.node(links.get(k).get(1))).raw("]");
                    }
                    json.raw("]");
                }
            }
            case INVOKE, COMPLETE -> {
                HistoryOp op = (HistoryOp) e.detail();
                json.raw(",").key("op").raw("{").key("process").string(op.process()).raw(",").key("type").string(op.type())
                        .raw(",").key("f").string(op.f()).raw(",").key("value").value(op.value()).raw("}");
            }
            default -> {
            }
        }
        if (e.duplicate()) {
            json.raw(",").key("duplicate").raw("true");
        }
        if (e.onTimeline()) {
            json.raw(",").key("past").raw("{");
            int[] past = e.pastRaw();
            for (int k = 0; k < past.length; k++) {
                json.raw(k > 0 ? "," : "").key(json.node(k)).raw(Integer.toString(past[k]));
            }
            json.raw("}");
        }
        if (e.violation()) {
            json.raw(",").key("violation").raw("true");
        }
    }

    private static String quoted(Json json, int node) {
        return "\"" + json.node(node) + "\"";
    }

    private static void body(Json json, Object value) {
        if (value instanceof Record r) {
            json.record(r);
        } else {
            json.raw("{}");
        }
    }
}
