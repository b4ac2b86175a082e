package io.badgeflow.model.webhook;

import java.time.Duration;

/**
 * When a failed webhook delivery is tried again: {@code first} after the first failure, doubling after each
 * further one, never more than {@code max} (SQS allows a visibility timeout of at most 12 hours). The attempt number
 * is SQS's receive count, so the schedule survives the function's restarts without any state of its own. No
 * jitter: one subscription's deliveries are spread by their alarms' times already, and a predictable schedule
 * is one operators can read off the dead-letter page.
 */
public record WebhookBackoff(Duration first, Duration max, int attempts) {

    public static final Duration SQS_MAX_VISIBILITY = Duration.ofHours(12);

    public WebhookBackoff {
        if (first == null || first.isNegative() || first.isZero()) {
            throw new IllegalArgumentException("first retry delay must be positive");
        }
        if (max == null || max.compareTo(first) < 0 || max.compareTo(SQS_MAX_VISIBILITY) > 0) {
            throw new IllegalArgumentException("max retry delay must be between the first delay and 12 hours");
        }
        if (attempts < 1 || attempts > 20) {
            throw new IllegalArgumentException("attempts must be 1-20");
        }
    }

    /** The delay after failed attempt {@code attempt} (1 = the first delivery) before the next one. */
    public Duration delayAfter(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1");
        }
        var shift = Math.min(attempt - 1, 30);
        var millis = first.toMillis() * (1L << shift);
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }

    /** Whether attempt {@code attempt} was the last one: its failure dead-letters the delivery. */
    public boolean lastAttempt(int attempt) {
        return attempt >= attempts;
    }
}
