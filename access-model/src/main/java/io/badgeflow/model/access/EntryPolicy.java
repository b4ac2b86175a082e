package io.badgeflow.model.access;

import io.badgeflow.model.building.Building;
import io.badgeflow.model.card.Card;
import io.badgeflow.model.card.CardStatus;
import io.badgeflow.model.door.AlarmType;
import io.badgeflow.model.door.DecisionReason;
import io.badgeflow.model.door.Direction;
import io.badgeflow.model.door.Door;
import io.badgeflow.model.door.Outcome;
import io.badgeflow.model.employee.EmployeeStatus;
import io.badgeflow.model.presence.AntiPassback;
import io.badgeflow.model.presence.Presence;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The entry rules: decides a swipe, and answers "who can enter" and "can they enter" by running the very same
 * evaluation over the candidates' data. Rules apply in the order of {@link EntryRule}; the first that refuses
 * decides and is named in the decision. Exits are always granted (safety) and only resolve who left.
 * Facts are read lazily, in rule order, so a refusal early on costs no further reads.
 */
public final class EntryPolicy {

    /** Changes whenever a rule, its order or its outcome changes; every decision carries it. */
    public static final String VERSION = "2026-12-08.1";

    private final AccessFacts facts;
    private final Clock clock;

    public EntryPolicy(AccessFacts facts, Clock clock) {
        this.facts = Objects.requireNonNull(facts, "facts");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Decides a swipe at a door, judged at its {@code occurredAt}. */
    public Decision decide(EntryRequest request) {
        return atDoor(
                request.eventId(),
                request.doorId(),
                request.direction(),
                request.cardNumber(),
                request.occurredAt(),
                facts,
                Judging.AT_THE_MOMENT);
    }

    /**
     * The candidates the rules would let in through {@code doorId} at {@code at}, as if each presented their
     * current card there: the GRANTED decisions, in candidate order. Presence is left out (everyone counts as
     * outside): the question is about permission, not about where people happen to be.
     */
    public List<Decision> whoCanEnter(String doorId, Instant at, Collection<Candidate> candidates) {
        var granted = new ArrayList<Decision>();
        for (var candidate : candidates) {
            var decision = canEnterThrough(candidate, doorId, at);
            if (decision.granted()) {
                granted.add(decision);
            }
        }
        return granted;
    }

    /** The candidates the rules would let into {@code building} at {@code at}, by any door; as above. */
    public List<Decision> whoCanEnter(Building building, Instant at, Collection<Candidate> candidates) {
        return candidates.stream()
                .map(candidate -> canEnter(candidate, building, at))
                .filter(Decision::granted)
                .toList();
    }

    /** Whether {@code candidate} could enter through {@code doorId} at {@code at}, and why (or why not). */
    public Decision canEnterThrough(Candidate candidate, String doorId, Instant at) {
        return atDoor(
                null,
                doorId,
                Direction.IN,
                cardNumber(candidate),
                at,
                new CandidateFacts(facts, candidate),
                Judging.AT_THE_MOMENT);
    }

    /**
     * Whether {@code candidate} may enter through {@code doorId} at some moment from {@code from} on: the same rules
     * in the same order, with those about the moment (the card's validity, the grant's dates, its schedule) asking
     * only whether their window has ended, and anti-passback left out. This is what a door's offline allow-list
     * holds; the door then runs {@link #decide} itself on the windows the list carries (docs/contracts.md).
     */
    public Decision mayEnterThroughFrom(Candidate candidate, String doorId, Instant from) {
        return atDoor(
                null,
                doorId,
                Direction.IN,
                cardNumber(candidate),
                from,
                new CandidateFacts(facts, candidate),
                Judging.FROM_THEN_ON);
    }

    /**
     * Whether {@code candidate} could enter {@code building} at {@code at}: the rules after the door rules, which
     * a question about the whole building has no door for.
     */
    public Decision canEnter(Candidate candidate, Building building, Instant at) {
        var draft = new Draft(null, null, Direction.IN, cardNumber(candidate), at);
        return evaluate(draft, null, building, new CandidateFacts(facts, candidate), Judging.AT_THE_MOMENT);
    }

    private Decision atDoor(
            String eventId,
            String doorId,
            Direction direction,
            String cardNumber,
            Instant at,
            AccessFacts from,
            Judging judging) {
        var draft = new Draft(eventId, doorId, direction, cardNumber, at);
        var door = from.door(doorId);
        var building = door.flatMap(d -> from.building(d.buildingId()));
        if (building.isEmpty()) {
            return draft.deny(EntryRule.DOOR_KNOWN, DecisionReason.UNKNOWN_DOOR);
        }
        return evaluate(draft, door.get(), building.get(), from, judging);
    }

    /** How the rules about the moment read {@code draft.at}. */
    private enum Judging {
        /** A swipe: the moment itself. */
        AT_THE_MOMENT,
        /** An allow-list: any moment from then on; refused only by a window that has ended. */
        FROM_THEN_ON
    }

    /** The rules after door-known, in order. {@code door} is null for a question about a building. */
    private Decision evaluate(Draft draft, Door door, Building building, AccessFacts from, Judging judging) {
        var atTheMoment = judging == Judging.AT_THE_MOMENT;
        draft.buildingId = building.buildingId();
        if (draft.direction == Direction.OUT) {
            return exit(draft, from);
        }
        if (door != null && !door.capability().allows(Direction.IN)) {
            return draft.deny(EntryRule.DOOR_DIRECTION, DecisionReason.DIRECTION_NOT_SUPPORTED);
        }
        if (draft.cardNumber == null) {
            return draft.deny(EntryRule.CARD_KNOWN, DecisionReason.NO_CARD);
        }
        var found = from.cardByNumber(draft.cardNumber);
        if (found.isEmpty()) {
            return draft.alarm(AlarmType.UNKNOWN_CARD).deny(EntryRule.CARD_KNOWN, DecisionReason.UNKNOWN_CARD);
        }
        var card = draft.read(found.get());
        if (card.status() != CardStatus.ACTIVE) {
            AlarmType.forCardUsedIn(card.status()).ifPresent(draft::alarm);
            return draft.deny(EntryRule.CARD_ACTIVE, DecisionReason.CARD_NOT_ACTIVE);
        }
        if (atTheMoment ? !card.isValidAt(draft.at) : !card.isValidAtOrAfter(draft.at)) {
            return draft.deny(EntryRule.CARD_VALIDITY, DecisionReason.CARD_EXPIRED);
        }
        var employee = from.employee(card.employeeId());
        if (employee.isEmpty() || employee.get().status() != EmployeeStatus.ACTIVE) {
            return draft.deny(EntryRule.EMPLOYEE_ACTIVE, DecisionReason.EMPLOYEE_INACTIVE);
        }
        var zone = building.timeZone();
        var affiliation = employee.get().affiliation();
        if (!(atTheMoment ? affiliation.isInForceAt(draft.at, zone) : affiliation.isInForceAtOrAfter(draft.at, zone))) {
            return draft.deny(EntryRule.AFFILIATION_IN_FORCE, DecisionReason.AFFILIATION_NOT_IN_FORCE);
        }
        var grant = from.grant(card.employeeId(), building.buildingId());
        if (grant.isEmpty()
                || !(atTheMoment
                        ? grant.get().isInForceAt(draft.at, zone)
                        : grant.get().isInForceAtOrAfter(draft.at, zone))) {
            return draft.deny(EntryRule.GRANT_FOR_BUILDING, DecisionReason.NO_ACCESS_TO_BUILDING);
        }
        if (!atTheMoment) {
            // A schedule covers some moment of every week; where people are is no question for a list.
            return draft.grant(EntryRule.ALL_RULES_PASSED, DecisionReason.GRANTED);
        }
        if (!grant.get().scheduleCovers(draft.at, zone)) {
            return draft.deny(EntryRule.GRANT_SCHEDULE, DecisionReason.OUTSIDE_SCHEDULE);
        }
        var antiPassback = from.antiPassback(building.buildingId());
        if (antiPassback.mode() == AntiPassback.Mode.OFF) {
            return draft.grant(EntryRule.ALL_RULES_PASSED, DecisionReason.GRANTED);
        }
        var presence = from.presence(card.employeeId(), building.buildingId())
                .orElseGet(() -> Presence.unknown(card.employeeId(), building.buildingId()));
        return switch (antiPassback.judge(presence, draft.at)) {
            case DENY ->
                draft.alarm(AlarmType.ANTI_PASSBACK).deny(EntryRule.ANTI_PASSBACK, DecisionReason.ANTI_PASSBACK);
            case ALARM -> draft.alarm(AlarmType.ANTI_PASSBACK).grant(EntryRule.ANTI_PASSBACK, DecisionReason.GRANTED);
            case PASS -> draft.grant(EntryRule.ALL_RULES_PASSED, DecisionReason.GRANTED);
        };
    }

    /** An exit is granted whatever the card; the card is read only to record who left and raise its alarms. */
    private Decision exit(Draft draft, AccessFacts from) {
        if (draft.cardNumber != null) {
            from.cardByNumber(draft.cardNumber)
                    .ifPresentOrElse(
                            card -> AlarmType.forCardUsedIn(draft.read(card).status())
                                    .ifPresent(draft::alarm),
                            () -> draft.alarm(AlarmType.UNKNOWN_CARD));
        }
        return draft.grant(EntryRule.EXIT_ALWAYS_ALLOWED, DecisionReason.EXIT);
    }

    private static String cardNumber(Candidate candidate) {
        return candidate.card() == null ? null : candidate.card().cardNumber();
    }

    /** A decision being made: the ids resolved so far and the alarms raised. */
    private final class Draft {

        private final String eventId;
        private final String doorId;
        private final Direction direction;
        private final String cardNumber;
        private final Instant at;
        private final List<AlarmType> alarms = new ArrayList<>();
        private String buildingId;
        private String cardId;
        private CardStatus cardStatus;
        private String employeeId;

        Draft(String eventId, String doorId, Direction direction, String cardNumber, Instant at) {
            this.eventId = eventId;
            this.doorId = doorId;
            this.direction = Objects.requireNonNull(direction, "direction");
            this.cardNumber = cardNumber;
            this.at = Objects.requireNonNull(at, "at");
        }

        Card read(Card card) {
            cardId = card.cardId();
            cardStatus = card.status();
            employeeId = card.employeeId();
            return card;
        }

        Draft alarm(AlarmType alarm) {
            alarms.add(alarm);
            return this;
        }

        Decision grant(EntryRule rule, DecisionReason reason) {
            return finish(Outcome.GRANTED, rule, reason);
        }

        Decision deny(EntryRule rule, DecisionReason reason) {
            return finish(Outcome.DENIED, rule, reason);
        }

        private Decision finish(Outcome outcome, EntryRule rule, DecisionReason reason) {
            return new Decision(
                    eventId,
                    outcome,
                    reason,
                    rule.ruleName(),
                    VERSION,
                    direction,
                    doorId,
                    buildingId,
                    cardNumber,
                    cardId,
                    cardStatus,
                    employeeId,
                    alarms,
                    at,
                    clock.instant());
        }
    }
}
