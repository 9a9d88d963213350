package dev.quorum.demo.caspaxos;

import dev.quorum.demo.engine.Context;
import dev.quorum.demo.engine.Message;
import dev.quorum.demo.engine.Node;
import dev.quorum.demo.engine.Value;

/**
 * A CASPaxos acceptor. It promises a ballot higher than any it has promised or accepted, reporting what it
 * accepted (and promises the same ballot again to a duplicated prepare, until it accepts at that ballot); it
 * accepts a state at a ballot no lower than its promise and its accepted ballot; otherwise it answers with a
 * conflict naming the ballot it has seen. Its fields survive a crash: they are its stable storage. The
 * {@code accepts-any-ballot} acceptor accepts every state it is sent, whatever it promised.
 */
final class Acceptor implements Node {

    private final boolean checksBallot;
    private Ballot promised = Ballot.ZERO;
    private Ballot acceptedBallot = Ballot.ZERO;
    private Long acceptedValue;

    Acceptor(boolean checksBallot) {
        this.checksBallot = checksBallot;
    }

    @Override
    public void onStart(Context ctx) {
    }

    @Override
    public void onRecover(Context ctx) {
        String me = ctx.name(ctx.self());
        show(ctx);
        String p = promised.text();
        String a = accepted();
        ctx.describe(() -> "acceptor " + me + " restarts and reads its promise (" + p + ") and accepted state (" + a
                + ") back from disk");
    }

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        String me = ctx.name(ctx.self());
        String sender = ctx.name(from);
        if (message instanceof CasMessage.Prepare p) {
            Ballot b = p.ballot();
            boolean again = b.equals(promised) && !acceptedBallot.equals(b);
            if (again || b.above(promised) && b.above(acceptedBallot)) {
                promised = b;
                show(ctx);
                String a = accepted();
                ctx.describe(() -> me + (again ? " promises ballot " + b + " again (the prepare came twice)" : " promises ballot " + b)
                        + " to " + sender
                        + (acceptedBallot.equals(Ballot.ZERO) ? " and reports it has accepted nothing"
                                : " and reports it accepted " + a));
                ctx.send(from, new CasMessage.Promise(b, acceptedBallot, acceptedValue));
            } else {
                Ballot seen = max(promised, acceptedBallot);
                show(ctx);
                ctx.describe(() -> me + " refuses " + sender + "'s prepare for ballot " + b + ": it has already "
                        + (seen.equals(b) ? "accepted a state at that ballot" : "seen the higher ballot " + seen));
                ctx.send(from, new CasMessage.Conflict(b, 1, seen));
            }
        } else if (message instanceof CasMessage.Accept a) {
            Ballot b = a.ballot();
            boolean fresh = !promised.above(b) && !acceptedBallot.above(b);
            if (fresh || !checksBallot) {
                Ballot before = max(promised, acceptedBallot);
                promised = max(promised, b);
                acceptedBallot = b;
                acceptedValue = a.value();
                show(ctx);
                ctx.describe(() -> me + " accepts " + CasMessage.show(a.value()) + " at ballot " + b + " from " + sender
                        + (fresh ? ": it has seen no higher ballot"
                                : ", although it has seen the higher ballot " + before + ": it does not compare ballots"));
                ctx.send(from, new CasMessage.Accepted(b));
            } else {
                Ballot seen = max(promised, acceptedBallot);
                show(ctx);
                ctx.describe(() -> me + " refuses " + CasMessage.show(a.value()) + " at ballot " + b + " from " + sender
                        + ": it has already seen the higher ballot " + seen);
                ctx.send(from, new CasMessage.Conflict(b, 2, seen));
            }
        }
    }

    private static Ballot max(Ballot a, Ballot b) {
        return a.above(b) ? a : b;
    }

    private String accepted() {
        return acceptedBallot.equals(Ballot.ZERO) ? "nothing" : CasMessage.show(acceptedValue) + " at ballot " + acceptedBallot;
    }

    private void show(Context ctx) {
        ctx.annotate(CasPaxos.ROLE, Value.role("acceptor"));
        ctx.annotate(CasPaxos.PROMISED, Value.register(promised.text()));
        ctx.annotate(CasPaxos.ACCEPTED, Value.register(acceptedBallot.equals(Ballot.ZERO) ? null
                : acceptedBallot.text() + ":" + CasMessage.show(acceptedValue)));
    }
}
