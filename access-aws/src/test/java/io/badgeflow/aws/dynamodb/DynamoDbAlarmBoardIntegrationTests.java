package io.badgeflow.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.badgeflow.aws.testing.AwsClients;
import io.badgeflow.aws.testing.AwsEnvironment;
import io.badgeflow.aws.testing.LocalAws;
import io.badgeflow.model.alarm.Alarm;
import io.badgeflow.model.alarm.AlarmHandling;
import io.badgeflow.model.alarm.AlarmRecord;
import io.badgeflow.model.alarm.AlarmStatus;
import io.badgeflow.model.alarm.AlarmTransitionRefusedException;
import io.badgeflow.model.door.AlarmType;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The alarms page's reads and writes on the alarms table the consumer fills: an alarm marked by the ledger is
 * listed open, newest first, per door and per building; acknowledging and resolving change the stored row under a
 * condition; a late re-mark of the raise (redelivery) does not undo them.
 */
@ExtendWith(LocalAws.class)
class DynamoDbAlarmBoardIntegrationTests {

    private static DynamoDbAlarmLedger ledger;
    private static DynamoDbAlarmBoard board;

    @BeforeAll
    static void connect(AwsEnvironment aws) {
        var dynamoDb = AwsClients.dynamoDb(aws);
        var enhanced = AwsClients.enhanced(dynamoDb);
        var table = aws.output("AlarmsTableName");
        ledger = new DynamoDbAlarmLedger(
                enhanced, dynamoDb, table, DynamoDbAlarmLedger.DEFAULT_RETENTION, Clock.systemUTC());
        board = new DynamoDbAlarmBoard(enhanced, dynamoDb, table);
    }

    private static Alarm forced(String doorId, String buildingId, Instant raisedAt) {
        var eventId = UUID.randomUUID().toString();
        return new Alarm(
                Alarm.idOf(eventId, AlarmType.DOOR_FORCED),
                AlarmType.DOOR_FORCED,
                doorId,
                buildingId,
                eventId,
                null,
                null,
                null,
                raisedAt,
                raisedAt);
    }

    @Test
    void aRaisedAlarmIsListedOpenNewestFirstPerDoorAndPerBuilding() {
        var door = "door-" + UUID.randomUUID();
        var building = "bldg-" + UUID.randomUUID();
        var now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        var older = forced(door, building, now.minusSeconds(60));
        var newer = forced(door, building, now);
        ledger.markPublished(older);
        ledger.markPublished(newer);

        assertThat(board.atDoor(door, 10))
                .extracting(r -> r.alarm().alarmId())
                .containsExactly(newer.alarmId(), older.alarmId());
        assertThat(board.inBuilding(building, 10))
                .extracting(r -> r.alarm().alarmId())
                .containsExactly(newer.alarmId(), older.alarmId());
        assertThat(board.unresolved(200)).extracting(r -> r.alarm().alarmId()).contains(newer.alarmId());
        assertThat(board.find(newer.alarmId()))
                .hasValueSatisfying(r -> assertThat(r.handling()).isEqualTo(AlarmHandling.OPEN));
    }

    @Test
    void anAcknowledgementIsStoredAndALateRedeliveryOfTheRaiseDoesNotUndoIt() {
        var alarm = forced("door-" + UUID.randomUUID(), "bldg-1", Instant.now());
        ledger.markPublished(alarm);
        var acked = AlarmHandling.OPEN.acknowledge(alarm.alarmId(), "op", Instant.now(), "on my way");

        board.replace(alarm.alarmId(), AlarmHandling.OPEN, acked);
        ledger.markPublished(alarm);

        var stored = board.find(alarm.alarmId()).map(AlarmRecord::handling).orElseThrow();
        assertThat(stored.status()).isEqualTo(AlarmStatus.ACKNOWLEDGED);
        assertThat(stored.acknowledgedBy()).isEqualTo("op");
        assertThat(stored.acknowledgeNote()).isEqualTo("on my way");
    }

    @Test
    void aResolvedAlarmLeavesTheUnresolvedListAndKeepsItsHistory() {
        var door = "door-" + UUID.randomUUID();
        var alarm = forced(door, "bldg-1", Instant.now());
        ledger.markPublished(alarm);
        var resolved = AlarmHandling.OPEN.resolve(alarm.alarmId(), "lead", Instant.now(), "repaired");

        board.replace(alarm.alarmId(), AlarmHandling.OPEN, resolved);

        assertThat(board.unresolved(200)).extracting(r -> r.alarm().alarmId()).doesNotContain(alarm.alarmId());
        assertThat(board.atDoor(door, 10)).singleElement().satisfies(r -> {
            assertThat(r.handling().status()).isEqualTo(AlarmStatus.RESOLVED);
            assertThat(r.handling().resolvedBy()).isEqualTo("lead");
            assertThat(r.handling().resolveNote()).isEqualTo("repaired");
        });
    }

    @Test
    void ofTwoOperatorsActingOnTheSameReadOnlyTheFirstWins() {
        var alarm = forced("door-" + UUID.randomUUID(), "bldg-1", Instant.now());
        ledger.markPublished(alarm);
        var first = AlarmHandling.OPEN.acknowledge(alarm.alarmId(), "first", Instant.now(), null);
        var second = AlarmHandling.OPEN.acknowledge(alarm.alarmId(), "second", Instant.now(), null);

        board.replace(alarm.alarmId(), AlarmHandling.OPEN, first);

        assertThatThrownBy(() -> board.replace(alarm.alarmId(), AlarmHandling.OPEN, second))
                .isInstanceOfSatisfying(
                        AlarmTransitionRefusedException.class,
                        e -> assertThat(e.current()).isEqualTo(AlarmStatus.ACKNOWLEDGED));
        assertThat(board.find(alarm.alarmId()).orElseThrow().handling().acknowledgedBy())
                .isEqualTo("first");
    }

    @Test
    void aDenialCounterIsNeverAnAlarm() {
        var door = "door-" + UUID.randomUUID();
        var bucket = Instant.parse("2026-03-03T10:00:00Z");
        ledger.countDenial(door, bucket, "e1", 5);

        assertThat(board.atDoor(door, 10)).isEmpty();
        assertThatThrownBy(() -> board.replace(
                        DynamoDbAlarmLedger.counterKey(door, bucket),
                        AlarmHandling.OPEN,
                        AlarmHandling.OPEN.acknowledge("x", "op", Instant.now(), null)))
                .isInstanceOf(AlarmTransitionRefusedException.class);
    }
}
