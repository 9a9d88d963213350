package dev.quorum.demo.engine;

import java.util.List;

/**
 * The network's parameters every demo offers, in one place so each demo names them, bounds them and reads
 * them alike: the delay distribution and its mean, and the chances of loss, duplication and reordering.
 */
public final class NetworkParams {

    private NetworkParams() {
    }

    /** {@code latency}, {@code latencyMs} (mean, {@code latencyMsDefault} by default), {@code lossPercent}, {@code duplicatePercent}, {@code reorderPercent}. */
    public static List<ParamSpec> specs(long latencyMsDefault) {
        return specs(latencyMsDefault, 1000);
    }

    /** The same, with the mean delay bounded by {@code latencyMsMax} (a demo whose timeouts assume short delays). */
    public static List<ParamSpec> specs(long latencyMsDefault, long latencyMsMax) {
        return List.of(
                ParamSpec.choice("latency", List.of("constant", "uniform", "exponential"), "exponential",
                        "Distribution of message delays"),
                ParamSpec.integer("latencyMs", 0, latencyMsMax, latencyMsDefault, "Mean message delay"),
                ParamSpec.integer("lossPercent", 0, 50, 0, "Chance that the network loses a message").asShrinkable(),
                ParamSpec.integer("duplicatePercent", 0, 50, 0, "Chance that the network delivers a message twice").asShrinkable(),
                ParamSpec.integer("reorderPercent", 0, 100, 0, "Chance that a message is held back by up to four mean delays").asShrinkable());
    }

    /** The network those parameters describe. */
    public static NetworkModel network(Params p) {
        return new NetworkModel(latency(p), p.integer("lossPercent") / 100.0, p.integer("duplicatePercent") / 100.0,
                p.integer("reorderPercent") / 100.0);
    }

    private static Latency latency(Params p) {
        long mean = p.integer("latencyMs");
        switch (p.choice("latency")) {
            case "constant":
                return new Latency.Constant(mean);
            case "uniform":
                return new Latency.Uniform(0, 2 * mean);
            default:
                return new Latency.Exponential(Math.max(1, mean));
        }
    }
}
