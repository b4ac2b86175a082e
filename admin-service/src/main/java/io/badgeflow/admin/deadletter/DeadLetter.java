package io.badgeflow.admin.deadletter;

import java.time.Instant;

/**
 * One message resting in a dead-letter queue. {@code receiveCount} counts every receive, also those of the
 * source queue's consumer and of earlier looks into the DLQ.
 */
public record DeadLetter(String messageId, String body, Instant sentAt, int receiveCount) {}
