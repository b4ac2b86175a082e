package io.badgeflow.model.access;

import static io.badgeflow.model.access.Site.DECIDED_AT;
import static io.badgeflow.model.access.Site.TUESDAY_9;
import static io.badgeflow.model.access.Site.in;
import static io.badgeflow.model.access.Site.out;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.badgeflow.model.door.DecisionReason;
import io.badgeflow.model.door.Direction;
import io.badgeflow.model.door.DoorEvent;
import io.badgeflow.model.door.EntryDecided;
import io.badgeflow.model.door.ExitRecorded;
import io.badgeflow.model.presence.AntiPassback;
import io.badgeflow.model.presence.Presence;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntryDecisionsTests {

    private final InMemoryAccessFacts facts = Site.standard();
    private final FactsLedger ledger = new FactsLedger(facts);
    private final FactsDecisionLog log = new FactsDecisionLog(ledger);
    private final List<DoorEvent> published = log.stream;
    private final EntryDecisions decisions =
            new EntryDecisions(facts, ledger, log, Clock.fixed(DECIDED_AT, ZoneOffset.UTC));

    @Test
    void grantsAnEntryInOneWriteThatStoresThePersonInsideAndCarriesTheDecision() {
        var request = in("door-1", "0042", TUESDAY_9);

        var decision = decisions.decide(request);

        assertThat(decision.reason()).isEqualTo(DecisionReason.GRANTED);
        assertThat(facts.presenceOf("emp-1", "HQ"))
                .isEqualTo(new Presence("emp-1", "HQ", true, "door-1", TUESDAY_9, request.eventId(), 1));
        assertThat(published)
                .singleElement()
                .isInstanceOfSatisfying(
                        EntryDecided.class, event -> assertThat(event.eventId()).isEqualTo(request.eventId()));
        assertThat(ledger.writes).isOne();
        assertThat(log.recorded).as("no second write for the decision").isZero();
    }

    @Test
    void deniesASecondEntryUnderHardAntiPassbackAndRecordsItInOneWrite() {
        facts.antiPassback("HQ", AntiPassback.hard());
        decisions.decide(in("door-1", "0042", TUESDAY_9));

        var second = decisions.decide(in("door-2", "0042", TUESDAY_9.plusSeconds(20)));

        assertThat(second.reason()).isEqualTo(DecisionReason.ANTI_PASSBACK);
        assertThat(facts.presenceOf("emp-1", "HQ").version()).isEqualTo(1);
        assertThat(published).hasSize(2);
        assertThat(log.recorded).isOne();
    }

    @Test
    void decidesAgainOnAFreshReadWhenTheRecalledPresenceWasStaleAndAnotherDoorAdmittedThePersonMeanwhile() {
        ledger.recalled = Presence.unknown("emp-1", "HQ");
        facts.with(Presence.unknown("emp-1", "HQ").entered("evt-other", "door-2", TUESDAY_9.minusSeconds(5)));

        var decision = decisions.decide(in("door-1", "0042", TUESDAY_9));

        assertThat(decision.reason())
                .as("the write on the stale version lost, the fresh read is inside")
                .isEqualTo(DecisionReason.ANTI_PASSBACK);
        assertThat(facts.presenceOf("emp-1", "HQ").lastEventId()).isEqualTo("evt-other");
        assertThat(published).singleElement();
    }

    @Test
    void neverRefusesOnARecalledPresenceAlone() {
        var entered = Presence.unknown("emp-1", "HQ").entered("evt-in", "door-2", TUESDAY_9.minusSeconds(60));
        ledger.recalled = entered;
        facts.with(entered.left("evt-out", "door-2", TUESDAY_9.minusSeconds(30)));

        var decision = decisions.decide(in("door-1", "0042", TUESDAY_9));

        assertThat(decision.reason())
                .as("the fresh read shows the exit the recall missed")
                .isEqualTo(DecisionReason.GRANTED);
        assertThat(facts.presenceOf("emp-1", "HQ").inside()).isTrue();
        assertThat(facts.presenceOf("emp-1", "HQ").version()).isEqualTo(3);
    }

    @Test
    void answersARetriedSwipeAsTheFirstTimeAndWritesNothingMoreSinceItsPassageCarriedItToTheStream() {
        facts.antiPassback("HQ", AntiPassback.hard());
        var request = in("door-1", "0042", TUESDAY_9);
        decisions.decide(request);

        var again = decisions.decide(request);

        assertThat(again.reason()).isEqualTo(DecisionReason.GRANTED);
        assertThat(facts.presenceOf("emp-1", "HQ").version()).isEqualTo(1);
        assertThat(published).extracting(DoorEvent::eventId).containsExactly(request.eventId());
        assertThat(ledger.writes).isOne();
        assertThat(log.recorded).isZero();
    }

    @Test
    void recordsAnExitAndMovesThePersonOutside() {
        decisions.decide(in("door-1", "0042", TUESDAY_9));

        var exit = decisions.decide(out("door-2", "0042", TUESDAY_9.plusSeconds(3600)));

        assertThat(exit.reason()).isEqualTo(DecisionReason.EXIT);
        assertThat(facts.presenceOf("emp-1", "HQ").inside()).isFalse();
        assertThat(published.get(1)).isInstanceOf(ExitRecorded.class);
    }

    @Test
    void recordsADenialOfAnUnknownCardWithoutTouchingPresence() {
        var decision = decisions.decide(new EntryRequest("evt-x", "door-1", "9999", Direction.IN, TUESDAY_9));

        assertThat(decision.reason()).isEqualTo(DecisionReason.UNKNOWN_CARD);
        assertThat(ledger.writes).isZero();
        assertThat(log.recorded).isOne();
        assertThat(published).singleElement();
    }

    @Test
    void recordsAGrantedPassageOlderThanTheStoredOneWithoutMovingPresence() {
        var later = Presence.unknown("emp-1", "HQ").left("evt-later", "door-2", TUESDAY_9.plusSeconds(60));
        facts.with(later);

        var late = decisions.decide(in("door-1", "0042", TUESDAY_9));

        assertThat(late.reason()).isEqualTo(DecisionReason.GRANTED);
        assertThat(facts.presenceOf("emp-1", "HQ")).isEqualTo(later);
        assertThat(log.recorded).isOne();
        assertThat(published).extracting(DoorEvent::eventId).containsExactly(late.eventId());
    }

    @Test
    void givesUpWithoutAnsweringWhenThePresenceMovesUnderEveryAttempt() {
        ledger.alwaysMoved = true;

        assertThatThrownBy(() -> decisions.decide(in("door-1", "0042", TUESDAY_9)))
                .isInstanceOf(PresenceContentionException.class);
        assertThat(published).isEmpty();
        assertThat(ledger.writes).isEqualTo(EntryDecisions.MAX_ATTEMPTS);
    }
}
