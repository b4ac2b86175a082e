package io.badgeflow.accessstream.decision;

import io.badgeflow.model.Require;
import io.badgeflow.model.access.EntryRequest;
import io.badgeflow.model.door.Direction;

/**
 * The body a reader posts to ask for a decision; checked by {@link EntryRequest}, which names a bad field. The
 * time and the direction are read here from text, so a number is refused rather than taken for epoch seconds or
 * an enum index, and a direction with anything around it is refused rather than trimmed.
 */
record DecisionRequest(String eventId, String cardNumber, String direction, String occurredAt) {

    EntryRequest toEntryRequest(String doorId) {
        return new EntryRequest(
                eventId, doorId, cardNumber, Direction.named(direction), Require.instant("occurredAt", occurredAt));
    }
}
