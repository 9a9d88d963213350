package dev.quorum.demo.engine;

import java.util.ArrayList;
import java.util.List;

/** A test protocol: each node sends a numbered message to one fixed peer (or everyone) on every tick, a set number of times. */
final class Chatter implements Node {

    record Note(int n) implements Message {
    }

    record Tick() implements Timer {
    }

    private final int peer;
    private final int rounds;
    private final long everyMs;
    private int sent;
    final List<Integer> heard = new ArrayList<>();

    /** {@code peer} < 0 means broadcast. */
    Chatter(int peer, int rounds, long everyMs) {
        this.peer = peer;
        this.rounds = rounds;
        this.everyMs = everyMs;
    }

    @Override
    public void onStart(Context ctx) {
        ctx.setTimer(new Tick(), everyMs);
    }

    @Override
    public void onTimer(Context ctx, Timer timer) {
        if (sent >= rounds) {
            return;
        }
        sent++;
        if (peer < 0) {
            ctx.broadcast(new Note(sent));
        } else if (peer != ctx.self()) {
            ctx.send(peer, new Note(sent));
        }
        ctx.setTimer(new Tick(), everyMs);
    }

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        if (message instanceof Note note) {
            heard.add(note.n());
        }
    }

    static List<Node> nodes(int count, int peer, int rounds, long everyMs) {
        List<Node> nodes = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            nodes.add(new Chatter(peer, rounds, everyMs));
        }
        return nodes;
    }

    static Trace run(Scenario scenario, long seed) {
        return new Simulation(scenario, seed, false).run("chatter", "correct", java.util.Map.of());
    }
}
