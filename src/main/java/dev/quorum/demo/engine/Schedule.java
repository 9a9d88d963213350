package dev.quorum.demo.engine;

import java.util.List;

/**
 * Where a run's faults come from: drawn from its seed (the scenario's schedule, the network model's loss,
 * duplication and reordering, each node's clock error up to the scenario's bounds), or exactly the faults
 * listed. A seeded run's trace lists the faults it drew, so {@code explicit(trace.faults())} replays it
 * event for event: the seed still decides latencies and the protocol's own choices.
 */
public record Schedule(boolean seeded, List<Fault> faults) {

    public static final Schedule SEEDED = new Schedule(true, List.of());

    public Schedule {
        faults = faults.stream().sorted(Fault.ORDER).toList();
        if (seeded && !faults.isEmpty()) {
            throw new IllegalArgumentException("a seeded schedule draws its faults; it lists none");
        }
    }

    public static Schedule explicit(List<Fault> faults) {
        return new Schedule(false, faults);
    }

    /** Reads the {@code faults} parameter of a permalink: absent or blank is seeded, anything else explicit. */
    public static Schedule parse(String faults, int nodes) {
        if (faults == null) {
            return SEEDED;
        }
        String list = faults.strip();
        return list.equals("none") ? explicit(List.of()) : list.isEmpty() ? SEEDED : explicit(Fault.parse(list, nodes));
    }

    /** The permalink form: {@code none} for an explicit run without faults. */
    public String text() {
        return seeded ? "" : faults.isEmpty() ? "none" : Fault.text(faults);
    }
}
