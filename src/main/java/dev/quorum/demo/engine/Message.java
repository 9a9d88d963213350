package dev.quorum.demo.engine;

/**
 * What one node sends another. Protocols declare their messages as records of a sealed interface that
 * extends this one, so a handler can dispatch with {@code instanceof} patterns and the trace can show a
 * message's fields (its record components, in declaration order) without any mapping code.
 */
public interface Message {

    /** The name the trace shows as {@code msg.type}; the record's simple name unless overridden. */
    default String type() {
        return getClass().getSimpleName();
    }
}
