package io.badgeflow.model.door;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.badgeflow.model.InvalidFieldException;
import io.badgeflow.model.Require;
import io.badgeflow.model.card.CardStatus;
import java.time.Instant;
import java.util.List;

/**
 * The door API decided a swipe: every field of the decision, ids only. A granted exit is an
 * {@link ExitRecorded} instead; an entry of any outcome, or an exit at an unknown door, is this.
 * Partition key {@code employee:<employeeId>}, or {@code card:<cardNumber>} when no employee is known, so one
 * person's passages stay in order.
 *
 * @param buildingId null when the door is unknown
 * @param cardId null when the card is unknown (or not read: the door refused first)
 * @param cardStatus the card's status when it was read
 * @param employeeId null when no employee is known for the card
 * @param offline decided by the door from its allow-list while the decision API could not answer, and uploaded
 *     later with its original {@code occurredAt} (docs/decisions/0016); left out of the JSON when false
 */
public record EntryDecided(
        String eventId,
        String doorId,
        String buildingId,
        String cardNumber,
        Direction direction,
        String cardId,
        CardStatus cardStatus,
        String employeeId,
        Outcome decision,
        DecisionReason reason,
        String rule,
        String policyVersion,
        List<AlarmType> alarms,
        Instant occurredAt,
        Instant decidedAt,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) Boolean offline)
        implements DoorEvent {

    public EntryDecided {
        // A wrapper, so a record written before the mark existed reads as online (absent, not a null primitive).
        offline = Boolean.TRUE.equals(offline);
        eventId = Require.id("eventId", eventId);
        doorId = Require.id("doorId", doorId);
        buildingId = Require.optionalId("buildingId", buildingId);
        cardNumber = Require.id("cardNumber", cardNumber);
        direction = Require.present("direction", direction);
        cardId = Require.optionalId("cardId", cardId);
        employeeId = Require.optionalId("employeeId", employeeId);
        decision = Require.present("decision", decision);
        reason = Require.present("reason", reason);
        rule = Require.text("rule", rule, 64);
        policyVersion = Require.text("policyVersion", policyVersion, 64);
        alarms = List.copyOf(alarms == null ? List.of() : alarms);
        occurredAt = Require.present("occurredAt", occurredAt);
        decidedAt = Require.present("decidedAt", decidedAt);
        if ((decision == Outcome.GRANTED) != (reason == DecisionReason.GRANTED || reason == DecisionReason.EXIT)) {
            throw new InvalidFieldException("reason", reason + " does not go with " + decision);
        }
    }

    /** A decision made by the service itself (online), as every EntryDecided was before doors decided offline. */
    public EntryDecided(
            String eventId,
            String doorId,
            String buildingId,
            String cardNumber,
            Direction direction,
            String cardId,
            CardStatus cardStatus,
            String employeeId,
            Outcome decision,
            DecisionReason reason,
            String rule,
            String policyVersion,
            List<AlarmType> alarms,
            Instant occurredAt,
            Instant decidedAt) {
        this(
                eventId,
                doorId,
                buildingId,
                cardNumber,
                direction,
                cardId,
                cardStatus,
                employeeId,
                decision,
                reason,
                rule,
                policyVersion,
                alarms,
                occurredAt,
                decidedAt,
                false);
    }

    @Override
    public String partitionKey() {
        return DoorEvent.personKey(employeeId, cardNumber);
    }
}
