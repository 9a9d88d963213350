package dev.quorum.demo.engine;

import dev.quorum.demo.AllDemos;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine's speed, on one thread. {@code gossip}: five nodes that each, every millisecond, tell a random
 * peer the largest value they have heard of, over a network with exponential delays and 1 % loss; every
 * timer firing, send, receive and drop is a trace event, and the score is events per second.
 * {@code lamportDefault} and {@code vectorDefault}: a default demo run, trace JSON included, as the API
 * serves it. Run with {@code ./mvnw -q test-compile exec:exec@bench}; figures in docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Threads(1)
public class EngineBenchmark {

    static final int GOSSIP_EVENTS = 500_000;

    /** Tells a random peer the largest value it knows, once a millisecond. */
    static final class Gossiper implements Node {

        record Rumour(long value) implements Message {
        }

        record Tick() implements Timer {
        }

        private static final Tick TICK = new Tick();
        private long largest;

        @Override
        public void onStart(Context ctx) {
            largest = ctx.random().nextLong(1_000_000);
            ctx.setTimer(TICK, 1);
        }

        @Override
        public void onTimer(Context ctx, Timer timer) {
            int peer = ctx.random().nextInt(ctx.nodeCount() - 1);
            ctx.send(peer >= ctx.self() ? peer + 1 : peer, new Rumour(largest));
            ctx.setTimer(TICK, 1);
        }

        @Override
        public void onMessage(Context ctx, int from, Message message) {
            if (message instanceof Rumour r && r.value() > largest) {
                largest = r.value();
            }
        }
    }

    static Trace gossip(long seed, int events) {
        List<Node> nodes = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            nodes.add(new Gossiper());
        }
        Scenario scenario = new Scenario(nodes, new NetworkModel(new Latency.Exponential(5), 0.01, 0, 0), List.of(), 0, 0,
                List.of(), new Limits(events, Limits.TIME_MS_MAX, 1_000_000));
        return new Simulation(scenario, seed, false).run("gossip", "correct", Map.of());
    }

    private final Demo lamport = AllDemos.registry().find("lamport-clocks").orElseThrow();
    private final Demo vector = AllDemos.registry().find("vector-clocks").orElseThrow();
    private final Params lamportDefaults = Params.defaults(lamport.params());
    private final Params vectorDefaults = Params.defaults(vector.params());
    private long seed;

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(GOSSIP_EVENTS)
    public int gossip() {
        Trace trace = gossip(++seed, GOSSIP_EVENTS);
        if (trace.events().size() != GOSSIP_EVENTS) {
            throw new IllegalStateException("expected " + GOSSIP_EVENTS + " events, got " + trace.events().size());
        }
        return trace.events().size();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public String lamportDefault() {
        return lamport.run(lamport.variant("correct"), ++seed, lamportDefaults).toJson();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public String vectorDefault() {
        return vector.run(vector.variant("correct"), ++seed, vectorDefaults).toJson();
    }
}
