package dev.quorum.demo.engine;

import java.util.OptionalInt;

/** The outcome of one invariant over a run; {@code firstViolation} is the position of the first violating event. */
public record CheckResult(String name, boolean ok, String detail, OptionalInt firstViolation) {
}
