package dev.quorum.demo.engine;

/** A message in flight: {@code id} is unique in the run and shared by its send and its receive or drop. */
public record Envelope(long id, int from, int to, Message message) {
}
