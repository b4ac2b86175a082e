package io.badgeflow.model.door;

import io.badgeflow.model.Require;
import java.time.Instant;

/** A swipe as a device reports it, before the door is known to be genuine; a bad field is named. */
public record Swipe(String eventId, String cardNumber, Direction direction, Instant occurredAt) {

    public Swipe {
        eventId = Require.id("eventId", eventId);
        cardNumber = Require.id("cardNumber", cardNumber);
        direction = Require.present("direction", direction);
        occurredAt = Require.present("occurredAt", occurredAt);
    }
}
