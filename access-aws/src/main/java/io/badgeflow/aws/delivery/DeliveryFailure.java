package io.badgeflow.aws.delivery;

import java.time.Instant;

/**
 * The recorded failure of one message body on one queue: the latest reason and how often it failed.
 * {@code messageId} is the id the message had when it last failed (a redriven message gets a new one).
 */
public record DeliveryFailure(
        String queue, String messageId, String reason, long attempts, Instant firstFailedAt, Instant lastFailedAt) {

    /** Longest reason kept: enough for an exception and its cause, small enough for a DynamoDB item and a page. */
    public static final int MAX_REASON_LENGTH = 1024;

    /** The reason as recorded: exception class and message, with the root cause when it differs, capped. */
    public static String reasonOf(Throwable failure) {
        var reason = new StringBuilder(String.valueOf(failure));
        var root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != failure) {
            reason.append(" (caused by ").append(root).append(')');
        }
        return cap(reason.toString());
    }

    static String cap(String reason) {
        return reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH - 1) + "…";
    }
}
