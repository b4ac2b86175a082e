package io.badgeflow.accessstream.swipe;

import io.badgeflow.model.Require;
import io.badgeflow.model.door.Direction;
import io.badgeflow.model.door.Swipe;

/**
 * The body a door device posts. Checked by the event's compact constructor, which names a bad field; the time and
 * the direction are read here from text, so a number is refused rather than taken for epoch seconds or an enum
 * index, and a direction with anything around it is refused rather than trimmed.
 */
record SwipeRequest(String eventId, String cardNumber, String direction, String occurredAt) {

    Swipe toSwipe() {
        return new Swipe(eventId, cardNumber, Direction.named(direction), Require.instant("occurredAt", occurredAt));
    }
}
