package dev.quorum.demo.engine;

/** A version of a demo's protocol: the correct one, or one broken on purpose to show what its checks catch. */
public record Variant(String name, boolean correct, String description) {
}
