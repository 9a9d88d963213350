package dev.quorum.demo.paxos;

import dev.quorum.demo.engine.Message;

/** The four messages of "Paxos Made Simple": phase 1a and 1b, phase 2a and 2b. A ballot of 0 means none. */
sealed interface PaxosMessage extends Message {

    /** 1a: a proposer asks acceptors to promise ballot {@code ballot}. */
    record Prepare(long ballot) implements PaxosMessage {
    }

    /** 1b: the acceptor promises, and reports the highest-numbered proposal it accepted (ballot 0 and null: none). */
    record Promise(long ballot, long acceptedBallot, String acceptedValue) implements PaxosMessage {
    }

    /** 2a: the proposer asks acceptors to accept {@code value} at {@code ballot}. */
    record Accept(long ballot, String value) implements PaxosMessage {
    }

    /** 2b: the acceptor accepted it; learners are implicit (the checks watch acceptances). */
    record Accepted(long ballot, String value) implements PaxosMessage {
    }

    /** A proposal as the trace shows it: {@code b3:v2}. */
    static String proposal(long ballot, String value) {
        return "b" + ballot + ":" + value;
    }
}
