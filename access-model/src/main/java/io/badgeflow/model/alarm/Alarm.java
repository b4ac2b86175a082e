package io.badgeflow.model.alarm;

import io.badgeflow.model.Require;
import io.badgeflow.model.door.AlarmType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Something security operators must look at, as published to the alarms topic: ids only, never names. The
 * {@code alarmId} is derived from what raised it (the event id and the type; for repeated denials the door and
 * the time bucket), so every delivery or replay of that event names the same alarm and subscribers can drop a
 * repeat by id.
 *
 * @param buildingId null when the door's building is not known
 * @param eventId the door event that raised the alarm (for REPEATED_DENIALS: the denial that reached the count)
 * @param cardNumber the card as the reader saw it, when a card was presented
 * @param cardId null when the card is unknown
 * @param employeeId null when no employee is known
 * @param occurredAt when the event happened (device time)
 * @param raisedAt when access-stream raised the alarm
 */
public record Alarm(
        String alarmId,
        AlarmType type,
        String doorId,
        String buildingId,
        String eventId,
        String cardNumber,
        String cardId,
        String employeeId,
        Instant occurredAt,
        Instant raisedAt) {

    public Alarm {
        alarmId = Require.id("alarmId", alarmId);
        type = Require.present("type", type);
        doorId = Require.id("doorId", doorId);
        buildingId = Require.optionalId("buildingId", buildingId);
        eventId = Require.id("eventId", eventId);
        cardNumber = Require.optionalId("cardNumber", cardNumber);
        cardId = Require.optionalId("cardId", cardId);
        employeeId = Require.optionalId("employeeId", employeeId);
        occurredAt = Require.present("occurredAt", occurredAt);
        raisedAt = Require.present("raisedAt", raisedAt);
    }

    /** The id of the alarm of {@code type} that event {@code eventId} raises: the same on every delivery. */
    public static String idOf(String eventId, AlarmType type) {
        return nameBased(type.name() + "#" + eventId);
    }

    /** The id of the one REPEATED_DENIALS alarm of a door in the time bucket starting at {@code bucketStart}. */
    public static String repeatedDenialsIdOf(String doorId, Instant bucketStart) {
        return nameBased(AlarmType.REPEATED_DENIALS.name() + "#" + doorId + "#" + bucketStart);
    }

    /** The id of the EVENT_ID_REUSED alarm of one repeated request, named by its whole payload. */
    public static String reusedEventIdOf(String repeatPayload) {
        return nameBased(AlarmType.EVENT_ID_REUSED.name() + "#" + repeatPayload);
    }

    private static String nameBased(String name) {
        // A name-based (v3) UUID: deterministic, fixed length, and no door or event id can be read back from it.
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
