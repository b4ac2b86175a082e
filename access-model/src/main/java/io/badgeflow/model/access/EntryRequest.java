package io.badgeflow.model.access;

import io.badgeflow.model.Require;
import io.badgeflow.model.door.Direction;
import java.time.Instant;

/**
 * A reader asks whether the card it saw may pass its door. {@code occurredAt} is the moment the rules judge
 * (validity window, schedule, anti-passback); the door API keeps it honest against its own clock.
 */
public record EntryRequest(String eventId, String doorId, String cardNumber, Direction direction, Instant occurredAt) {

    public EntryRequest {
        eventId = Require.id("eventId", eventId);
        doorId = Require.id("doorId", doorId);
        cardNumber = Require.id("cardNumber", cardNumber);
        direction = Require.present("direction", direction);
        occurredAt = Require.present("occurredAt", occurredAt);
    }
}
