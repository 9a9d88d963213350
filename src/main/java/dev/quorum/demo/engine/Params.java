package dev.quorum.demo.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A demo's parameters, checked against its specs: every parameter present, in declaration order. */
public final class Params {

    private final List<ParamSpec> specs;
    private final Map<String, Object> values;

    private Params(List<ParamSpec> specs, Map<String, Object> values) {
        this.specs = specs;
        this.values = Collections.unmodifiableMap(values);
    }

    public static Params defaults(List<ParamSpec> specs) {
        return parse(specs, Map.of());
    }

    /** Checks raw values (as a query string carries them); absent ones take their defaults. */
    public static Params parse(List<ParamSpec> specs, Map<String, String> raw) {
        Map<String, ParamSpec> byName = new LinkedHashMap<>();
        specs.forEach(s -> byName.put(s.name(), s));
        for (String name : raw.keySet().stream().sorted().toList()) {
            if (!byName.containsKey(name)) {
                throw new InvalidParameter("unknown parameter '" + ParamSpec.shown(name) + "' (parameters: "
                        + String.join(", ", byName.keySet()) + ")");
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParamSpec s : specs) {
            String given = raw.get(s.name());
            values.put(s.name(), given == null || given.isBlank() ? s.defaultAsValue() : s.parse(given));
        }
        return new Params(List.copyOf(specs), values);
    }

    public long integer(String name) {
        Object v = values.get(name);
        if (!(v instanceof Long l)) {
            throw new IllegalArgumentException("no integer parameter '" + name + "'");
        }
        return l;
    }

    public int intValue(String name) {
        return Math.toIntExact(integer(name));
    }

    public String choice(String name) {
        Object v = values.get(name);
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException("no choice parameter '" + name + "'");
        }
        return s;
    }

    /** The same parameters with one integer changed (checked against its range). */
    public Params with(String name, long value) {
        ParamSpec spec = specs.stream().filter(s -> s.name().equals(name) && s.kind() == ParamSpec.Kind.INTEGER)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no integer parameter '" + name + "'"));
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(name, spec.checked(value));
        return new Params(specs, copy);
    }

    public List<ParamSpec> specs() {
        return specs;
    }

    /** Name → value (Long or String), in declaration order. */
    public Map<String, Object> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Params p && p.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
