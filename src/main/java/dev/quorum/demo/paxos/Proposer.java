package dev.quorum.demo.paxos;

import dev.quorum.demo.engine.Context;
import dev.quorum.demo.engine.Message;
import dev.quorum.demo.engine.Node;
import dev.quorum.demo.engine.Timer;
import dev.quorum.demo.engine.Value;
import java.util.HashSet;
import java.util.Set;

/**
 * A proposer with its own value. It prepares ballot round × proposers + index (unique to it), and on promises
 * from a majority of acceptors asks them to accept the value of the highest-numbered proposal they reported,
 * or its own if they reported none. If it has no majority of promises or acceptances when a randomized timeout
 * on its own clock fires, it tries again with its next ballot, up to a bound. Its round counter survives a
 * crash, so it never reuses a ballot; what it collected for the ballot in progress does not.
 */
final class Proposer implements Node {

    /** The first prepare, a little after the start. */
    record Start() implements Timer {
    }

    /** No majority for {@code ballot} in time: try the next one. */
    record Timeout(long ballot) implements Timer {
    }

    static final String PREPARING = "preparing";
    static final String ACCEPTING = "accepting";
    static final String CHOSEN = "chosen";
    static final String GAVE_UP = "gave-up";

    private final int index;
    private final int proposers;
    private final int firstAcceptor;
    private final int acceptors;
    private final String value;
    private final boolean adoptsAccepted;
    private final long timeoutMs;
    private final int jitterPercent;
    private final int maxBallots;

    private int round;
    private long ballot;
    private String role = PREPARING;
    private final Set<Integer> promises = new HashSet<>();
    private final Set<Integer> acceptances = new HashSet<>();
    private long highestBallot;
    private String highestValue;
    private String proposed;
    private long timer = -1;

    Proposer(int index, int proposers, int firstAcceptor, int acceptors, boolean adoptsAccepted, long timeoutMs,
            int jitterPercent, int maxBallots) {
        this.index = index;
        this.proposers = proposers;
        this.firstAcceptor = firstAcceptor;
        this.acceptors = acceptors;
        this.value = "v" + (index + 1);
        this.adoptsAccepted = adoptsAccepted;
        this.timeoutMs = timeoutMs;
        this.jitterPercent = jitterPercent;
        this.maxBallots = maxBallots;
    }

    private int majority() {
        return acceptors / 2 + 1;
    }

    @Override
    public void onStart(Context ctx) {
        ctx.setTimer(new Start(), 1 + ctx.random().nextLong(1 + timeoutMs / 4));
    }

    @Override
    public void onCrash() {
        promises.clear();
        acceptances.clear();
        timer = -1;
    }

    @Override
    public void onRecover(Context ctx) {
        String me = ctx.name(ctx.self());
        if (role.equals(CHOSEN) || role.equals(GAVE_UP)) {
            show(ctx);
            String r = role;
            ctx.describe(() -> "proposer " + me + " restarts; it is done (" + r + ")");
            return;
        }
        show(ctx);
        int r = round;
        ctx.describe(() -> "proposer " + me + " restarts; its round counter (" + r + ") survived, so its next ballot is new");
        prepare(ctx, "after its restart");
    }

    @Override
    public void onTimer(Context ctx, Timer t) {
        String me = ctx.name(ctx.self());
        if (t instanceof Start) {
            show(ctx);
            ctx.describe(() -> "proposer " + me + " wants " + value + " chosen");
            prepare(ctx, "first");
        } else if (t instanceof Timeout to && to.ballot() == ballot && !role.equals(CHOSEN)) {
            timer = -1;
            int p = promises.size();
            int a = acceptances.size();
            String phase = role;
            show(ctx);
            ctx.describe(() -> "proposer " + me + "'s timeout for ballot " + to.ballot() + " fires with "
                    + (phase.equals(PREPARING) ? p + " promise" + (p == 1 ? "" : "s") : a + " acceptance" + (a == 1 ? "" : "s"))
                    + " of the " + majority() + " it needs");
            prepare(ctx, "again");
        }
    }

    private void prepare(Context ctx, String why) {
        String me = ctx.name(ctx.self());
        if (round >= maxBallots) {
            role = GAVE_UP;
            ctx.local("gives up");
            show(ctx);
            ctx.describe(() -> "proposer " + me + " gives up after " + maxBallots + " ballots without a majority");
            return;
        }
        round++;
        ballot = (long) round * proposers + index;
        role = PREPARING;
        promises.clear();
        acceptances.clear();
        highestBallot = 0;
        highestValue = null;
        proposed = null;
        ctx.local("prepare b" + ballot);
        show(ctx);
        long b = ballot;
        ctx.describe(() -> "proposer " + me + " prepares ballot " + b + " (" + why + "), asking every acceptor for a promise");
        for (int k = firstAcceptor; k < firstAcceptor + acceptors; k++) {
            ctx.send(k, new PaxosMessage.Prepare(ballot));
        }
        arm(ctx);
    }

    private void arm(Context ctx) {
        if (timer >= 0) {
            ctx.cancelTimer(timer);
        }
        long jitter = timeoutMs * jitterPercent / 100;
        timer = ctx.setTimer(new Timeout(ballot), timeoutMs + ctx.random().nextLong(jitter + 1));
    }

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        String me = ctx.name(ctx.self());
        String sender = ctx.name(from);
        if (message instanceof PaxosMessage.Promise p) {
            if (p.ballot() != ballot || !role.equals(PREPARING)) {
                show(ctx);
                ctx.describe(() -> "proposer " + me + " ignores " + sender + "'s promise for ballot " + p.ballot()
                        + ": it is no longer preparing that ballot");
                return;
            }
            promises.add(from);
            if (p.acceptedValue() != null && p.acceptedBallot() > highestBallot) {
                highestBallot = p.acceptedBallot();
                highestValue = p.acceptedValue();
            }
            if (promises.size() < majority()) {
                show(ctx);
                int n = promises.size();
                ctx.describe(() -> "proposer " + me + " has " + n + " promise" + (n == 1 ? "" : "s") + " for ballot " + ballot
                        + " of the " + majority() + " it needs");
                return;
            }
            role = ACCEPTING;
            proposed = adoptsAccepted && highestValue != null ? highestValue : value;
            show(ctx);
            long hb = highestBallot;
            String hv = highestValue;
            String v = proposed;
            ctx.describe(() -> "proposer " + me + " has promises from a majority for ballot " + ballot + "; "
                    + (hv == null ? "none reports an accepted value, so it proposes its own " + value
                            : adoptsAccepted ? "the highest accepted proposal is " + PaxosMessage.proposal(hb, hv) + ", so it proposes "
                                    + hv + (hv.equals(value) ? "" : ", not its own " + value)
                                    : "it ignores the accepted " + PaxosMessage.proposal(hb, hv) + " and proposes its own " + v));
            for (int k = firstAcceptor; k < firstAcceptor + acceptors; k++) {
                ctx.send(k, new PaxosMessage.Accept(ballot, proposed));
            }
            arm(ctx);
        } else if (message instanceof PaxosMessage.Accepted a) {
            if (a.ballot() != ballot || !role.equals(ACCEPTING)) {
                show(ctx);
                ctx.describe(() -> "proposer " + me + " notes " + sender + " accepted " + PaxosMessage.proposal(a.ballot(), a.value())
                        + (role.equals(CHOSEN) ? "; it already knows its value is chosen" : "; it is no longer asking for that ballot"));
                return;
            }
            acceptances.add(from);
            if (acceptances.size() < majority()) {
                show(ctx);
                int n = acceptances.size();
                ctx.describe(() -> "proposer " + me + " has " + n + " acceptance" + (n == 1 ? "" : "s") + " of "
                        + PaxosMessage.proposal(ballot, proposed) + " of the " + majority() + " it needs");
                return;
            }
            role = CHOSEN;
            if (timer >= 0) {
                ctx.cancelTimer(timer);
                timer = -1;
            }
            show(ctx);
            String v = proposed;
            ctx.describe(() -> "a majority of acceptors accepted " + PaxosMessage.proposal(ballot, v) + ": " + v
                    + " is chosen, and proposer " + me + " learns it");
        }
    }

    private void show(Context ctx) {
        ctx.annotate(SingleDecreePaxos.ROLE, Value.role(role));
        ctx.annotate(SingleDecreePaxos.BALLOT, Value.scalar(ballot));
        ctx.annotate(SingleDecreePaxos.VALUE, Value.register(value));
        ctx.annotate(SingleDecreePaxos.PROPOSAL, Value.register(proposed == null ? null : PaxosMessage.proposal(ballot, proposed)));
    }
}
