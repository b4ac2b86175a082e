package io.badgeflow.accessstream.limit;

import java.time.Duration;

/** A door or a client address is over its rate: answered 429 with Retry-After (whole seconds, at least 1). */
public final class RateLimitedException extends RuntimeException {

    private final Duration retryAfter;

    RateLimitedException(Duration retryAfter) {
        super("over the rate limit, retry after " + retryAfter);
        this.retryAfter = retryAfter;
    }

    /** The Retry-After value: the wait for the next token, rounded up to whole seconds, never 0. */
    public long retryAfterSeconds() {
        var seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
