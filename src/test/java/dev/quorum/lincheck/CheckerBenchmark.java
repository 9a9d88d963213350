package dev.quorum.lincheck;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Optional;

/**
 * How long the checker takes, in the thread's CPU time (wall time on a shared machine measures the neighbours
 * too): register histories of 100, 1,000 and 10,000 operations from 5, 10 and 50 processes, each as simulated
 * (linearizable, values 0 to 4 as in Jepsen's cas-register) and with one read made provably stale, and a
 * 3,000-operation history over 50 keys. A read is provably stale only if no operation could have set its
 * value again in time, which with five values, 50 writers or a few timed-out writes is rarely so: the
 * stale variant then uses the first of 50 or 500 values that allows one (column "values"). Every check
 * gets the same budget; a case that exhausts it prints UNKNOWN and the states it spent. Not a test.
 * Run with
 * {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.quorum.lincheck.CheckerBenchmark}.
 */
public final class CheckerBenchmark {

    private static final Budget BUDGET = Budget.states(2_000_000);
    private static final int VALUES = 5;
    private static final double INFO_SHARE = 0.01;

    private CheckerBenchmark() {
    }

    public static void main(String[] args) {
        System.out.printf("%-22s %7s %6s %6s %5s %-17s %10s %10s %10s%n", "history", "ops", "procs", "values", "info", "verdict",
                "states", "median ms", "max ms");
        for (int ops : new int[] {100, 1_000, 10_000}) {
            for (int processes : new int[] {5, 10, 50}) {
                long seed = ops * 31L + processes;
                time("register", SimulatedHistories.generate(seed, ops, processes, 0, VALUES, INFO_SHARE), Register.empty(), processes,
                        VALUES);
                for (int values : new int[] {VALUES, 50, 500}) {
                    History h = SimulatedHistories.generate(seed, ops, processes, 0, values, INFO_SHARE);
                    Optional<History> stale = SimulatedHistories.withStaleRead(h);
                    if (stale.isPresent()) {
                        if (values != VALUES) {
                            time("register", h, Register.empty(), processes, values);
                        }
                        time("register, stale read", stale.get(), Register.empty(), processes, values);
                        break;
                    }
                }
            }
        }
        for (int processes : new int[] {10, 50}) {
            History kv = SimulatedHistories.generate(3_000L + processes, 3_000, processes, 50, VALUES, INFO_SHARE);
            time("kv, 50 keys", kv, new KeyValueMap(), processes, VALUES);
        }
    }

    private static void time(String name, History h, Model<?> model, int processes, int values) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Linearizability.Result first = Linearizability.check(h, model, BUDGET);
        int repeats = first.verdict() == Verdict.UNKNOWN ? 1 : h.size() <= 1_000 ? 21 : 7;
        for (int k = 0; k < Math.min(repeats, 3); k++) {
            Linearizability.check(h, model, BUDGET);
        }
        double[] ms = new double[repeats];
        for (int k = 0; k < repeats; k++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            Linearizability.check(h, model, BUDGET);
            ms[k] = (threads.getCurrentThreadCpuTime() - cpu0) / 1e6;
        }
        Arrays.sort(ms);
        long info = h.operations().stream().filter(op -> op.outcome() == Outcome.INFO).count();
        System.out.printf("%-22s %7d %6d %6d %5d %-17s %10d %10.2f %10.2f%n", name, h.size(), processes, values, info, first.verdict(),
                first.statesExplored(), ms[repeats / 2], ms[repeats - 1]);
    }
}
