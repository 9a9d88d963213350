package dev.quorum.demo.caspaxos;

import dev.quorum.demo.engine.Context;
import dev.quorum.demo.engine.Message;
import dev.quorum.demo.engine.Node;
import dev.quorum.demo.engine.Timer;
import dev.quorum.demo.engine.Value;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.TreeSet;

/**
 * A CASPaxos proposer and the clients that live on its node. Each client issues a few reads, writes and
 * compare-and-sets, one at a time, after a random pause; the proposer runs them one at a time, in the order
 * they arrive. For each it picks a ballot higher than any it has seen, gathers promises from a majority (phase
 * 1), applies the operation's change function to the state with the highest accepted ballot (read: the same
 * state; write x: x; cas(e, n): n if the state is e, else the same state), and asks the acceptors to accept
 * the result (phase 2). A majority of acceptances completes the operation.
 *
 * <p>A conflict (a majority is no longer possible) or a timeout makes the proposer try again with a higher
 * ballot after a random backoff, a bounded number of times, but only while no accept that changes the state
 * has been sent: such an accept may already have been accepted by a majority, and trying again would apply the
 * change a second time, so the operation ends as indeterminate ({@code info}). An operation that never sent
 * one ends as {@code fail} when the attempts run out. The ballot counter survives a crash, so a ballot is never
 * reused; the operations in flight do not, and their clients, who lived on the node, never hear back.
 *
 * <p>The {@code skips-prepare} proposer runs phase 1 only for its first operation, and after that applies each
 * change to the state it remembers from its own last round and sends the accept at once.
 */
final class Proposer implements Node {

    /** A client's next operation is due. The invoke event it records is the one the reader sees. */
    record ClientTick(int client) implements Timer {
        @Override
        public boolean traced() {
            return false;
        }
    }

    /** No majority for {@code ballot} in time. */
    record Timeout(Ballot ballot) implements Timer {
    }

    /** The random pause after a failed attempt is over; the next attempt's prepare is the event the reader sees. */
    record Backoff(int attempt) implements Timer {
        @Override
        public boolean traced() {
            return false;
        }
    }

    /** One client operation: {@code f} is read, write or cas; cas compares with {@code expected}. */
    record Op(int client, String f, Long expected, Long value) {
        Object historyValue() {
            return f.equals("cas") ? Arrays.asList(expected, value) : f.equals("write") ? value : null;
        }

        String text(String process) {
            switch (f) {
                case "read":
                    return process + "'s read";
                case "write":
                    return process + "'s write of " + value;
                default:
                    return process + "'s cas(" + CasMessage.show(expected) + " → " + value + ")";
            }
        }
    }

    static final String IDLE = "idle";
    static final String PREPARING = "preparing";
    static final String ACCEPTING = "accepting";
    static final String BACKING_OFF = "backing-off";

    /** Each client has at most one operation in flight, and a node serves at most four clients. */
    private static final int OPS_QUEUED_MAX = 4;

    private final int index;
    private final int firstAcceptor;
    private final int acceptors;
    private final List<Integer> clients;
    private final boolean skipsPrepare;
    private final long timeoutMs;
    private final long backoffMs;
    private final long thinkMs;
    private final int attemptsMax;

    private final int[] opsLeft;
    private final int[] issued;
    private final boolean[] waiting;
    private final boolean[] lost;
    private final Long[] lastSeen;

    private long counter;
    private long seenCounter;
    private final Deque<Op> queue = new ArrayDeque<>();
    private Op current;
    private String phase = IDLE;
    private Ballot ballot = Ballot.ZERO;
    private int attempt;
    private boolean changeSent;
    private final TreeSet<Integer> promises = new TreeSet<>();
    private final TreeSet<Integer> accepts = new TreeSet<>();
    private final TreeSet<Integer> conflicts = new TreeSet<>();
    private Ballot highestBallot = Ballot.ZERO;
    private Long highestValue;
    private Long proposed;
    private boolean matched;
    private boolean known;
    private Long state;
    private long timer = -1;

    Proposer(int index, int firstAcceptor, int acceptors, List<Integer> clients, int opsPerClient, boolean skipsPrepare,
            long timeoutMs, long backoffMs, long thinkMs, int attemptsMax, int clientsInAll) {
        this.index = index;
        this.firstAcceptor = firstAcceptor;
        this.acceptors = acceptors;
        this.clients = List.copyOf(clients);
        this.skipsPrepare = skipsPrepare;
        this.timeoutMs = timeoutMs;
        this.backoffMs = backoffMs;
        this.thinkMs = thinkMs;
        this.attemptsMax = attemptsMax;
        this.opsLeft = new int[clientsInAll];
        this.issued = new int[clientsInAll];
        this.waiting = new boolean[clientsInAll];
        this.lost = new boolean[clientsInAll];
        this.lastSeen = new Long[clientsInAll];
        for (int c : clients) {
            opsLeft[c] = opsPerClient;
        }
    }

    static String process(int client) {
        return "c" + (client + 1);
    }

    private int majority() {
        return acceptors / 2 + 1;
    }

    @Override
    public void onStart(Context ctx) {
        for (int c : clients) {
            think(ctx, c);
        }
    }

    private void think(Context ctx, int client) {
        if (opsLeft[client] > 0 && !lost[client]) {
            ctx.setTimer(new ClientTick(client), 1 + ctx.random().nextLong(Math.max(1, thinkMs)));
        }
    }

    @Override
    public void onCrash() {
        for (int c : clients) {
            lost[c] |= waiting[c];
        }
        queue.clear();
        current = null;
        phase = IDLE;
        timer = -1;
        known = false;
        state = null;
    }

    @Override
    public void onRecover(Context ctx) {
        String me = ctx.name(ctx.self());
        show(ctx);
        long c = counter;
        List<String> gone = clients.stream().filter(k -> lost[k]).map(Proposer::process).toList();
        ctx.describe(() -> "proposer " + me + " restarts; its ballot counter (" + c + ") was on disk, so its next ballot is new"
                + (gone.isEmpty() ? "" : "; " + String.join(" and ", gone) + (gone.size() == 1 ? " was" : " were")
                        + " waiting on it and will never hear back"));
        for (int k : clients) {
            if (!lost[k] && !waiting[k]) {
                think(ctx, k);
            }
        }
    }

    @Override
    public void onTimer(Context ctx, Timer t) {
        if (t instanceof ClientTick tick) {
            invoke(ctx, tick.client());
        } else if (t instanceof Backoff b && b.attempt() == attempt && phase.equals(BACKING_OFF)) {
            begin(ctx);
        } else if (t instanceof Timeout to && to.ballot().equals(ballot) && (phase.equals(PREPARING) || phase.equals(ACCEPTING))) {
            timer = -1;
            String me = ctx.name(ctx.self());
            int got = phase.equals(PREPARING) ? promises.size() : accepts.size();
            String what = phase.equals(PREPARING) ? "promise" : "acceptance";
            show(ctx);
            ctx.describe(() -> "proposer " + me + "'s timeout for ballot " + to.ballot() + " fires with " + got + " " + what
                    + (got == 1 ? "" : "s") + " of the " + majority() + " it needs");
            failed(ctx);
        }
    }

    /** A client picks its next operation at random: a read, a write of a value of its own, or a cas from what it saw last. */
    private void invoke(Context ctx, int client) {
        String me = ctx.name(ctx.self());
        String process = process(client);
        issued[client]++;
        opsLeft[client]--;
        long fresh = 10L * issued[client] + client + 1;
        int pick = ctx.random().nextInt(10);
        Op op = pick < 4 ? new Op(client, "read", null, null)
                : pick < 7 ? new Op(client, "write", null, fresh) : new Op(client, "cas", lastSeen[client], fresh);
        waiting[client] = true;
        ctx.invoke(process, op.f(), op.historyValue());
        show(ctx);
        boolean busy = current != null;
        String ahead = busy ? current.text(process(current.client())) : "";
        ctx.describe(() -> "client " + process + " asks " + me + " for a " + (op.f().equals("read") ? "read of the register"
                : op.f().equals("write") ? "write of " + op.value() : "cas from " + CasMessage.show(op.expected()) + " to " + op.value())
                + (busy ? "; " + me + " is busy with " + ahead + ", so it waits its turn" : ""));
        if (busy) {
            if (queue.size() >= OPS_QUEUED_MAX) {
                throw new IllegalStateException("more operations queued at " + me + " than its clients can have in flight");
            }
            queue.addLast(op);
            return;
        }
        current = op;
        attempt = 0;
        changeSent = false;
        begin(ctx);
    }

    /** Starts the next attempt at the current operation: phase 1, or straight to phase 2 for a proposer that skips it. */
    private void begin(Context ctx) {
        String me = ctx.name(ctx.self());
        attempt++;
        counter = Math.max(counter, seenCounter) + 1;
        ballot = new Ballot(counter, index);
        promises.clear();
        accepts.clear();
        conflicts.clear();
        highestBallot = Ballot.ZERO;
        highestValue = null;
        proposed = null;
        String op = current.text(process(current.client()));
        String again = attempt == 1 ? "" : " (attempt " + attempt + ", after a random backoff)";
        if (skipsPrepare && known) {
            ctx.local("accept " + ballot);
            Long s = state;
            decide(s);
            show(ctx);
            Long p = proposed;
            ctx.describe(() -> "proposer " + me + " skips phase 1 for " + op + again + ": it applies the change to the state it "
                    + "remembers, " + CasMessage.show(s) + ", and asks every acceptor to accept " + CasMessage.show(p)
                    + " at ballot " + ballot);
            sendAccepts(ctx);
            return;
        }
        phase = PREPARING;
        ctx.local("prepare " + ballot);
        show(ctx);
        ctx.describe(() -> "proposer " + me + " starts ballot " + ballot + " for " + op + again
                + ": it asks every acceptor to promise it and to report the state it accepted last");
        for (int k = firstAcceptor; k < firstAcceptor + acceptors; k++) {
            ctx.send(k, new CasMessage.Prepare(ballot));
        }
        arm(ctx);
    }

    /** Applies the current operation's change function to {@code s}. */
    private void decide(Long s) {
        state = s;
        switch (current.f()) {
            case "read":
                proposed = s;
                matched = true;
                break;
            case "write":
                proposed = current.value();
                matched = true;
                break;
            default:
                matched = same(s, current.expected());
                proposed = matched ? current.value() : s;
        }
    }

    private boolean changes() {
        return !current.f().equals("read") && matched;
    }

    private void sendAccepts(Context ctx) {
        phase = ACCEPTING;
        changeSent |= changes();
        for (int k = firstAcceptor; k < firstAcceptor + acceptors; k++) {
            ctx.send(k, new CasMessage.Accept(ballot, proposed));
        }
        arm(ctx);
    }

    private void arm(Context ctx) {
        disarm(ctx);
        timer = ctx.setTimer(new Timeout(ballot), timeoutMs);
    }

    private void disarm(Context ctx) {
        if (timer >= 0) {
            ctx.cancelTimer(timer);
            timer = -1;
        }
    }

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        String me = ctx.name(ctx.self());
        String sender = ctx.name(from);
        if (message instanceof CasMessage.Promise p) {
            seenCounter = Math.max(seenCounter, p.acceptedBallot().counter());
            if (!p.ballot().equals(ballot) || !phase.equals(PREPARING)) {
                show(ctx);
                ctx.describe(() -> "proposer " + me + " ignores " + sender + "'s promise for ballot " + p.ballot()
                        + ": it is no longer preparing that ballot");
                return;
            }
            promises.add(from);
            if (p.acceptedBallot().above(highestBallot)) {
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
            decide(highestValue);
            known = true;
            show(ctx);
            String told = highestBallot.equals(Ballot.ZERO) ? "no acceptor reports an accepted state, so the register is empty"
                    : "the highest accepted ballot they report is " + highestBallot + ", so the state is " + CasMessage.show(highestValue);
            String next = next();
            ctx.describe(() -> "proposer " + me + " has promises from a majority for ballot " + ballot + ": " + told + "; " + next);
            sendAccepts(ctx);
        } else if (message instanceof CasMessage.Accepted a) {
            if (!a.ballot().equals(ballot) || !phase.equals(ACCEPTING)) {
                show(ctx);
                ctx.describe(() -> "proposer " + me + " notes that " + sender + " accepted ballot " + a.ballot()
                        + "; it no longer waits for that ballot");
                return;
            }
            accepts.add(from);
            if (accepts.size() < majority()) {
                show(ctx);
                int n = accepts.size();
                ctx.describe(() -> "proposer " + me + " has " + n + " acceptance" + (n == 1 ? "" : "s") + " of "
                        + CasMessage.show(proposed) + " at ballot " + ballot + " of the " + majority() + " it needs");
                return;
            }
            disarm(ctx);
            state = proposed;
            known = true;
            show(ctx);
            Long v = proposed;
            ctx.describe(() -> "a majority has accepted " + CasMessage.show(v) + " at ballot " + ballot + ": it is the register's state");
            finish(ctx, matched ? "ok" : "fail", true);
        } else if (message instanceof CasMessage.Conflict c) {
            seenCounter = Math.max(seenCounter, c.seen().counter());
            String phaseNow = c.phase() == 1 ? PREPARING : ACCEPTING;
            if (!c.ballot().equals(ballot) || !phase.equals(phaseNow)) {
                show(ctx);
                ctx.describe(() -> "proposer " + me + " notes " + sender + "'s refusal of ballot " + c.ballot()
                        + " (it has seen " + c.seen() + "); it no longer waits for that");
                return;
            }
            conflicts.add(from);
            known = skipsPrepare ? false : known;
            int refusals = conflicts.size();
            boolean beaten = refusals > acceptors - majority();
            show(ctx);
            ctx.describe(() -> "proposer " + me + " learns from " + sender + " that ballot " + c.seen() + " beat " + ballot
                    + (beaten ? ": with " + refusals + " refusal" + (refusals == 1 ? "" : "s") + " no majority is possible"
                            : ": one refusal, a majority is still possible"));
            if (beaten) {
                disarm(ctx);
                failed(ctx);
            }
        }
    }

    /** What phase 2 will do, in words, once {@link #decide} has run. */
    private String next() {
        String s = CasMessage.show(state);
        switch (current.f()) {
            case "read":
                return "a read changes nothing, so it asks the acceptors to accept " + s + " again at the new ballot";
            case "write":
                return "it asks the acceptors to accept " + current.value();
            default:
                return matched ? "the cas expects " + CasMessage.show(current.expected()) + " and finds it, so it asks the acceptors to accept "
                        + current.value()
                        : "the cas expects " + CasMessage.show(current.expected()) + " but finds " + s
                                + ", so it asks the acceptors to accept " + s + " unchanged";
        }
    }

    /** The attempt cannot complete: try again, or end the operation as indeterminate or failed. */
    private void failed(Context ctx) {
        if (changeSent) {
            finish(ctx, "info", false);
        } else if (attempt < attemptsMax) {
            phase = BACKING_OFF;
            ctx.setTimer(new Backoff(attempt), 1 + ctx.random().nextLong(Math.max(1, backoffMs)));
        } else {
            finish(ctx, "fail", false);
        }
    }

    /** Completes the current operation; {@code decided}: a majority accepted this attempt's state. */
    private void finish(Context ctx, String outcome, boolean decided) {
        Op op = current;
        String process = process(op.client());
        Object value = op.f().equals("read") ? (decided ? proposed : null) : op.historyValue();
        ctx.complete(process, outcome, op.f(), value);
        if (decided) {
            lastSeen[op.client()] = op.f().equals("read") || !matched ? proposed : op.value();
        }
        String why = whyOutcome(op, outcome, decided);
        current = null;
        phase = IDLE;
        waiting[op.client()] = false;
        show(ctx);
        ctx.describe(() -> process + "'s " + op.f() + " completes " + outcome + ": " + why);
        think(ctx, op.client());
        Op next = queue.pollFirst();
        if (next != null) {
            current = next;
            attempt = 0;
            changeSent = false;
            begin(ctx);
        }
    }

    private String whyOutcome(Op op, String outcome, boolean decided) {
        if (outcome.equals("info")) {
            return "the proposer sent accepts that change the state and heard from no majority; the change may or may not "
                    + "have taken effect, and trying again could apply it twice";
        }
        if (!decided) {
            return attemptsMax + " attempt" + (attemptsMax == 1 ? "" : "s") + " and no majority; none sent an accept that "
                    + "changes the state, so it certainly did not take effect";
        }
        switch (op.f()) {
            case "read":
                return "it read " + CasMessage.show(proposed);
            case "write":
                return "it wrote " + op.value();
            default:
                return outcome.equals("ok") ? "the register held " + CasMessage.show(op.expected()) + " and now holds " + op.value()
                        : "the register holds " + CasMessage.show(proposed) + ", not " + CasMessage.show(op.expected())
                                + ", and a majority accepting it unchanged makes that definite";
        }
    }

    private static boolean same(Long a, Long b) {
        return a == null ? b == null : a.equals(b);
    }

    private void show(Context ctx) {
        ctx.annotate(CasPaxos.ROLE, Value.role(phase));
        ctx.annotate(CasPaxos.BALLOT, Value.register(ballot.text()));
        ctx.annotate(CasPaxos.OP, Value.register(current == null ? null : current.text(process(current.client()))));
        ctx.annotate(CasPaxos.STATE, Value.register(known ? (state == null ? (Object) "empty" : state) : null));
    }
}
