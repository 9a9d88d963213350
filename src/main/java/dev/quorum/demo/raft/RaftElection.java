package dev.quorum.demo.raft;

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
 * Raft's leader election (terms, votes, randomized election timeouts, heartbeats), with no log replication:
 * the log is empty, so every candidate is as up to date as any voter. The correct variant adds Pre-Vote and
 * CheckQuorum, which keep a leader in place when one link fails, as in Cloudflare's post-mortem "A Byzantine
 * failure in the real world". Checks: one leader per term (safety) and leader stability within a bound after
 * the last fault (liveness).
 */
public final class RaftElection implements Demo {

    static final Variant CORRECT = new Variant("correct", true,
            "Raft elections with Pre-Vote and CheckQuorum: a node asks for pre-votes before it raises its term, a node "
                    + "that heard from a leader within an election timeout refuses to help unseat it, and a leader that "
                    + "hears from no majority for an election timeout steps down. Term and vote are kept on disk.");
    static final Variant PLAIN = new Variant("plain", false,
            "Raft elections as the paper's §5.2 gives them, with no Pre-Vote and no CheckQuorum: a node that hears "
                    + "from no leader raises its term and campaigns at once, and any higher term makes a leader step down. "
                    + "Safe, but with one link cut a leader and a follower unseat each other forever.");
    static final Variant FORGETS_VOTE = new Variant("forgets-vote", false,
            "The correct variant with its term and vote in memory only: a node that crashes and restarts is back in "
                    + "term 0 and has voted for no one, so once restarted nodes make up a majority, a term that already had "
                    + "a leader can elect a second one.");

    static final String ROLE = "role";
    static final String TERM = "term";
    static final String VOTED_FOR = "votedFor";
    static final String LEADER = "leader";
    static final String TIMEOUT = "timeout";

    /** How long after the start or a fault leader-stability waits, in election timeouts. */
    static final int SETTLE_TIMEOUTS = 8;

    private static final List<Annotation> VALUES = List.of(
            Annotation.of(ROLE, Annotation.Kind.ROLE, "Role", "follower, pre-candidate (asking for pre-votes), candidate or leader"),
            Annotation.of(TERM, Annotation.Kind.SCALAR, "Term",
                    "The node's current term; a node that sees a higher term in any message moves to it").onDiagram(),
            Annotation.of(VOTED_FOR, Annotation.Kind.REGISTER, "Voted for", "Whom the node voted for in its current term, or nil"),
            Annotation.of(LEADER, Annotation.Kind.REGISTER, "Leader", "The leader this node last heard from in its term, or nil"),
            Annotation.of(TIMEOUT, Annotation.Kind.SCALAR, "Election timeout",
                    "The timeout the node drew last, at random between electionMs and twice that: how long it waits "
                            + "for a leader before it campaigns").unit("ms"));

    private static final List<ParamSpec> PARAMS = ParamSpec.join(List.of(
            ParamSpec.integer("nodes", 3, 7, 3, "Servers; a majority elects a leader").asShrinkable(),
            ParamSpec.integer("electionMs", 50, 1000, 150,
                    "Shortest election timeout; each timeout is drawn from [electionMs, 2 × electionMs) on the node's own clock"),
            ParamSpec.integer("heartbeatMs", 10, 500, 50, "How often a leader sends heartbeats"),
            ParamSpec.integer("runMs", 1000, 20_000, 5000, "Length of the run in simulated time")),
            NetworkParams.specs(10, 100),
            List.of(
            ParamSpec.integer("crashes", 0, 3, 0, "Crashes, each of a random node, early in the run; each restarts two election timeouts later")
                    .asShrinkable(),
            ParamSpec.integer("partitionMs", 0, 1000, 0, "Length of a partition cutting a random node off, early in the run").asShrinkable(),
            ParamSpec.choice("cut", List.of("none", "heals", "stays"), "none",
                    "One link between two random nodes fails both ways after the other faults; it heals four election "
                            + "timeouts later, or stays cut to the end"),
            ParamSpec.integer("driftPpm", 0, 100_000, 0, "Largest rate error of a node's clock; timeouts run on it").asShrinkable()));

    @Override
    public String id() {
        return "raft-election";
    }

    @Override
    public String title() {
        return "Raft leader election";
    }

    @Override
    public String summary() {
        return "Servers elect a leader with terms, votes and randomized timeouts, and a cut link between the leader and one "
                + "follower shows why etcd adds Pre-Vote and CheckQuorum; the checks: one leader per term, and a leader that "
                + "lasts once the faults stop. Elections only: there is no log to replicate.";
    }

    @Override
    public List<Variant> variants() {
        return List.of(CORRECT, PLAIN, FORGETS_VOTE);
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public List<Guide> guides() {
        return RaftGuides.ALL;
    }

    @Override
    public Scenario scenario(Variant variant, Params p, long seed) {
        String name = variant(variant.name()).name();
        int n = p.intValue("nodes");
        long electionMs = p.integer("electionMs");
        boolean safeguards = !name.equals(PLAIN.name());
        boolean durable = !name.equals(FORGETS_VOTE.name());
        List<Node> nodes = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            nodes.add(new RaftNode(n, safeguards, safeguards, durable, electionMs, p.integer("heartbeatMs")));
        }
        NetworkModel network = NetworkParams.network(p);
        Display display = Display.of(VALUES, List.of(Panel.state(ROLE, TERM, VOTED_FOR, LEADER, TIMEOUT), Panel.chart(TERM)));
        Limits limits = new Limits(20_000, p.integer("runMs"), 20_000);
        return new Scenario(nodes, network, faults(p, seed, n, electionMs), 0, p.integer("driftPpm"),
                List.of(new OneLeaderPerTerm(), new LeaderStability(n, SETTLE_TIMEOUTS * electionMs, electionMs)), limits)
                .withDisplay(display);
    }


    /**
     * After the first election (two election timeouts in): crashes and the partition within the next four
     * timeouts, then the cut link within four timeouts after the partition has healed, so a cut that stays is
     * not ended by the partition's heal.
     */
    static List<Fault> faults(Params p, long seed, int nodes, long electionMs) {
        SplittableRandom random = RandomStreams.faults(seed);
        List<Fault> faults = new ArrayList<>();
        long start = 2 * electionMs;
        long spanMs = 4 * electionMs;
        List<Fault> drawn = new ArrayList<>();
        SeededFaults.crashes(drawn, random, p.intValue("crashes"), 0, nodes, spanMs, 2 * electionMs);
        long partitionMs = p.integer("partitionMs");
        if (partitionMs > 0) {
            int node = random.nextInt(nodes);
            SeededFaults.cutOff(drawn, node, 1 + random.nextLong(spanMs), partitionMs);
        }
        String cut = p.choice("cut");
        if (!cut.equals("none")) {
            List<Fault> link = new ArrayList<>();
            SeededFaults.cutLink(link, random, nodes, spanMs, cut.equals("heals") ? 4 * electionMs : 0);
            for (Fault f : link) {
                drawn.add(later(f, spanMs + partitionMs));
            }
        }
        for (Fault f : drawn) {
            faults.add(later(f, start));
        }
        return faults;
    }

    private static Fault later(Fault f, long byMs) {
        if (f instanceof Fault.Crash c) {
            return new Fault.Crash(c.atMs() + byMs, c.node());
        }
        if (f instanceof Fault.Recover r) {
            return new Fault.Recover(r.atMs() + byMs, r.node());
        }
        if (f instanceof Fault.Partition pt) {
            return new Fault.Partition(pt.atMs() + byMs, pt.groups());
        }
        if (f instanceof Fault.Cut c) {
            return new Fault.Cut(c.atMs() + byMs, c.a(), c.b());
        }
        return new Fault.Heal(((Fault.Heal) f).atMs() + byMs);
    }
}
