package io.badgeflow.model.door;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.badgeflow.model.Require;
import java.time.Instant;
import java.util.List;

/**
 * Someone left through a door. Exits are always allowed, so there is no decision to carry, only who (when
 * known) and the alarms the card raised. A reader that only reports may put it directly, knowing just the card
 * number; the door API fills in the card and employee it resolved. Partition key as {@link EntryDecided}.
 *
 * @param cardId null when the card is unknown or not resolved
 * @param employeeId null when no employee is known for the card or not resolved
 * @param alarms the card's alarms (unknown, revoked, lost, suspended card used); an exit is never refused
 * @param offline recorded by a door while the decision API could not answer, uploaded later (docs/decisions/0016);
 *     left out of the JSON when false
 */
public record ExitRecorded(
        String eventId,
        String doorId,
        String buildingId,
        String cardNumber,
        String cardId,
        String employeeId,
        List<AlarmType> alarms,
        Instant occurredAt,
        Instant recordedAt,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) Boolean offline)
        implements DoorEvent {

    public ExitRecorded {
        // A wrapper, so a record written before the mark existed reads as online (absent, not a null primitive).
        offline = Boolean.TRUE.equals(offline);
        eventId = Require.id("eventId", eventId);
        doorId = Require.id("doorId", doorId);
        buildingId = Require.id("buildingId", buildingId);
        cardNumber = Require.id("cardNumber", cardNumber);
        cardId = Require.optionalId("cardId", cardId);
        employeeId = Require.optionalId("employeeId", employeeId);
        alarms = List.copyOf(alarms == null ? List.of() : alarms);
        occurredAt = Require.present("occurredAt", occurredAt);
        recordedAt = Require.present("recordedAt", recordedAt);
    }

    /** A decision made by the service itself (online), as every ExitRecorded was before doors decided offline. */
    public ExitRecorded(
            String eventId,
            String doorId,
            String buildingId,
            String cardNumber,
            String cardId,
            String employeeId,
            List<AlarmType> alarms,
            Instant occurredAt,
            Instant recordedAt) {
        this(eventId, doorId, buildingId, cardNumber, cardId, employeeId, alarms, occurredAt, recordedAt, false);
    }

    @Override
    public String partitionKey() {
        return DoorEvent.personKey(employeeId, cardNumber);
    }
}
