package dev.quorum.lincheck;

/** The part of a {@link Budget} spent so far, shared by every partition of one check. */
final class Meter {

    /** Steps between two questions to the stop signal: often enough to stop quickly, rarely enough to cost nothing. */
    private static final int POLL_EVERY = 4096;

    private final Budget budget;
    private long states;
    private int steps;
    private boolean stopped;

    Meter(Budget budget) {
        this.budget = budget;
    }

    /** Counts one new state; false (and nothing counted) when the budget allows no more. */
    boolean enter() {
        if (states >= budget.maxStates()) {
            return false;
        }
        states++;
        return true;
    }

    /** Counts one step of the search; true when the caller's stop signal has been raised. */
    boolean stopRequested() {
        if (++steps % POLL_EVERY == 0 && !stopped) {
            stopped = budget.stop().getAsBoolean();
        }
        return stopped;
    }

    /** Whether no more work may be done: all states spent, or the stop signal seen. */
    boolean exhausted() {
        return stopped || states >= budget.maxStates();
    }

    boolean stopped() {
        return stopped;
    }

    long states() {
        return states;
    }
}
