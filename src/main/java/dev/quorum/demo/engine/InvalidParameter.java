package dev.quorum.demo.engine;

/** A demo was asked for with a parameter, variant or seed it does not accept; the message names it. */
public final class InvalidParameter extends IllegalArgumentException {

    public InvalidParameter(String message) {
        super(message);
    }
}
