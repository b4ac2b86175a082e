package io.badgeflow.accessstream.decision;

import io.badgeflow.model.Require;
import io.badgeflow.model.access.EntryRequest;
import io.badgeflow.model.door.Direction;

/**
 * The body a reader posts to ask for a decision; checked by {@link EntryRequest}, which names a bad field. The
 * time is read here as RFC 3339 text, so a number is refused rather than taken for epoch seconds.
 */
record DecisionRequest(String eventId, String cardNumber, Direction direction, String occurredAt) {

    EntryRequest toEntryRequest(String doorId) {
        return new EntryRequest(eventId, doorId, cardNumber, direction, Require.instant("occurredAt", occurredAt));
    }
}
