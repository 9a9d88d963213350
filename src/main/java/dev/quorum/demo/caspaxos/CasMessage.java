package dev.quorum.demo.caspaxos;

import dev.quorum.demo.engine.Message;

/**
 * The messages of CASPaxos: the two phases of Paxos, and a conflict reply that tells a proposer the higher ballot
 * that beat it. A register value is a number, or null for an empty register.
 */
sealed interface CasMessage extends Message {

    /** Phase 1: a proposer asks acceptors to promise {@code ballot}. */
    record Prepare(Ballot ballot) implements CasMessage {
    }

    /** The acceptor promises, and reports the value it accepted last and at which ballot ({@link Ballot#ZERO}: none). */
    record Promise(Ballot ballot, Ballot acceptedBallot, Long acceptedValue) implements CasMessage {
    }

    /** Phase 2: the proposer asks acceptors to accept the new state {@code value} at {@code ballot}. */
    record Accept(Ballot ballot, Long value) implements CasMessage {
    }

    /** The acceptor accepted it. */
    record Accepted(Ballot ballot) implements CasMessage {
    }

    /** The acceptor refused {@code ballot} in phase {@code phase}: it has seen the higher ballot {@code seen}. */
    record Conflict(Ballot ballot, int phase, Ballot seen) implements CasMessage {
    }

    /** A register value as the trace shows it. */
    static String show(Long value) {
        return value == null ? "nil" : value.toString();
    }
}
