package dev.quorum.demo.engine;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A finished run: what was asked (demo, variant, seed, parameters) and what happened. A pure function of
 * those inputs; {@link #toJson()} writes the documented format ({@code docs/trace-format.md}).
 */
public record Trace(String demo, String variant, long seed, Map<String, Object> params, Schedule schedule,
        List<Fault> faults, List<String> nodes, Display display, List<TraceEvent> events, List<HistoryOp> history, List<CheckResult> checks,
        Stats stats) {

    public static final String FORMAT = "quorum-trace/2";

    public Trace {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        faults = faults.stream().sorted(Fault.ORDER).toList();
        nodes = List.copyOf(nodes);
        events = List.copyOf(events);
        history = List.copyOf(history);
        checks = List.copyOf(checks);
    }

    /** Whether every check held. */
    public boolean ok() {
        return checks.stream().allMatch(CheckResult::ok);
    }

    /** The position of the earliest event that violated any check. */
    public OptionalInt firstViolation() {
        return checks.stream().filter(c -> c.firstViolation().isPresent())
                .mapToInt(c -> c.firstViolation().getAsInt()).min();
    }

    /** The schedule that replays this run with exactly the faults it had. */
    public Schedule replay() {
        return Schedule.explicit(faults);
    }

    /** What {@code e} was, in one line: the protocol's words if it wrote some, the engine's plain ones otherwise. */
    public String text(TraceEvent e) {
        return e.text().orElseGet(() -> EventText.plain(e, nodes));
    }

    public String toJson() {
        return TraceJson.write(this);
    }
}
