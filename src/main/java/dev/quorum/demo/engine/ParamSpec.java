package dev.quorum.demo.engine;

import java.util.List;

/**
 * One parameter a demo accepts: an integer in [min, max], or one of a list of options. A shrinkable
 * parameter is one the counterexample search may lower to find a smaller failing run (its minimum must be
 * the simplest setting, e.g. 0 for a fault rate).
 */
public record ParamSpec(String name, Kind kind, long min, long max, long defaultValue, List<String> options,
        String defaultOption, String description, boolean shrinkable) {

    public enum Kind {
        INTEGER, CHOICE;

        public String json() {
            return this == INTEGER ? "integer" : "choice";
        }
    }

    public ParamSpec {
        if (!name.matches("[a-z][a-zA-Z]*")) {
            throw new IllegalArgumentException("a parameter name is camelCase letters, got '" + name + "'");
        }
        options = List.copyOf(options);
        if (kind == Kind.INTEGER) {
            Check.range(name + " default", defaultValue, min, max);
        } else if (!options.contains(defaultOption)) {
            throw new IllegalArgumentException(name + " default must be one of its options");
        }
    }

    /** Several lists of specs as one, in order: a demo's own around the ones shared with others ({@link NetworkParams}). */
    @SafeVarargs
    public static List<ParamSpec> join(List<ParamSpec>... parts) {
        List<ParamSpec> all = new java.util.ArrayList<>();
        for (List<ParamSpec> part : parts) {
            all.addAll(part);
        }
        return List.copyOf(all);
    }

    public static ParamSpec integer(String name, long min, long max, long defaultValue, String description) {
        return new ParamSpec(name, Kind.INTEGER, min, max, defaultValue, List.of(), "", description, false);
    }

    public static ParamSpec choice(String name, List<String> options, String defaultOption, String description) {
        return new ParamSpec(name, Kind.CHOICE, 0, 0, 0, options, defaultOption, description, false);
    }

    /** The same parameter, marked as one the counterexample search may lower. */
    public ParamSpec asShrinkable() {
        return new ParamSpec(name, kind, min, max, defaultValue, options, defaultOption, description, true);
    }

    /** The default as the trace writes it: a Long or a String. */
    public Object defaultAsValue() {
        return kind == Kind.INTEGER ? (Object) defaultValue : defaultOption;
    }

    /** Parses one value the way a query string carries it. */
    Object parse(String raw) {
        String v = raw.trim();
        if (kind == Kind.CHOICE) {
            if (!options.contains(v)) {
                throw new InvalidParameter("parameter '" + name + "' must be one of " + String.join(", ", options)
                        + ", got '" + shown(v) + "'");
            }
            return v;
        }
        long value;
        try {
            value = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new InvalidParameter("parameter '" + name + "' must be an integer between " + min + " and " + max
                    + ", got '" + shown(v) + "'");
        }
        return checked(value);
    }

    long checked(long value) {
        if (value < min || value > max) {
            throw new InvalidParameter("parameter '" + name + "' must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    /** A value as an error message may quote it: printable and short. */
    static String shown(String raw) {
        String printable = raw.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "…";
    }
}
