package dev.quorum.scrape.extract;

/** A document that cannot be read: encrypted, malformed, or over a resource limit. The message says which. */
public final class ExtractionException extends Exception {

    public ExtractionException(String message) {
        super(message);
    }

    public ExtractionException(String message, Throwable cause) {
        super(message, cause);
    }
}
