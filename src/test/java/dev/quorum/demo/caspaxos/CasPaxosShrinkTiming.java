package dev.quorum.demo.caspaxos;

import dev.quorum.demo.engine.CounterexampleSearch;
import dev.quorum.demo.engine.Demo;
import dev.quorum.demo.engine.Params;
import dev.quorum.demo.engine.Trace;
import dev.quorum.demo.engine.Variant;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * How long a counterexample search takes to find and shrink each broken CASPaxos variant's failure, in the
 * thread's CPU time (wall time on a shared machine measures the neighbours too), with the default parameters and
 * with every fault on, after three warm-up searches. Not a test. Run with
 * {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.quorum.demo.caspaxos.CasPaxosShrinkTiming}.
 */
public final class CasPaxosShrinkTiming {

    private static final int REPEATS = 9;

    private CasPaxosShrinkTiming() {
    }

    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Demo demo = CasPaxosFaultsTest.demo();
        System.out.printf("%-32s %-8s %10s %10s %6s %6s %7s %7s%n", "variant", "params", "median ms", "max ms", "tried", "runs", "events",
                "faults");
        for (Variant v : demo.variants()) {
            if (v.correct()) {
                continue;
            }
            for (String setting : new String[] {"default", "faults"}) {
                Params params = setting.equals("default") ? Params.defaults(demo.params())
                        : Params.parse(demo.params(), CasPaxosFaultsTest.ALL_FAULTS);
                double[] ms = new double[REPEATS];
                CounterexampleSearch.Result last = null;
                for (int k = -3; k < REPEATS; k++) {
                    long cpu0 = threads.getCurrentThreadCpuTime();
                    last = CounterexampleSearch.search(demo, v, params, 1, 100, CounterexampleSearch.Budget.of(5_000, 2_000_000));
                    if (k >= 0) {
                        ms[k] = (threads.getCurrentThreadCpuTime() - cpu0) / 1e6;
                    }
                }
                Arrays.sort(ms);
                Trace t = last.trace().orElse(null);
                System.out.printf("%-32s %-8s %10.1f %10.1f %6d %6d %7s %7s%n", "caspaxos/" + v.name(), setting, ms[REPEATS / 2],
                        ms[REPEATS - 1], last.tried(), last.runs(), t == null ? "-" : t.events().size(),
                        t == null ? "-" : t.faults().size());
            }
        }
    }
}
