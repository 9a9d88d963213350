package dev.quorum.demo.paxos;

import dev.quorum.demo.engine.Annotation;
import dev.quorum.demo.engine.Demo;
import dev.quorum.demo.engine.Display;
import dev.quorum.demo.engine.Fault;
import dev.quorum.demo.engine.Guide;
import dev.quorum.demo.engine.Limits;
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
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Single-decree Paxos as "Paxos Made Simple" gives it: proposers (nodes n1 to nP, each with its own value vK)
 * and acceptors (the nodes after them), two phases, learners left implicit (the checks watch acceptances).
 * Checks: agreement and validity; whether and when a value was chosen is reported, never checked.
 */
public final class SingleDecreePaxos implements Demo {

    static final Variant CORRECT = new Variant("correct", true,
            "Acceptors keep their promise and accepted proposal on disk; a proposer with promises from a majority "
                    + "proposes the value of the highest-numbered proposal they report, or its own if they report none.");
    static final Variant FORGETS_PROMISE = new Variant("forgets-promise", false,
            "Acceptors keep their promise and accepted proposal in memory only: after a crash and restart they have "
                    + "promised and accepted nothing, so a second value can be chosen.");
    static final Variant IGNORES_ACCEPTED = new Variant("ignores-accepted", false,
            "A proposer always proposes its own value, ignoring what the promises report; two proposers, one after "
                    + "the other, can then each get their own value chosen.");

    static final String ROLE = "role";
    static final String BALLOT = "ballot";
    static final String VALUE = "value";
    static final String PROPOSAL = "proposal";
    static final String PROMISED = "promised";
    static final String ACCEPTED = "accepted";

    private static final List<Annotation> VALUES = List.of(
            Annotation.of(ROLE, Annotation.Kind.ROLE, "Role",
                    "A proposer's phase: preparing (phase 1), accepting (phase 2), chosen, or gave-up"),
            Annotation.of(BALLOT, Annotation.Kind.SCALAR, "Ballot", "The ballot the proposer is working on; 0 before its first").onDiagram(),
            Annotation.of(VALUE, Annotation.Kind.REGISTER, "Own value", "The value this proposer would like chosen"),
            Annotation.of(PROPOSAL, Annotation.Kind.REGISTER, "Proposal",
                    "What the proposer asked acceptors to accept in phase 2 of its ballot, or nil before that"),
            Annotation.of(PROMISED, Annotation.Kind.SCALAR, "Promised",
                    "The highest ballot this acceptor has promised; it answers no prepare and accepts no proposal below it").onDiagram(),
            Annotation.of(ACCEPTED, Annotation.Kind.REGISTER, "Accepted",
                    "The proposal this acceptor accepted last, as ballot:value, or nil").onDiagram());

    private static final List<ParamSpec> PARAMS = ParamSpec.join(List.of(
            ParamSpec.integer("proposers", 1, 3, 2, "Proposers, each with its own value (nodes n1 onwards)").asShrinkable(),
            ParamSpec.integer("acceptors", 3, 7, 3, "Acceptors (the nodes after the proposers); a majority chooses").asShrinkable(),
            ParamSpec.integer("ballots", 1, 30, 8, "Ballots a proposer tries before it gives up").asShrinkable(),
            ParamSpec.integer("timeoutMs", 10, 2000, 60, "How long a proposer waits for a majority before its next ballot"),
            ParamSpec.integer("jitterPercent", 0, 200, 100,
                    "Random extra wait on each timeout, up to this share of timeoutMs, on the proposer's own clock").asShrinkable()),
            NetworkParams.specs(10),
            List.of(
            ParamSpec.integer("crashes", 0, 3, 0, "Crashes, each of a random acceptor that restarts half a timeout later").asShrinkable(),
            ParamSpec.integer("partitionMs", 0, 2000, 0, "Length of a partition cutting the last acceptor off, early in the run").asShrinkable(),
            ParamSpec.integer("skewMs", 0, 1000, 0, "Largest error of a node's clock, drawn per node").asShrinkable(),
            ParamSpec.integer("driftPpm", 0, 100_000, 0, "Largest rate error of a node's clock; timeouts run on it").asShrinkable()));

    @Override
    public String id() {
        return "paxos";
    }

    @Override
    public String title() {
        return "Single-decree Paxos";
    }

    @Override
    public String summary() {
        return "Proposers with different values and a majority of acceptors agree on one; the checks: at most one value "
                + "is ever chosen, and it is one that was proposed.";
    }

    @Override
    public List<Variant> variants() {
        return List.of(CORRECT, FORGETS_PROMISE, IGNORES_ACCEPTED);
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public List<Guide> guides() {
        return PaxosGuides.ALL;
    }

    @Override
    public Scenario scenario(Variant variant, Params p, long seed) {
        String name = variant(variant.name()).name();
        int proposers = p.intValue("proposers");
        int acceptors = p.intValue("acceptors");
        long timeoutMs = p.integer("timeoutMs");
        List<Node> nodes = new ArrayList<>();
        for (int k = 0; k < proposers; k++) {
            nodes.add(new Proposer(k, proposers, proposers, acceptors, !name.equals(IGNORES_ACCEPTED.name()), timeoutMs,
                    p.intValue("jitterPercent"), p.intValue("ballots")));
        }
        for (int k = 0; k < acceptors; k++) {
            nodes.add(new Acceptor(!name.equals(FORGETS_PROMISE.name())));
        }
        NetworkModel network = NetworkParams.network(p);
        Display display = Display.of(VALUES, List.of(Panel.state(ROLE, BALLOT, PROPOSAL, PROMISED, ACCEPTED)));
        return new Scenario(nodes, network, faults(p, seed, proposers, nodes.size(), timeoutMs), p.integer("skewMs"), p.integer("driftPpm"),
                List.of(new Agreement(proposers, acceptors), new Validity(proposers, acceptors)), Limits.demo()).withDisplay(display);
    }


    /**
     * Crashes of random acceptors (whose state is what a crash can lose) at random times in the first two timeouts,
     * when the first ballots are decided, each down for half a timeout; then the partition.
     */
    private static List<Fault> faults(Params p, long seed, int proposers, int nodes, long timeoutMs) {
        SplittableRandom random = RandomStreams.faults(seed);
        List<Fault> faults = new ArrayList<>();
        long spanMs = 2 * timeoutMs;
        long downMs = Math.max(1, timeoutMs / 2);
        SeededFaults.crashes(faults, random, p.intValue("crashes"), proposers, nodes, spanMs, downMs);
        long partitionMs = p.integer("partitionMs");
        if (partitionMs > 0) {
            SeededFaults.cutOff(faults, nodes - 1, Math.max(1, timeoutMs / 2), partitionMs);
        }
        return faults;
    }
}
