package io.badgeflow.door;

/**
 * An offline decision as buffered on the door and uploaded to {@code POST .../offline-decisions}: the swipe with
 * its original time and what the door decided from which list version. Text, as on the wire.
 */
public record BufferedDecision(
        String eventId,
        String cardNumber,
        String direction,
        String occurredAt,
        String decision,
        String reason,
        String rule,
        String policyVersion,
        long allowListVersion) {}
