package io.badgeflow.model.door;

import io.badgeflow.model.Require;
import java.time.Instant;

/** A card was presented at a door. Carries the card number as the reader saw it, never who holds it. */
public record SwipeRecorded(
        String eventId,
        String doorId,
        String buildingId,
        String cardNumber,
        Direction direction,
        Instant occurredAt,
        Instant receivedAt)
        implements DoorEvent {

    public SwipeRecorded {
        eventId = Require.id("eventId", eventId);
        doorId = Require.id("doorId", doorId);
        buildingId = Require.id("buildingId", buildingId);
        cardNumber = Require.id("cardNumber", cardNumber);
        direction = Require.present("direction", direction);
        occurredAt = Require.present("occurredAt", occurredAt);
        receivedAt = Require.present("receivedAt", receivedAt);
    }

    @Override
    public String partitionKey() {
        return "card:" + cardNumber;
    }
}
