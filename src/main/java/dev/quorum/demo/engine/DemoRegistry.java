package dev.quorum.demo.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The demos on offer, by id, in the order they were given. */
public final class DemoRegistry {

    private final Map<String, Demo> byId = new LinkedHashMap<>();

    public DemoRegistry(List<Demo> demos) {
        for (Demo d : demos) {
            if (!d.id().matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                throw new IllegalArgumentException("a demo id is kebab-case, got '" + d.id() + "'");
            }
            if (byId.putIfAbsent(d.id(), d) != null) {
                throw new IllegalArgumentException("two demos share the id '" + d.id() + "'");
            }
        }
    }

    public List<Demo> all() {
        return List.copyOf(byId.values());
    }

    public Optional<Demo> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    public Set<String> ids() {
        return Set.copyOf(byId.keySet());
    }
}
