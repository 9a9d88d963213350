package dev.quorum.demo.raft;

import dev.quorum.demo.engine.Message;

/**
 * The messages of Raft's leader election: RequestVote and its reply (also used for a pre-vote, which asks
 * "would you vote for me in this term?" without anyone changing term), and AppendEntries with no entries
 * (a heartbeat) and its reply. There is no log, so every candidate's log is as up to date as any voter's.
 */
sealed interface RaftMessage extends Message {

    long term();

    /** A candidate asks for a vote in {@code term}; with {@code preVote}, for a pre-vote in the term it would campaign in. */
    record RequestVote(long term, boolean preVote) implements RaftMessage {
        @Override
        public String type() {
            return preVote ? "PreVote" : "RequestVote";
        }
    }

    /** The answer: {@code term} is the voter's own term when it refuses, the request's when it grants. */
    record Vote(long term, boolean granted, boolean preVote) implements RaftMessage {
        @Override
        public String type() {
            return preVote ? "PreVoteReply" : "VoteReply";
        }
    }

    /** The leader's heartbeat: AppendEntries with no entries. */
    record AppendEntries(long term) implements RaftMessage {
    }

    /** The follower's answer, with its term, so a leader that is behind learns it. */
    record AppendReply(long term, boolean success) implements RaftMessage {
    }
}
