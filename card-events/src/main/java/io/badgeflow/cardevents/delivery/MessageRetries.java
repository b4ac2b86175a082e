package io.badgeflow.cardevents.delivery;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;

/**
 * When a message a function reports as failed comes back. Lambda leaves a reported failure invisible for the
 * queue's whole visibility timeout (six minutes for commands), far longer than a command waiting for another
 * one needs; the function shortens it to the configured retry delay itself.
 */
public interface MessageRetries {

    /** Makes {@code message} visible again after the retry delay; best effort, never throws. */
    void retryLater(SQSEvent.SQSMessage message);

    /** Makes {@code message} visible again after {@code delay} (at most 12 hours); best effort, never throws. */
    void retryAfter(SQSEvent.SQSMessage message, java.time.Duration delay);
}
