package dev.quorum.demo.raft;

import dev.quorum.demo.engine.CounterexampleSearch;
import dev.quorum.demo.engine.Demo;
import dev.quorum.demo.engine.Params;
import dev.quorum.demo.engine.Trace;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Map;

/**
 * How long a counterexample search takes to find and shrink each broken Raft variant's failure, in the thread's CPU
 * time, with the parameters RaftFaultsTest searches under (plain: a cut link that stays, among other faults;
 * forgets-vote: three crashes), after three warm-up searches. Not a test. Run with
 * {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.quorum.demo.raft.RaftShrinkTiming}.
 */
public final class RaftShrinkTiming {

    private static final int REPEATS = 5;

    private RaftShrinkTiming() {
    }

    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Demo demo = RaftFaultsTest.demo();
        System.out.printf("%-26s %10s %10s %6s %6s %7s %7s%n", "variant", "median ms", "max ms", "tried", "runs", "events", "faults");
        Map<String, Map<String, String>> settings = Map.of("plain", RaftFaultsTest.CUT_AND_MORE,
                "forgets-vote", Map.of("crashes", "3", "runMs", "2000"));
        for (String variant : new String[] {"plain", "forgets-vote"}) {
            Params params = RaftFaultsTest.params(settings.get(variant));
            double[] ms = new double[REPEATS];
            CounterexampleSearch.Result last = null;
            for (int k = -3; k < REPEATS; k++) {
                long cpu0 = threads.getCurrentThreadCpuTime();
                last = CounterexampleSearch.search(demo, demo.variant(variant), params, 1, 100, CounterexampleSearch.Budget.of(3_000, 3_000_000));
                if (k >= 0) {
                    ms[k] = (threads.getCurrentThreadCpuTime() - cpu0) / 1e6;
                }
            }
            Arrays.sort(ms);
            Trace t = last.trace().orElse(null);
            System.out.printf("%-26s %10.1f %10.1f %6d %6d %7s %7s%n", "raft-election/" + variant, ms[REPEATS / 2], ms[REPEATS - 1],
                    last.tried(), last.runs(), t == null ? "-" : t.events().size(), t == null ? "-" : t.faults().size());
        }
    }
}
