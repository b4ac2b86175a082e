package io.badgeflow.model.door;

import java.time.Instant;

/** A swipe as a device reports it, before the door is known to be genuine. */
public record Swipe(String eventId, String cardNumber, Direction direction, Instant occurredAt) {}
