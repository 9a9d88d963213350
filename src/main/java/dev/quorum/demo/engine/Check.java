package dev.quorum.demo.engine;

/** Argument checks in one place, so every refusal names the value that was wrong. */
final class Check {

    private Check() {
    }

    static long range(String what, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    static double probability(String what, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(what + " must be a probability between 0 and 1, got " + value);
        }
        return value;
    }
}
