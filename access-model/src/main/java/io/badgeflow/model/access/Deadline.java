package io.badgeflow.model.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The last instant at which a decision may still commit: after it, the reader has given up waiting (OSDP readers
 * wait about 200 ms), so a swipe committed later would move a person whom nobody let through. The web layer
 * derives it from the request's arrival and the reader's budget.
 *
 * @param at the instant from which the deadline has passed
 */
public record Deadline(Instant at) {

    /** For callers without a waiting reader (tests, replays): never passes. */
    public static final Deadline NONE = new Deadline(Instant.MAX);

    public Deadline {
        Objects.requireNonNull(at, "at");
    }

    /** The deadline {@code budget} after {@code start}. */
    public static Deadline after(Instant start, Duration budget) {
        return new Deadline(start.plus(budget));
    }

    public boolean passed(Clock clock) {
        return !clock.instant().isBefore(at);
    }

    /** What is left of it, zero once passed. */
    public Duration remaining(Clock clock) {
        var left = Duration.between(clock.instant(), at);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
