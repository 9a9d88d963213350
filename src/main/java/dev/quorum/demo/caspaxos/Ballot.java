package dev.quorum.demo.caspaxos;

/**
 * A ballot number as the paper defines it: a (counter, proposer) pair, compared counter first, so every proposer
 * draws from its own series and two proposers never share a ballot. Shown as {@code 3.n1}. {@link #ZERO} is
 * below every real ballot: an acceptor that has promised or accepted nothing.
 */
record Ballot(long counter, int proposer) implements Comparable<Ballot> {

    static final Ballot ZERO = new Ballot(0, 0);

    @Override
    public int compareTo(Ballot o) {
        int c = Long.compare(counter, o.counter);
        return c != 0 ? c : Integer.compare(proposer, o.proposer);
    }

    boolean above(Ballot o) {
        return compareTo(o) > 0;
    }

    /** Proposers are the first nodes, so proposer k is node n(k+1). */
    String text() {
        return this.equals(ZERO) ? "0" : counter + ".n" + (proposer + 1);
    }

    /** The inverse of {@link #text}, for checks that read ballots back from the trace. */
    static Ballot parse(String text) {
        if (text.equals("0")) {
            return ZERO;
        }
        int dot = text.indexOf(".n");
        return new Ballot(Long.parseLong(text.substring(0, dot)), Integer.parseInt(text.substring(dot + 2)) - 1);
    }

    @Override
    public String toString() {
        return text();
    }
}
