package dev.quorum.demo.engine;

import java.util.Locale;

/**
 * A value a protocol declares its events may carry: its name (the key in an event's {@code values}), its
 * kind, and how a reader sees it. Viewers render any protocol from these declarations alone.
 *
 * @param unit a unit for numbers ({@code "ms"}), or empty
 * @param diagram whether the diagram draws the value beside each event by default
 * @param description one sentence, for a tooltip
 */
public record Annotation(String name, Kind kind, String label, String unit, boolean diagram, String description) {

    /** The vocabulary of values; docs/trace-format.md says how each is written and drawn. */
    public enum Kind {
        SCALAR, VECTOR, INTERVAL, REGISTER, ROLE, LOG;

        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Annotation {
        if (name == null || !name.matches("[a-z][A-Za-z0-9]{0,31}")) {
            throw new IllegalArgumentException("an annotation name is a short camelCase word, got '" + name + "'");
        }
        if (kind == null || label == null || label.isBlank() || unit == null || description == null) {
            throw new IllegalArgumentException("annotation '" + name + "' needs a kind, a label, a unit (maybe empty) and a description");
        }
    }

    /** A value not drawn on the diagram and without a unit; {@link #onDiagram()} and {@link #unit(String)} change that. */
    public static Annotation of(String name, Kind kind, String label, String description) {
        return new Annotation(name, kind, label, "", false, description);
    }

    public Annotation onDiagram() {
        return new Annotation(name, kind, label, unit, true, description);
    }

    public Annotation unit(String unit) {
        return new Annotation(name, kind, label, unit, diagram, description);
    }
}
