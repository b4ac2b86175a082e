package io.badgeflow.model.access;

import io.badgeflow.model.card.CardStatus;
import io.badgeflow.model.door.AlarmType;
import io.badgeflow.model.door.DecisionReason;
import io.badgeflow.model.door.Direction;
import io.badgeflow.model.door.DoorEvent;
import io.badgeflow.model.door.EntryDecided;
import io.badgeflow.model.door.ExitRecorded;
import io.badgeflow.model.door.Outcome;
import io.badgeflow.model.presence.Presence;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link EntryPolicy} answered, with everything needed to explain it: the rule that decided, the policy
 * version, and the ids it resolved on the way (ids only: no names travel from here).
 *
 * @param eventId the swipe's event id; null for a question no swipe asked ("who can enter")
 * @param doorId null for a question about a whole building
 * @param buildingId null when the door is unknown
 * @param cardNumber the number presented; null only for a candidate without a card
 * @param cardId null when the card was not found (or not read: a door rule refused first)
 * @param cardStatus the status of the card read; shown with CARD_NOT_ACTIVE, and whenever the card is known
 * @param employeeId the card's employee, when the rules got that far and the card names one
 * @param alarms what security should hear about, in the order raised; empty for most decisions
 * @param occurredAt the moment judged
 */
public record Decision(
        String eventId,
        Outcome decision,
        DecisionReason reason,
        String rule,
        String policyVersion,
        Direction direction,
        String doorId,
        String buildingId,
        String cardNumber,
        String cardId,
        CardStatus cardStatus,
        String employeeId,
        List<AlarmType> alarms,
        Instant occurredAt,
        Instant decidedAt) {

    public Decision {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(policyVersion, "policyVersion");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(decidedAt, "decidedAt");
        alarms = List.copyOf(alarms == null ? List.of() : alarms);
    }

    public boolean granted() {
        return decision == Outcome.GRANTED;
    }

    public boolean isExit() {
        return reason == DecisionReason.EXIT;
    }

    /**
     * The presence this decision leaves, given the one it was decided on: inside after a granted entry, outside
     * after an exit. Empty when there is nothing to write: a denial, a question rather than a swipe, no employee
     * known, a passage older than the one {@code read} records, or this very swipe again. The store writes it
     * only if {@code read.version()} is still stored; if not, someone passed meanwhile and the swipe is decided
     * again.
     */
    public Optional<Presence> presenceAfter(Presence read) {
        if (!granted() || eventId == null || employeeId == null || doorId == null) {
            return Optional.empty();
        }
        if (!read.employeeId().equals(employeeId) || !read.buildingId().equals(buildingId)) {
            throw new IllegalArgumentException(
                    "the presence of " + read.employeeId() + " in " + read.buildingId() + " is not the one decided on");
        }
        var next = isExit() ? read.left(eventId, doorId, occurredAt) : read.entered(eventId, doorId, occurredAt);
        return next.isNewerThan(read) ? Optional.of(next) : Optional.empty();
    }

    /**
     * The stream record for this decision: {@link ExitRecorded} for an exit, {@link EntryDecided} for anything
     * else.
     *
     * @throws IllegalStateException for the answer to a question, which no swipe asked and nothing records
     */
    public DoorEvent toEvent() {
        if (eventId == null || doorId == null || cardNumber == null) {
            throw new IllegalStateException("only the decision of a swipe is recorded");
        }
        if (isExit()) {
            return new ExitRecorded(
                    eventId, doorId, buildingId, cardNumber, cardId, employeeId, alarms, occurredAt, decidedAt);
        }
        return new EntryDecided(
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
                decidedAt);
    }
}
