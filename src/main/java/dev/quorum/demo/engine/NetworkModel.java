package dev.quorum.demo.engine;

/**
 * What the network does to each message: a delay drawn from {@code latency}; loss, duplication and
 * reordering (an extra delay of up to four mean latencies) each with its own probability. Partitions are
 * scheduled {@link Fault}s, not part of the model.
 */
public record NetworkModel(Latency latency, double loss, double duplication, double reordering) {

    public NetworkModel {
        if (latency == null) {
            throw new IllegalArgumentException("a network model needs a latency distribution");
        }
        Check.probability("loss", loss);
        Check.probability("duplication", duplication);
        Check.probability("reordering", reordering);
    }

    /** A network that delivers everything exactly once after a constant delay. */
    public static NetworkModel reliable(long latencyMs) {
        return new NetworkModel(new Latency.Constant(latencyMs), 0, 0, 0);
    }
}
