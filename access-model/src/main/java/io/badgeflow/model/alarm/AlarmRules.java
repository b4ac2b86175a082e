package io.badgeflow.model.alarm;

import io.badgeflow.model.door.AlarmType;
import io.badgeflow.model.door.DoorEvent;
import io.badgeflow.model.door.DoorStateChanged;
import io.badgeflow.model.door.EntryDecided;
import io.badgeflow.model.door.ExitRecorded;
import io.badgeflow.model.door.Outcome;
import io.badgeflow.model.door.SwipeRecorded;
import java.time.Instant;
import java.util.List;

/**
 * Which alarms one door event raises by itself: the ones its decision carries (unknown, revoked, lost or
 * suspended card used; anti-passback) and the one its door state means (forced, held open). A pure function of
 * the event, so every delivery of it yields the same alarms with the same ids.
 */
public final class AlarmRules {

    private AlarmRules() {}

    public static List<Alarm> alarmsOf(DoorEvent event, Instant raisedAt) {
        return switch (event) {
            case EntryDecided entry ->
                entry.alarms().stream()
                        .distinct()
                        .map(type -> new Alarm(
                                Alarm.idOf(entry.eventId(), type),
                                type,
                                entry.doorId(),
                                entry.buildingId(),
                                entry.eventId(),
                                entry.cardNumber(),
                                entry.cardId(),
                                entry.employeeId(),
                                entry.occurredAt(),
                                raisedAt))
                        .toList();
            case ExitRecorded exit ->
                exit.alarms().stream()
                        .distinct()
                        .map(type -> new Alarm(
                                Alarm.idOf(exit.eventId(), type),
                                type,
                                exit.doorId(),
                                exit.buildingId(),
                                exit.eventId(),
                                exit.cardNumber(),
                                exit.cardId(),
                                exit.employeeId(),
                                exit.occurredAt(),
                                raisedAt))
                        .toList();
            case DoorStateChanged state ->
                state
                        .state()
                        .alarm()
                        .map(type -> new Alarm(
                                Alarm.idOf(state.eventId(), type),
                                type,
                                state.doorId(),
                                state.buildingId(),
                                state.eventId(),
                                null,
                                null,
                                null,
                                state.occurredAt(),
                                raisedAt))
                        .stream()
                        .toList();
            // Not decided yet: its decision, when made, raises the alarms.
            case SwipeRecorded swipe -> List.of();
        };
    }

    /** A refusal at a door we know: what REPEATED_DENIALS counts (an unknown door has no one to alert). */
    public static boolean countsAsDenial(DoorEvent event) {
        return event instanceof EntryDecided entry && entry.decision() == Outcome.DENIED && entry.buildingId() != null;
    }

    /** The REPEATED_DENIALS alarm of the bucket {@code denial} falls in, named after the denial that reached it. */
    static Alarm repeatedDenials(EntryDecided denial, Instant bucketStart, Instant raisedAt) {
        return new Alarm(
                Alarm.repeatedDenialsIdOf(denial.doorId(), bucketStart),
                AlarmType.REPEATED_DENIALS,
                denial.doorId(),
                denial.buildingId(),
                denial.eventId(),
                null,
                null,
                null,
                denial.occurredAt(),
                raisedAt);
    }
}
