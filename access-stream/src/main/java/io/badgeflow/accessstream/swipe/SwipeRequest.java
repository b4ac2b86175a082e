package io.badgeflow.accessstream.swipe;

import io.badgeflow.model.Require;
import io.badgeflow.model.door.Direction;
import io.badgeflow.model.door.Swipe;

/**
 * The body a door device posts. Checked by the event's compact constructor, which names a bad field; the time is
 * read here as RFC 3339 text, so a number is refused rather than taken for epoch seconds.
 */
record SwipeRequest(String eventId, String cardNumber, Direction direction, String occurredAt) {

    Swipe toSwipe() {
        return new Swipe(eventId, cardNumber, direction, Require.instant("occurredAt", occurredAt));
    }
}
