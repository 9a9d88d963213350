package dev.quorum.demo.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How a run describes itself to a reader: the values its events may carry and the panels beside the diagram.
 * Checked when built, so a trace never names a value it does not declare.
 */
public record Display(List<Annotation> annotations, List<Panel> panels) {

    public static final Display NONE = new Display(List.of(), List.of());

    public Display {
        annotations = List.copyOf(annotations);
        panels = List.copyOf(panels);
        Set<String> names = new HashSet<>();
        for (Annotation a : annotations) {
            if (!names.add(a.name())) {
                throw new IllegalArgumentException("annotation '" + a.name() + "' is declared twice");
            }
        }
        for (Panel p : panels) {
            if (p.kind() == Panel.Kind.HISTORY && !p.values().isEmpty()) {
                throw new IllegalArgumentException("the history panel shows the history, not values");
            }
            for (String v : p.values()) {
                Annotation a = annotations.stream().filter(x -> x.name().equals(v)).findFirst().orElseThrow(
                        () -> new IllegalArgumentException("panel " + p.kind().json() + " names the undeclared value '" + v + "'"));
                if (p.kind() == Panel.Kind.CHART && a.kind() != Annotation.Kind.SCALAR && a.kind() != Annotation.Kind.INTERVAL) {
                    throw new IllegalArgumentException("a chart plots scalars and intervals, not " + a.kind().json() + " '" + v + "'");
                }
            }
        }
    }

    public static Display of(List<Annotation> annotations, List<Panel> panels) {
        return new Display(annotations, panels);
    }

    /** The declaration's position, or -1. */
    int indexOf(String name) {
        for (int k = 0; k < annotations.size(); k++) {
            if (annotations.get(k).name().equals(name)) {
                return k;
            }
        }
        return -1;
    }

    public Optional<Annotation> annotation(String name) {
        int k = indexOf(name);
        return k < 0 ? Optional.empty() : Optional.of(annotations.get(k));
    }
}
