package dev.quorum.demo.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The gossip workload of {@link EngineBenchmark}, timed in CPU time as well as wall time: on a machine shared
 * with other builds, wall time measures the neighbours too, while the thread's CPU time measures the engine.
 * Run with {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.quorum.demo.engine.EngineThroughput}.
 */
public final class EngineThroughput {

    private EngineThroughput() {
    }

    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int events = EngineBenchmark.GOSSIP_EVENTS;
        for (int round = 0; round < 10; round++) {
            EngineBenchmark.gossip(round, events);
        }
        for (int round = 0; round < 5; round++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            int runs = 10;
            for (int k = 0; k < runs; k++) {
                EngineBenchmark.gossip(100 + round * runs + k, events);
            }
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
            double wallSeconds = (System.nanoTime() - wall0) / 1e9;
            System.out.printf("gossip, 5 nodes: %,.0f events per CPU second, %,.0f per wall second%n",
                    runs * events / cpuSeconds, runs * events / wallSeconds);
        }
    }
}
