package dev.quorum.demo.engine;

import java.util.SplittableRandom;

/** How long the network takes to deliver one message, in simulated milliseconds. */
public sealed interface Latency {

    /** Draws one delay. Every distribution consumes exactly one value, so a stream's later draws do not shift. */
    long sampleMs(SplittableRandom random);

    long meanMs();

    record Constant(long ms) implements Latency {
        public Constant {
            Check.range("latency", ms, 0, Limits.LATENCY_MS_MAX);
        }

        @Override
        public long sampleMs(SplittableRandom random) {
            random.nextLong();
            return ms;
        }

        @Override
        public long meanMs() {
            return ms;
        }
    }

    /** Uniform over [minMs, maxMs], both ends included. */
    record Uniform(long minMs, long maxMs) implements Latency {
        public Uniform {
            Check.range("latency minimum", minMs, 0, Limits.LATENCY_MS_MAX);
            Check.range("latency maximum", maxMs, minMs, Limits.LATENCY_MS_MAX);
        }

        @Override
        public long sampleMs(SplittableRandom random) {
            return minMs + Math.floorMod(random.nextLong(), maxMs - minMs + 1);
        }

        @Override
        public long meanMs() {
            return (minMs + maxMs) / 2;
        }
    }

    /** Exponential with the given mean, cut at 20 means so one draw cannot stall a run. */
    record Exponential(long meanMs) implements Latency {
        public Exponential {
            Check.range("latency mean", meanMs, 1, Limits.LATENCY_MS_MAX);
        }

        @Override
        public long sampleMs(SplittableRandom random) {
            // StrictMath: the same bits on every JVM and CPU, so traces stay byte-identical everywhere.
            double u = random.nextDouble();
            long ms = Math.round(-meanMs * StrictMath.log(1.0 - u));
            return Math.min(ms, 20 * meanMs);
        }
    }

    static Latency named(String distribution, long meanMs) {
        return switch (distribution) {
            case "constant" -> new Constant(meanMs);
            case "uniform" -> new Uniform(0, 2 * meanMs);
            case "exponential" -> new Exponential(Math.max(1, meanMs));
            default -> throw new IllegalArgumentException("unknown latency distribution '" + distribution
                    + "' (distributions: constant, uniform, exponential)");
        };
    }
}
