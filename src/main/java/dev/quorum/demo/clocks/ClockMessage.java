package dev.quorum.demo.clocks;

import dev.quorum.demo.engine.Message;
import dev.quorum.demo.engine.Value;

/** The messages of the clock demos. */
public sealed interface ClockMessage extends Message permits ClockMessage.App {

    /** An application message; all it carries that matters here is the sender's clock at the send. */
    record App(Value clock) implements ClockMessage {
    }
}
