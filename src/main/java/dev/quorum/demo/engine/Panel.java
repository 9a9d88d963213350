package dev.quorum.demo.engine;

import java.util.List;
import java.util.Locale;

/**
 * A view a demo asks for beside its space-time diagram, following playback. {@code values} names the
 * annotations it shows (none for the history).
 */
public record Panel(Kind kind, List<String> values) {

    public enum Kind {
        /** One row per node, one column per value: each node's latest value at the step shown. */
        STATE,
        /** Scalar or interval values over simulated time, one line (or band) per node. */
        CHART,
        /** The client history: a bar per operation from invocation to completion. */
        HISTORY;

        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Panel {
        values = List.copyOf(values);
    }

    public static Panel state(String... values) {
        return new Panel(Kind.STATE, List.of(values));
    }

    public static Panel chart(String... values) {
        return new Panel(Kind.CHART, List.of(values));
    }

    public static Panel history() {
        return new Panel(Kind.HISTORY, List.of());
    }
}
