package io.badgeflow.accessstream.decision;

import io.badgeflow.model.access.EntryRequest;
import io.badgeflow.model.door.Direction;
import java.time.Instant;

/** The body a reader posts to ask for a decision; checked by {@link EntryRequest}, which names a bad field. */
record DecisionRequest(String eventId, String cardNumber, Direction direction, Instant occurredAt) {

    EntryRequest toEntryRequest(String doorId) {
        return new EntryRequest(eventId, doorId, cardNumber, direction, occurredAt);
    }
}
