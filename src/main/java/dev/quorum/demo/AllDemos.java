package dev.quorum.demo;

import dev.quorum.demo.caspaxos.CasPaxos;
import dev.quorum.demo.clocks.LamportClocks;
import dev.quorum.demo.clocks.VectorClocks;
import dev.quorum.demo.paxos.SingleDecreePaxos;
import dev.quorum.demo.raft.RaftElection;
import dev.quorum.demo.engine.Demo;
import dev.quorum.demo.engine.DemoRegistry;
import java.util.List;

/** Every demo Quorum serves, in the order the demo list shows them. A new protocol package adds its demos here. */
public final class AllDemos {

    private AllDemos() {
    }

    public static List<Demo> list() {
        return List.of(new LamportClocks(), new VectorClocks(), new SingleDecreePaxos(), new CasPaxos(), new RaftElection());
    }

    public static DemoRegistry registry() {
        return new DemoRegistry(list());
    }
}
