package dev.quorum.demo.engine;

import dev.quorum.demo.AllDemos;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Map;

/**
 * How long a counterexample search takes to find and shrink each broken variant's failure, in the thread's CPU
 * time (wall time on a shared machine measures the neighbours too): with the default parameters and with every
 * fault switched on. Not a test. Run with
 * {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.quorum.demo.engine.ShrinkTiming}.
 */
public final class ShrinkTiming {

    private static final int REPEATS = 15;
    private static final Map<String, String> ALL_FAULTS = Map.of("nodes", "4", "steps", "8", "lossPercent", "20",
            "duplicatePercent", "20", "reorderPercent", "30", "crashes", "2", "partitionMs", "60", "skewMs", "40", "driftPpm", "5000");

    private ShrinkTiming() {
    }

    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.printf("%-32s %-10s %10s %10s %7s %7s %7s%n", "variant", "params", "median ms", "max ms", "runs", "events", "faults");
        for (Demo demo : AllDemos.list()) {
            for (Variant v : demo.variants()) {
                if (v.correct()) {
                    continue;
                }
                for (String setting : new String[] {"default", "faults"}) {
                    Params params = setting.equals("default") ? Params.defaults(demo.params()) : Params.parse(demo.params(), ALL_FAULTS);
                    double[] ms = new double[REPEATS];
                    CounterexampleSearch.Result last = null;
                    for (int k = -3; k < REPEATS; k++) {
                        long cpu0 = threads.getCurrentThreadCpuTime();
                        last = CounterexampleSearch.search(demo, v, params, 1, 100, CounterexampleSearch.Budget.of(2_000, 400_000));
                        if (k >= 0) {
                            ms[k] = (threads.getCurrentThreadCpuTime() - cpu0) / 1e6;
                        }
                    }
                    Arrays.sort(ms);
                    Trace t = last.trace().orElse(null);
                    System.out.printf("%-32s %-10s %10.1f %10.1f %7d %7s %7s%n", demo.id() + "/" + v.name(), setting,
                            ms[REPEATS / 2], ms[REPEATS - 1], last.runs(), t == null ? "-" : t.events().size(),
                            t == null ? "-" : t.faults().size());
                }
            }
        }
    }
}
