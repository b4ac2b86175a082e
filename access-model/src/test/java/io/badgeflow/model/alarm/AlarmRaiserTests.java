package io.badgeflow.model.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.badgeflow.model.card.CardStatus;
import io.badgeflow.model.door.AlarmType;
import io.badgeflow.model.door.DecisionReason;
import io.badgeflow.model.door.Direction;
import io.badgeflow.model.door.DoorState;
import io.badgeflow.model.door.DoorStateChanged;
import io.badgeflow.model.door.EntryDecided;
import io.badgeflow.model.door.ExitRecorded;
import io.badgeflow.model.door.Outcome;
import io.badgeflow.model.door.SwipeRecorded;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlarmRaiserTests {

    static final Instant AT = Instant.parse("2026-03-03T08:57:41.318Z");
    static final Instant NOW = Instant.parse("2026-03-03T08:57:42Z");

    final InMemoryAlarmLedger ledger = new InMemoryAlarmLedger();
    final List<Alarm> sent = new ArrayList<>();
    final AlarmRaiser raiser = new AlarmRaiser(
            ledger, sent::add, new RepeatedDenials(3, Duration.ofMinutes(5)), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void anUnknownCardDenialRaisesUnknownCardWithTheIdsItKnows() {
        var event = denied("ev-1", "door-1", AT, DecisionReason.UNKNOWN_CARD, null, null, AlarmType.UNKNOWN_CARD);

        raiser.raise(event, true);

        assertThat(sent).singleElement().satisfies(alarm -> {
            assertThat(alarm.type()).isEqualTo(AlarmType.UNKNOWN_CARD);
            assertThat(alarm.alarmId()).isEqualTo(Alarm.idOf("ev-1", AlarmType.UNKNOWN_CARD));
            assertThat(alarm.doorId()).isEqualTo("door-1");
            assertThat(alarm.buildingId()).isEqualTo("bldg-1");
            assertThat(alarm.eventId()).isEqualTo("ev-1");
            assertThat(alarm.cardNumber()).isEqualTo("CARD-1");
            assertThat(alarm.cardId()).isNull();
            assertThat(alarm.employeeId()).isNull();
            assertThat(alarm.occurredAt()).isEqualTo(AT);
            assertThat(alarm.raisedAt()).isEqualTo(NOW);
        });
        assertThat(ledger.marked).containsOnlyKeys(Alarm.idOf("ev-1", AlarmType.UNKNOWN_CARD));
    }

    @Test
    void eachCardStatusAlarmIsRaisedWithTheCardAndEmployee() {
        for (var status : List.of(CardStatus.REVOKED, CardStatus.LOST, CardStatus.SUSPENDED)) {
            var type = AlarmType.forCardUsedIn(status).orElseThrow();
            raiser.raise(
                    new EntryDecided(
                            "ev-" + status,
                            "door-" + status,
                            "bldg-1",
                            "CARD-1",
                            Direction.IN,
                            "card-1",
                            status,
                            "emp-1",
                            Outcome.DENIED,
                            DecisionReason.CARD_NOT_ACTIVE,
                            "card-active",
                            "v",
                            List.of(type),
                            AT,
                            AT),
                    true);
        }

        assertThat(sent)
                .extracting(Alarm::type)
                .containsExactly(AlarmType.REVOKED_CARD_USED, AlarmType.LOST_CARD_USED, AlarmType.SUSPENDED_CARD_USED);
        assertThat(sent).allSatisfy(alarm -> {
            assertThat(alarm.cardId()).isEqualTo("card-1");
            assertThat(alarm.employeeId()).isEqualTo("emp-1");
        });
    }

    @Test
    void aSoftAntiPassbackGrantRaisesAntiPassback() {
        var event = new EntryDecided(
                "ev-apb",
                "door-1",
                "bldg-1",
                "CARD-1",
                Direction.IN,
                "card-1",
                CardStatus.ACTIVE,
                "emp-1",
                Outcome.GRANTED,
                DecisionReason.GRANTED,
                "anti-passback",
                "v",
                List.of(AlarmType.ANTI_PASSBACK),
                AT,
                AT);

        raiser.raise(event, true);

        assertThat(sent).extracting(Alarm::type).containsExactly(AlarmType.ANTI_PASSBACK);
    }

    @Test
    void anExitOfARevokedCardRaisesRevokedCardUsed() {
        var exit = new ExitRecorded(
                "ev-exit",
                "door-1",
                "bldg-1",
                "CARD-1",
                "card-1",
                "emp-1",
                List.of(AlarmType.REVOKED_CARD_USED),
                AT,
                AT);

        raiser.raise(exit, true);

        assertThat(sent)
                .extracting(Alarm::type, Alarm::employeeId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AlarmType.REVOKED_CARD_USED, "emp-1"));
    }

    @Test
    void forcedAndHeldOpenDoorsRaiseTheirAlarmsAndOtherStatesNone() {
        for (var state : DoorState.values()) {
            raiser.raise(new DoorStateChanged("ev-" + state, "door-1", "bldg-1", state, AT), true);
        }

        assertThat(sent)
                .extracting(Alarm::type, Alarm::eventId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AlarmType.DOOR_FORCED, "ev-FORCED"),
                        org.assertj.core.groups.Tuple.tuple(AlarmType.DOOR_HELD_OPEN, "ev-HELD_OPEN"));
    }

    @Test
    void aGrantedEntryAndAnUnconfirmedSwipeRaiseNothing() {
        raiser.raise(
                new EntryDecided(
                        "ev-ok",
                        "door-1",
                        "bldg-1",
                        "CARD-1",
                        Direction.IN,
                        "card-1",
                        CardStatus.ACTIVE,
                        "emp-1",
                        Outcome.GRANTED,
                        DecisionReason.GRANTED,
                        "all-rules-passed",
                        "v",
                        List.of(),
                        AT,
                        AT),
                true);
        raiser.raise(new SwipeRecorded("ev-swipe", "door-1", "bldg-1", "CARD-1", Direction.IN, AT, AT), true);

        assertThat(sent).isEmpty();
        assertThat(ledger.marked).isEmpty();
    }

    @Test
    void aRedeliveredEventWhoseAlarmWasPublishedRaisesNothing() {
        var event = new DoorStateChanged("ev-forced", "door-1", "bldg-1", DoorState.FORCED, AT);
        raiser.raise(event, true);

        raiser.raise(event, false);
        raiser.raise(event, false);

        assertThat(sent).hasSize(1);
    }

    @Test
    void aRedeliveredEventWhoseFirstPublishFailedPublishesItThen() {
        var event = new DoorStateChanged("ev-forced", "door-1", "bldg-1", DoorState.HELD_OPEN, AT);
        var failing = new AlarmRaiser(
                ledger,
                alarm -> {
                    throw new IllegalStateException("topic unavailable");
                },
                RepeatedDenials.DEFAULT,
                Clock.fixed(NOW, ZoneOffset.UTC));
        assertThatThrownBy(() -> failing.raise(event, true)).hasMessage("topic unavailable");
        assertThat(ledger.marked).isEmpty();

        raiser.raise(event, false);

        assertThat(sent).extracting(Alarm::alarmId).containsExactly(Alarm.idOf("ev-forced", AlarmType.DOOR_HELD_OPEN));
        assertThat(ledger.marked).containsOnlyKeys(Alarm.idOf("ev-forced", AlarmType.DOOR_HELD_OPEN));
    }

    @Test
    void theThirdDenialAtOneDoorWithinTheBucketRaisesRepeatedDenialsOnce() {
        var bucket = Instant.parse("2026-03-03T08:55:00Z");
        for (var i = 1; i <= 5; i++) {
            raiser.raise(
                    denied(
                            "ev-" + i,
                            "door-1",
                            bucket.plusSeconds(10L * i),
                            DecisionReason.NO_ACCESS_TO_BUILDING,
                            "card-1",
                            "emp-1"),
                    true);
        }

        assertThat(sent).singleElement().satisfies(alarm -> {
            assertThat(alarm.type()).isEqualTo(AlarmType.REPEATED_DENIALS);
            assertThat(alarm.alarmId()).isEqualTo(Alarm.repeatedDenialsIdOf("door-1", bucket));
            assertThat(alarm.eventId()).isEqualTo("ev-3");
            assertThat(alarm.doorId()).isEqualTo("door-1");
            assertThat(alarm.buildingId()).isEqualTo("bldg-1");
            assertThat(alarm.employeeId()).isNull();
        });
    }

    @Test
    void aDenialRedeliveredTwiceCountsOnce() {
        var first = denied("ev-1", "door-1", AT, DecisionReason.OUTSIDE_SCHEDULE, "card-1", "emp-1");
        var second = denied("ev-2", "door-1", AT.plusSeconds(1), DecisionReason.OUTSIDE_SCHEDULE, "card-1", "emp-1");

        raiser.raise(first, true);
        raiser.raise(first, false);
        raiser.raise(first, false);
        raiser.raise(second, true);
        raiser.raise(second, false);

        assertThat(sent).isEmpty();
    }

    @Test
    void denialsInTwoBucketsOrAtTwoDoorsAreCountedApart() {
        var bucket = Instant.parse("2026-03-03T08:55:00Z");
        raiser.raise(
                denied("a", "door-1", bucket.minusSeconds(1), DecisionReason.CARD_EXPIRED, "card-1", "emp-1"), true);
        raiser.raise(denied("b", "door-1", bucket, DecisionReason.CARD_EXPIRED, "card-1", "emp-1"), true);
        raiser.raise(
                denied("c", "door-2", bucket.plusSeconds(1), DecisionReason.CARD_EXPIRED, "card-1", "emp-1"), true);
        raiser.raise(
                denied("d", "door-1", bucket.plusSeconds(2), DecisionReason.CARD_EXPIRED, "card-1", "emp-1"), true);

        assertThat(sent).isEmpty();
        raiser.raise(
                denied("e", "door-1", bucket.plusSeconds(299), DecisionReason.CARD_EXPIRED, "card-1", "emp-1"), true);
        assertThat(sent).extracting(Alarm::type).containsExactly(AlarmType.REPEATED_DENIALS);
    }

    @Test
    void aReplayOfTheDenialsInAnotherOrderRaisesTheSameRepeatedDenialsAlarmNoSecondTime() {
        var bucket = Instant.parse("2026-03-03T08:55:00Z");
        var denials = List.of(
                denied("ev-1", "door-1", bucket.plusSeconds(1), DecisionReason.UNKNOWN_CARD, null, null),
                denied("ev-2", "door-1", bucket.plusSeconds(2), DecisionReason.UNKNOWN_CARD, null, null),
                denied("ev-3", "door-1", bucket.plusSeconds(3), DecisionReason.UNKNOWN_CARD, null, null));
        denials.forEach(denial -> raiser.raise(denial, true));

        denials.reversed().forEach(denial -> raiser.raise(denial, false));

        assertThat(sent).extracting(Alarm::alarmId).containsExactly(Alarm.repeatedDenialsIdOf("door-1", bucket));
    }

    @Test
    void aDenialAtAnUnknownDoorIsNotCounted() {
        for (var i = 0; i < 4; i++) {
            raiser.raise(
                    new EntryDecided(
                            "ev-" + i,
                            "door-x",
                            null,
                            "CARD-1",
                            Direction.IN,
                            null,
                            null,
                            null,
                            Outcome.DENIED,
                            DecisionReason.UNKNOWN_DOOR,
                            "door-known",
                            "v",
                            List.of(),
                            AT,
                            AT),
                    true);
        }

        assertThat(sent).isEmpty();
        assertThat(ledger.denials).isEmpty();
    }

    @Test
    void bucketsAreAlignedToTheEpoch() {
        var rule = new RepeatedDenials(5, Duration.ofMinutes(5));

        assertThat(rule.bucketStart(Instant.parse("2026-03-03T08:59:59.999Z")))
                .isEqualTo(Instant.parse("2026-03-03T08:55:00Z"));
        assertThat(rule.bucketStart(Instant.parse("2026-03-03T09:00:00Z")))
                .isEqualTo(Instant.parse("2026-03-03T09:00:00Z"));
    }

    @Test
    void alarmIdsDependOnlyOnWhatRaisedThem() {
        assertThat(Alarm.idOf("ev-1", AlarmType.UNKNOWN_CARD))
                .isEqualTo(Alarm.idOf("ev-1", AlarmType.UNKNOWN_CARD))
                .isNotEqualTo(Alarm.idOf("ev-1", AlarmType.ANTI_PASSBACK))
                .isNotEqualTo(Alarm.idOf("ev-2", AlarmType.UNKNOWN_CARD))
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    private static EntryDecided denied(
            String eventId,
            String doorId,
            Instant at,
            DecisionReason reason,
            String cardId,
            String employeeId,
            AlarmType... alarms) {
        return new EntryDecided(
                eventId,
                doorId,
                "bldg-1",
                "CARD-1",
                Direction.IN,
                cardId,
                cardId == null ? null : CardStatus.ACTIVE,
                employeeId,
                Outcome.DENIED,
                reason,
                "rule",
                "v",
                List.of(alarms),
                at,
                at);
    }
}
