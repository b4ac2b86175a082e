package io.badgeflow.model.access;

import static io.badgeflow.model.access.Site.DECIDED_AT;
import static io.badgeflow.model.access.Site.TUESDAY_9;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.badgeflow.model.door.DoorState;
import io.badgeflow.model.door.DoorStateChanged;
import io.badgeflow.model.door.ExitRecorded;
import io.badgeflow.model.presence.PresenceKey;
import java.util.List;
import org.junit.jupiter.api.Test;

class PresenceProjectorTests {

    private final InMemoryAccessFacts facts = Site.standard();
    private final FactsLedger ledger = new FactsLedger(facts);
    private final PresenceProjector projector = new PresenceProjector(ledger, facts);

    @Test
    void putsSomeoneInsideForAGrantedEntryAndWritesNothingWhenTheSameEntryComesAgain() {
        var entry = Site.policy(facts).decide(Site.in(TUESDAY_9)).toEvent();

        projector.apply(entry);
        projector.apply(entry);

        assertThat(facts.presenceOf("emp-1", "HQ").inside()).isTrue();
        assertThat(facts.presenceOf("emp-1", "HQ").version()).isEqualTo(1);
        assertThat(ledger.writes).isEqualTo(1);
    }

    @Test
    void resolvesTheEmployeeOfAnExitAReaderReportedWithJustTheCardNumber() {
        projector.apply(Site.policy(facts).decide(Site.in(TUESDAY_9)).toEvent());

        projector.apply(new ExitRecorded(
                "evt-out",
                "door-2",
                "HQ",
                "0042",
                null,
                null,
                List.of(),
                TUESDAY_9.plusSeconds(60),
                DECIDED_AT.plusSeconds(60)));

        assertThat(facts.presenceOf("emp-1", "HQ").inside()).isFalse();
        assertThat(facts.presenceOf("emp-1", "HQ").lastEventId()).isEqualTo("evt-out");
    }

    @Test
    void keepsTheNewerPassageWhenAnOlderOneArrivesLate() {
        var entry = Site.policy(facts).decide(Site.in(TUESDAY_9)).toEvent();
        var exit = new ExitRecorded(
                "evt-out",
                "door-2",
                "HQ",
                "0042",
                "card-1",
                "emp-1",
                List.of(),
                TUESDAY_9.plusSeconds(60),
                DECIDED_AT.plusSeconds(60));

        projector.apply(exit);
        projector.apply(entry);

        assertThat(facts.presenceOf("emp-1", "HQ").inside()).isFalse();
    }

    @Test
    void movesNobodyForADenialAnUnknownCardOrADoorState() {
        projector.apply(
                Site.policy(facts).decide(Site.in("door-1", "9999", TUESDAY_9)).toEvent());
        projector.apply(
                new ExitRecorded("evt-x", "door-2", "HQ", "9999", null, null, List.of(), TUESDAY_9, DECIDED_AT));
        projector.apply(new DoorStateChanged("evt-d", "door-1", "HQ", DoorState.FORCED, TUESDAY_9));

        assertThat(ledger.writes).isZero();
    }

    @Test
    void appliesABatchByPrefetchingThePresencesItMovesAndWritingEachOnceFoldedInOrder() {
        var entry = Site.policy(facts).decide(Site.in(TUESDAY_9)).toEvent();
        var exitByCardNumber = new ExitRecorded(
                "evt-out",
                "door-2",
                "HQ",
                "0042",
                null,
                null,
                List.of(),
                TUESDAY_9.plusSeconds(60),
                DECIDED_AT.plusSeconds(60));
        var unknownCardExit =
                new ExitRecorded("evt-x", "door-2", "HQ", "9999", null, null, List.of(), TUESDAY_9, DECIDED_AT);
        var doorState = new DoorStateChanged("evt-d", "door-1", "HQ", DoorState.FORCED, TUESDAY_9);

        projector.applyAll(List.of(entry, exitByCardNumber, unknownCardExit, doorState));

        assertThat(ledger.prefetched).containsExactly(List.of(new PresenceKey("emp-1", "HQ")));
        assertThat(ledger.writes)
                .as("the entry and the exit folded into one write")
                .isEqualTo(1);
        var presence = facts.presenceOf("emp-1", "HQ");
        assertThat(presence.inside()).isFalse();
        assertThat(presence.lastEventId()).isEqualTo("evt-out");
        assertThat(presence.version()).as("one version per passage").isEqualTo(2);
    }

    @Test
    void appliesTheBatchAgainWithoutWriting() {
        var entry = Site.policy(facts).decide(Site.in(TUESDAY_9)).toEvent();
        projector.applyAll(List.of(entry));

        projector.applyAll(List.of(entry));

        assertThat(ledger.writes).isEqualTo(1);
        assertThat(facts.presenceOf("emp-1", "HQ").version()).isEqualTo(1);
    }

    @Test
    void appliesOneByOneThePassagesOfAPresenceWhoseBatchedWriteDidNotHappen() {
        var entry = Site.policy(facts).decide(Site.in(TUESDAY_9)).toEvent();
        ledger.refuseNextBatch = true;

        projector.applyAll(List.of(entry));

        assertThat(facts.presenceOf("emp-1", "HQ").inside()).isTrue();
        assertThat(facts.presenceOf("emp-1", "HQ").version()).isEqualTo(1);
    }

    @Test
    void appliesNothingForABatchThatMovesNobody() {
        projector.applyAll(List.of(new DoorStateChanged("evt-d", "door-1", "HQ", DoorState.FORCED, TUESDAY_9)));

        assertThat(ledger.prefetched).isEmpty();
        assertThat(ledger.writes).isZero();
    }

    @Test
    void givesUpForALaterRetryWhenThePresenceMovesUnderEveryAttempt() {
        ledger.alwaysMoved = true;
        var entry = Site.policy(facts).decide(Site.in(TUESDAY_9)).toEvent();

        assertThatThrownBy(() -> projector.apply(entry)).isInstanceOf(PresenceContentionException.class);
    }
}
