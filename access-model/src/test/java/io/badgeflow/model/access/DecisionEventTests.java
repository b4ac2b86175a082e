package io.badgeflow.model.access;

import static io.badgeflow.model.access.Site.DECIDED_AT;
import static io.badgeflow.model.access.Site.TUESDAY_9;
import static io.badgeflow.model.access.Site.in;
import static io.badgeflow.model.access.Site.out;
import static io.badgeflow.model.access.Site.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.badgeflow.model.InvalidFieldException;
import io.badgeflow.model.card.CardStatus;
import io.badgeflow.model.card.Cards;
import io.badgeflow.model.door.AlarmType;
import io.badgeflow.model.door.DecisionReason;
import io.badgeflow.model.door.Direction;
import io.badgeflow.model.door.EntryDecided;
import io.badgeflow.model.door.ExitRecorded;
import io.badgeflow.model.door.Outcome;
import io.badgeflow.model.employee.Employees;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionEventTests {

    private final InMemoryAccessFacts facts = Site.standard();

    @Test
    void recordsAnEntryWithEveryFieldOfItsDecisionKeyedByEmployee() {
        facts.with(Cards.in(CardStatus.LOST).build());
        var request = in(TUESDAY_9);

        var event = (EntryDecided) policy(facts).decide(request).toEvent();

        assertThat(event)
                .isEqualTo(new EntryDecided(
                        request.eventId(),
                        "door-1",
                        "HQ",
                        "0042",
                        Direction.IN,
                        "card-1",
                        CardStatus.LOST,
                        "emp-1",
                        Outcome.DENIED,
                        DecisionReason.CARD_NOT_ACTIVE,
                        "card-active",
                        EntryPolicy.VERSION,
                        List.of(AlarmType.LOST_CARD_USED),
                        TUESDAY_9,
                        DECIDED_AT));
        assertThat(event.partitionKey()).isEqualTo("employee:emp-1");
    }

    @Test
    void keysAnUnknownCardsEntryByItsCardNumber() {
        var event = policy(facts).decide(in("door-1", "FFFF", TUESDAY_9)).toEvent();

        assertThat(event).isInstanceOf(EntryDecided.class);
        assertThat(event.partitionKey()).isEqualTo("card:FFFF");
    }

    @Test
    void keysACardInStockByItsCardNumber() {
        facts.with(Cards.inStock().build());

        assertThat(policy(facts).decide(in(TUESDAY_9)).toEvent().partitionKey()).isEqualTo("card:0042");
    }

    @Test
    void recordsAnExitAsExitRecordedWithWhoLeftAndTheCardsAlarms() {
        facts.with(Cards.in(CardStatus.REVOKED).build());
        var request = out("door-2", "0042", TUESDAY_9);

        var event = policy(facts).decide(request).toEvent();

        assertThat(event)
                .isEqualTo(new ExitRecorded(
                        request.eventId(),
                        "door-2",
                        "HQ",
                        "0042",
                        "card-1",
                        "emp-1",
                        List.of(AlarmType.REVOKED_CARD_USED),
                        TUESDAY_9,
                        DECIDED_AT));
        assertThat(event.partitionKey()).isEqualTo("employee:emp-1");
    }

    @Test
    void recordsAnExitAtAnUnknownDoorAsADeniedDecision() {
        var event = (EntryDecided)
                policy(facts).decide(out("door-404", "0042", TUESDAY_9)).toEvent();

        assertThat(event.direction()).isEqualTo(Direction.OUT);
        assertThat(event.reason()).isEqualTo(DecisionReason.UNKNOWN_DOOR);
        assertThat(event.buildingId()).isNull();
    }

    @Test
    void recordsNothingForAnAnswerNoSwipeAsked() {
        var candidate = new Candidate(
                Employees.active().holding("card-1").build(), Cards.active().build(), List.of());

        var answer = policy(facts).canEnterThrough(candidate, "door-1", TUESDAY_9);

        assertThatThrownBy(answer::toEvent).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesAnEntryDecidedWhoseReasonContradictsItsOutcome() {
        assertThatThrownBy(() -> new EntryDecided(
                        "evt-1",
                        "door-1",
                        "HQ",
                        "0042",
                        Direction.IN,
                        null,
                        null,
                        null,
                        Outcome.GRANTED,
                        DecisionReason.UNKNOWN_CARD,
                        "card-known",
                        EntryPolicy.VERSION,
                        List.of(),
                        TUESDAY_9,
                        DECIDED_AT))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("reason");
    }
}
