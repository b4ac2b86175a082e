package io.badgeflow.accessstream.swipe;

import io.badgeflow.model.door.SwipeRecorded;
import java.time.Instant;

/** The 202 answer: the stream holds the event; the device may forget it. */
record SwipeReceipt(String eventId, String doorId, Instant receivedAt) {

    static SwipeReceipt of(SwipeRecorded event) {
        return new SwipeReceipt(event.eventId(), event.doorId(), event.receivedAt());
    }
}
