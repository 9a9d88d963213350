package dev.quorum.demo.caspaxos;

import dev.quorum.demo.engine.Annotation;
import dev.quorum.demo.engine.Demo;
import dev.quorum.demo.engine.Display;
import dev.quorum.demo.engine.Fault;
import dev.quorum.demo.engine.Guide;
import dev.quorum.demo.engine.Limits;
import dev.quorum.demo.engine.Linearizable;
import dev.quorum.demo.engine.NetworkModel;
import dev.quorum.demo.engine.NetworkParams;
import dev.quorum.demo.engine.Node;
import dev.quorum.demo.engine.Panel;
import dev.quorum.demo.engine.ParamSpec;
import dev.quorum.demo.engine.Params;
import dev.quorum.demo.engine.RandomStreams;
import dev.quorum.demo.engine.Scenario;
import dev.quorum.demo.engine.SeededFaults;
import dev.quorum.demo.engine.Variant;
import dev.quorum.lincheck.Register;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * CASPaxos (Rystsov, "CASPaxos: Replicated State Machines without logs", 2018) on one register: proposers
 * (nodes n1 to nP), each running the reads, writes and compare-and-sets of the clients on its node, and
 * acceptors (the nodes after them). Every operation is one round of Paxos whose phase 2 writes the operation's
 * change applied to the state phase 1 found. Checks: the clients' history is linearizable, and no acceptor's
 * promise ever goes down.
 */
public final class CasPaxos implements Demo {

    static final Variant CORRECT = new Variant("correct", true,
            "Every operation, reads included, runs both phases; acceptors keep their promise and accepted state on disk "
                    + "and accept only at a ballot no lower than any they have seen.");
    static final Variant ACCEPTS_ANY_BALLOT = new Variant("accepts-any-ballot", false,
            "Acceptors accept whatever state they are sent without comparing its ballot with their promise: a proposer "
                    + "that has been overtaken still gets its accept through, after the acceptors promised a newer round that "
                    + "read the state without it, so both updates are acknowledged and one of them is lost.");
    static final Variant SKIPS_PREPARE = new Variant("skips-prepare", false,
            "After its first round a proposer skips phase 1: it applies each change to the state it remembers and sends "
                    + "the accept at once, so another proposer's updates are lost and its reads and cas see stale state.");

    static final String ROLE = "role";
    static final String BALLOT = "ballot";
    static final String OP = "op";
    static final String STATE = "state";
    static final String PROMISED = "promised";
    static final String ACCEPTED = "accepted";

    /** The linearizability search's budget per check, in states: ample for a demo's few dozen operations. */
    static final long STATES_BUDGET = 200_000;

    private static final List<Annotation> VALUES = List.of(
            Annotation.of(ROLE, Annotation.Kind.ROLE, "Role",
                    "An acceptor, or a proposer's phase: idle, preparing (phase 1), accepting (phase 2) or backing-off"),
            Annotation.of(BALLOT, Annotation.Kind.REGISTER, "Ballot",
                    "The proposer's current ballot, counter.proposer; 0 before its first").onDiagram(),
            Annotation.of(OP, Annotation.Kind.REGISTER, "Operation", "The client operation the proposer is running, or nil"),
            Annotation.of(STATE, Annotation.Kind.REGISTER, "Known state",
                    "The register's state as the proposer last learned it in phase 1 or wrote it in phase 2; nil when it knows none"),
            Annotation.of(PROMISED, Annotation.Kind.REGISTER, "Promised",
                    "The highest ballot this acceptor has promised; it accepts nothing below it").onDiagram(),
            Annotation.of(ACCEPTED, Annotation.Kind.REGISTER, "Accepted",
                    "The state this acceptor accepted last, as ballot:value, or nil").onDiagram());

    private static final List<ParamSpec> PARAMS = ParamSpec.join(List.of(
            ParamSpec.integer("proposers", 1, 3, 2, "Proposers (nodes n1 onwards); clients are shared out among them").asShrinkable(),
            ParamSpec.integer("acceptors", 3, 5, 3, "Acceptors (the nodes after the proposers); a majority decides").asShrinkable(),
            ParamSpec.integer("clients", 2, 4, 3, "Client processes c1 onwards; client k runs on proposer k mod proposers").asShrinkable(),
            ParamSpec.integer("ops", 1, 10, 4, "Operations each client issues, one at a time").asShrinkable(),
            ParamSpec.integer("attempts", 1, 10, 4, "Ballots a proposer tries for one operation before it gives up").asShrinkable(),
            ParamSpec.integer("timeoutMs", 10, 2000, 60, "How long a proposer waits for a majority in each phase"),
            ParamSpec.integer("backoffMs", 1, 1000, 30, "Longest random pause before a proposer tries a higher ballot"),
            ParamSpec.integer("thinkMs", 1, 1000, 40, "Longest random pause between a client's operations")),
            NetworkParams.specs(10),
            List.of(
            ParamSpec.integer("crashes", 0, 3, 0, "Crashes, each of a random node that restarts a timeout later").asShrinkable(),
            ParamSpec.integer("partitionMs", 0, 2000, 0, "Length of a partition cutting the last acceptor off, early in the run").asShrinkable(),
            ParamSpec.integer("skewMs", 0, 1000, 0, "Largest error of a node's clock, drawn per node").asShrinkable(),
            ParamSpec.integer("driftPpm", 0, 100_000, 0, "Largest rate error of a node's clock; timeouts run on it").asShrinkable()));

    @Override
    public String id() {
        return "caspaxos";
    }

    @Override
    public String title() {
        return "CASPaxos";
    }

    @Override
    public String summary() {
        return "Clients read, write and compare-and-set one register through proposers that run a round of Paxos per "
                + "operation, with no log; the check: the clients' history is linearizable.";
    }

    @Override
    public List<Variant> variants() {
        return List.of(CORRECT, ACCEPTS_ANY_BALLOT, SKIPS_PREPARE);
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public List<Guide> guides() {
        return CasPaxosGuides.ALL;
    }

    @Override
    public Scenario scenario(Variant variant, Params p, long seed) {
        String name = variant(variant.name()).name();
        int proposers = p.intValue("proposers");
        int acceptors = p.intValue("acceptors");
        int clients = p.intValue("clients");
        long timeoutMs = p.integer("timeoutMs");
        List<Node> nodes = new ArrayList<>();
        for (int k = 0; k < proposers; k++) {
            List<Integer> mine = new ArrayList<>();
            for (int c = k; c < clients; c += proposers) {
                mine.add(c);
            }
            nodes.add(new Proposer(k, proposers, acceptors, mine, p.intValue("ops"), name.equals(SKIPS_PREPARE.name()), timeoutMs,
                    p.integer("backoffMs"), p.integer("thinkMs"), p.intValue("attempts"), clients));
        }
        for (int k = 0; k < acceptors; k++) {
            nodes.add(new Acceptor(!name.equals(ACCEPTS_ANY_BALLOT.name())));
        }
        NetworkModel network = NetworkParams.network(p);
        Display display = Display.of(VALUES, List.of(Panel.history(), Panel.state(ROLE, BALLOT, OP, STATE, PROMISED, ACCEPTED)));
        return new Scenario(nodes, network, faults(p, seed, nodes.size(), timeoutMs), p.integer("skewMs"), p.integer("driftPpm"),
                List.of(new Linearizable(Register.empty(), STATES_BUDGET), new PromisesOnlyRise(proposers)), Limits.demo())
                .withDisplay(display);
    }


    /**
     * Crashes of random nodes, proposers and acceptors alike, in the first four timeouts, each down for a timeout
     * (an acceptor's state survives on disk; a proposer's operations in flight do not); then the partition.
     */
    private static List<Fault> faults(Params p, long seed, int nodes, long timeoutMs) {
        SplittableRandom random = RandomStreams.faults(seed);
        List<Fault> faults = new ArrayList<>();
        SeededFaults.crashes(faults, random, p.intValue("crashes"), 0, nodes, 4 * timeoutMs, Math.max(1, timeoutMs));
        long partitionMs = p.integer("partitionMs");
        if (partitionMs > 0) {
            SeededFaults.cutOff(faults, nodes - 1, Math.max(1, timeoutMs / 2), partitionMs);
        }
        return faults;
    }
}
