import dev.quorum.demo.AllDemos;
import dev.quorum.demo.engine.Demo;
import dev.quorum.demo.engine.Params;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;

/**
 * The clock demos as a request runs them: the largest run the parameters allow (8 nodes, 40 steps each,
 * loss, duplication, a crash and clock skew), simulated and written as JSON, in thread CPU time. Uses only
 * the public demo API, so engine-versus.sh runs the same file against an older engine's classpath:
 *   java -cp CLASSPATH src/test/scripts/ClockThroughput.java
 */
public class ClockThroughput {
    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, String> big = Map.of("nodes", "8", "steps", "40", "lossPercent", "5", "duplicatePercent", "5",
                "crashes", "1", "skewMs", "20");
        long sink = 0;
        for (int round = 0; round < 8; round++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            long events = 0;
            for (String id : new String[] {"lamport-clocks", "vector-clocks"}) {
                Demo demo = AllDemos.registry().find(id).orElseThrow();
                Params params = Params.parse(demo.params(), big);
                for (int seed = 0; seed < 100; seed++) {
                    var trace = demo.run(demo.variants().get(0), 1000L * round + seed, params);
                    events += trace.events().size();
                    sink += trace.toJson().length();
                }
            }
            double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
            if (round >= 3) {
                System.out.printf("clocks, 8 nodes: %,.0f events per CPU second%n", events / cpu);
            }
        }
        if (sink == 42) {
            System.out.println();
        }
    }
}
