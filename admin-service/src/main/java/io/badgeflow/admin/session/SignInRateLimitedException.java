package io.badgeflow.admin.session;

import java.time.Duration;

/** One source called {@code /auth/*} more often than its limit; answered 429 with Retry-After. */
class SignInRateLimitedException extends RuntimeException {

    private final Duration retryAfter;

    SignInRateLimitedException(Duration retryAfter) {
        super("Too many sign-in requests from this address. Try again in a moment.", null, false, false);
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, at least 1: Retry-After takes no fractions. */
    long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
