package dev.quorum.lincheck;

import java.util.Locale;

/**
 * How an operation ended, with Jepsen's meaning: {@code :ok} it took effect, {@code :fail} it certainly did
 * not (so the checker drops it), {@code :info} nobody knows (it may take effect at any moment after its
 * invocation, even after the {@code :info} was recorded, or never). An invocation still pending at the end
 * of a history is {@code INFO}.
 */
public enum Outcome {
    OK, FAIL, INFO;

    /** The keyword of the completion's {@code :type}: {@code ok}, {@code fail}, {@code info}. */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }
}
