package dev.quorum.demo.paxos;

import dev.quorum.demo.engine.Context;
import dev.quorum.demo.engine.Message;
import dev.quorum.demo.engine.Node;
import dev.quorum.demo.engine.Value;

/**
 * An acceptor: it promises ballot n only if n is larger than any ballot it promised, and accepts (n, v) unless
 * it promised a larger ballot. Its promise and its accepted proposal are fields of this object, which survives
 * a crash: they play the part of stable storage. The {@code forgets-promise} acceptor keeps them in memory only
 * and starts from nothing after a restart.
 */
final class Acceptor implements Node {

    private final boolean durable;
    private long promised;
    private long acceptedBallot;
    private String acceptedValue;

    Acceptor(boolean durable) {
        this.durable = durable;
    }

    @Override
    public void onStart(Context ctx) {
    }

    @Override
    public void onRecover(Context ctx) {
        String me = ctx.name(ctx.self());
        if (!durable) {
            promised = 0;
            acceptedBallot = 0;
            acceptedValue = null;
        }
        show(ctx);
        long p = promised;
        String a = accepted();
        ctx.describe(durable
                ? () -> "acceptor " + me + " restarts and reads its promise (" + p + ") and accepted proposal (" + a + ") back from disk"
                : () -> "acceptor " + me + " restarts with an empty memory: it has forgotten its promise and what it accepted");
    }

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        String me = ctx.name(ctx.self());
        String sender = ctx.name(from);
        if (message instanceof PaxosMessage.Prepare p) {
            long before = promised;
            if (p.ballot() > promised) {
                promised = p.ballot();
                show(ctx);
                String a = accepted();
                ctx.describe(() -> "acceptor " + me + " promises ballot " + p.ballot() + " to " + sender
                        + (a.equals("nil") ? " and reports it has accepted nothing"
                                : " and reports its accepted " + a));
                ctx.send(from, new PaxosMessage.Promise(p.ballot(), acceptedBallot, acceptedValue));
            } else {
                show(ctx);
                ctx.describe(() -> "acceptor " + me + " ignores " + sender + "'s prepare for ballot " + p.ballot()
                        + ": it has already promised ballot " + before);
            }
        } else if (message instanceof PaxosMessage.Accept a) {
            long before = promised;
            if (a.ballot() >= promised) {
                promised = a.ballot();
                acceptedBallot = a.ballot();
                acceptedValue = a.value();
                show(ctx);
                ctx.describe(() -> "acceptor " + me + " accepts " + PaxosMessage.proposal(a.ballot(), a.value())
                        + " from " + sender + ": it has promised no higher ballot");
                ctx.send(from, new PaxosMessage.Accepted(a.ballot(), a.value()));
            } else {
                show(ctx);
                ctx.describe(() -> "acceptor " + me + " rejects " + PaxosMessage.proposal(a.ballot(), a.value())
                        + " from " + sender + ": it has promised the higher ballot " + before);
            }
        }
    }

    private String accepted() {
        return acceptedValue == null ? "nil" : PaxosMessage.proposal(acceptedBallot, acceptedValue);
    }

    private void show(Context ctx) {
        ctx.annotate(SingleDecreePaxos.PROMISED, Value.scalar(promised));
        ctx.annotate(SingleDecreePaxos.ACCEPTED, Value.register(acceptedValue == null ? null : accepted()));
    }
}
