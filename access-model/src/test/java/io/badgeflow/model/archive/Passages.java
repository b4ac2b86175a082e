package io.badgeflow.model.archive;

import io.badgeflow.model.card.CardStatus;
import io.badgeflow.model.door.DecisionReason;
import io.badgeflow.model.door.Direction;
import io.badgeflow.model.door.EntryDecided;
import io.badgeflow.model.door.ExitRecorded;
import io.badgeflow.model.door.Outcome;
import java.time.Instant;
import java.util.List;

/** Door events as the archive holds them, for fold and replay tests. */
final class Passages {

    static final Instant NINE = Instant.parse("2026-12-07T09:00:00Z");

    private Passages() {}

    static EntryDecided entry(String eventId, String employee, String building, String door, Instant at) {
        return new EntryDecided(
                eventId,
                door,
                building,
                "card-of-" + employee,
                Direction.IN,
                "card-" + employee,
                CardStatus.ACTIVE,
                employee,
                Outcome.GRANTED,
                DecisionReason.GRANTED,
                "all-rules-passed",
                "2026-11-24.1",
                List.of(),
                at,
                at);
    }

    static EntryDecided denied(String eventId, String employee, String building, String door, Instant at) {
        return new EntryDecided(
                eventId,
                door,
                building,
                "card-of-" + employee,
                Direction.IN,
                "card-" + employee,
                CardStatus.ACTIVE,
                employee,
                Outcome.DENIED,
                DecisionReason.NO_ACCESS_TO_BUILDING,
                "grant-for-building",
                "2026-11-24.1",
                List.of(),
                at,
                at);
    }

    static ExitRecorded exit(String eventId, String employee, String building, String door, Instant at) {
        return new ExitRecorded(
                eventId, door, building, "card-of-" + employee, "card-" + employee, employee, List.of(), at, at);
    }

    /** An exit a reader put on the stream itself: the card number only. */
    static ExitRecorded readerExit(String eventId, String cardNumber, String building, String door, Instant at) {
        return new ExitRecorded(eventId, door, building, cardNumber, null, null, List.of(), at, at);
    }
}
