package io.badgeflow.accessstream.swipe;

import io.badgeflow.model.door.Direction;
import io.badgeflow.model.door.Swipe;
import java.time.Instant;

/** The body a door device posts. Checked by the event's compact constructor, which names a bad field. */
record SwipeRequest(String eventId, String cardNumber, Direction direction, Instant occurredAt) {

    Swipe toSwipe() {
        return new Swipe(eventId, cardNumber, direction, occurredAt);
    }
}
