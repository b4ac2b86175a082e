package io.badgeflow.model.door;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One stored door event as the audit and live views read it back: flat, ids only, whatever its kind. Fields a
 * kind does not carry are null ({@code doorState} is set only for a {@code DoorStateChanged}, {@code decision}
 * only for passages).
 *
 * @param type the event's kind: {@code EntryDecided}, {@code ExitRecorded}, {@code DoorStateChanged} or
 *     {@code SwipeRecorded}
 * @param alarms what security should hear about; empty for most events
 */
public record SwipeEntry(
        String eventId,
        String type,
        String doorId,
        String buildingId,
        String employeeId,
        String cardNumber,
        String cardId,
        String cardStatus,
        String direction,
        String decision,
        String reason,
        String rule,
        String policyVersion,
        String doorState,
        List<String> alarms,
        Instant occurredAt,
        Instant receivedAt) {

    public SwipeEntry {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(doorId, "doorId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        alarms = List.copyOf(alarms == null ? List.of() : alarms);
    }
}
