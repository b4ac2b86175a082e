package io.badgeflow.model.door;

import java.time.Instant;

/**
 * What a device said about one event id, at the door it proved to be: what a repeat of the id must match to be
 * the same event (a decision request and a reported swipe alike). Built from requests already checked.
 */
public record SwipeAtDoor(
        String eventId, String doorId, String buildingId, String cardNumber, Direction direction, Instant occurredAt) {

    public static SwipeAtDoor of(Door door, Swipe swipe) {
        return new SwipeAtDoor(
                swipe.eventId(),
                door.doorId(),
                door.buildingId(),
                swipe.cardNumber(),
                swipe.direction(),
                swipe.occurredAt());
    }
}
