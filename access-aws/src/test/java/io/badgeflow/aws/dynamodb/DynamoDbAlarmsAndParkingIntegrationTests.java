package io.badgeflow.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.badgeflow.aws.parking.ParkReason;
import io.badgeflow.aws.parking.ParkedRecord;
import io.badgeflow.aws.testing.AwsClients;
import io.badgeflow.aws.testing.AwsEnvironment;
import io.badgeflow.aws.testing.LocalAws;
import io.badgeflow.model.InvalidFieldException;
import io.badgeflow.model.alarm.Alarm;
import io.badgeflow.model.door.AlarmType;
import io.badgeflow.model.paging.PageRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The alarms table (published marks, denial counters) and the parked-records table against the emulator. */
@ExtendWith(LocalAws.class)
class DynamoDbAlarmsAndParkingIntegrationTests {

    private static final Instant BUCKET = Instant.parse("2026-03-03T10:00:00Z");

    private static DynamoDbClient dynamoDb;
    private static DynamoDbEnhancedClient enhanced;
    private static AwsEnvironment aws;
    private static DynamoDbAlarmLedger ledger;

    @BeforeAll
    static void connect(AwsEnvironment environment) {
        aws = environment;
        dynamoDb = AwsClients.dynamoDb(aws);
        enhanced = AwsClients.enhanced(dynamoDb);
        ledger = new DynamoDbAlarmLedger(
                enhanced,
                dynamoDb,
                aws.output("AlarmsTableName"),
                DynamoDbAlarmLedger.DEFAULT_RETENTION,
                Clock.systemUTC());
    }

    @Test
    void anAlarmIsPublishedOnlyOnceMarked() {
        var eventId = UUID.randomUUID().toString();
        var alarm = new Alarm(
                Alarm.idOf(eventId, AlarmType.DOOR_FORCED),
                AlarmType.DOOR_FORCED,
                "door-1",
                "bldg-1",
                eventId,
                null,
                null,
                null,
                BUCKET,
                BUCKET);
        assertThat(ledger.published(alarm.alarmId())).isFalse();

        ledger.markPublished(alarm);
        ledger.markPublished(alarm);

        assertThat(ledger.published(alarm.alarmId())).isTrue();
        var row = dynamoDb.getItem(r -> r.tableName(aws.output("AlarmsTableName"))
                        .consistentRead(true)
                        .key(Map.of("alarmId", AttributeValue.fromS(alarm.alarmId()))))
                .item();
        assertThat(row.get("type").s()).isEqualTo("DOOR_FORCED");
        assertThat(row.get("eventId").s()).isEqualTo(eventId);
        assertThat(row).containsKeys("publishedAt", "expiresAt").doesNotContainKeys("cardId", "employeeId");
    }

    @Test
    void countsEachDenialOnceHoweverOftenItIsCounted() {
        var door = "door-" + UUID.randomUUID();

        assertThat(ledger.countDenial(door, BUCKET, "e-1", 5)).isEqualTo(1);
        assertThat(ledger.countDenial(door, BUCKET, "e-1", 5)).isEqualTo(1);
        assertThat(ledger.countDenial(door, BUCKET, "e-2", 5)).isEqualTo(2);
        assertThat(ledger.countDenial(door, BUCKET.plusSeconds(300), "e-3", 5)).isEqualTo(1);
        assertThat(ledger.countDenial(door, BUCKET, "e-1", 5)).isEqualTo(2);
    }

    @Test
    void concurrentDenialsReachTheThresholdWithoutTheSetGrowingPastIt() throws Exception {
        var door = "door-" + UUID.randomUUID();
        var counts = new ArrayList<Integer>();
        try (var pool = Executors.newFixedThreadPool(8)) {
            var tasks = IntStream.range(0, 12)
                    .mapToObj(i -> (Callable<Integer>) () -> ledger.countDenial(door, BUCKET, "e-" + i, 5))
                    .toList();
            for (var future : pool.invokeAll(tasks)) {
                counts.add(future.get());
            }
        }

        assertThat(counts).allMatch(count -> count >= 1 && count <= 5).contains(5);
        var row = dynamoDb.getItem(r -> r.tableName(aws.output("AlarmsTableName"))
                        .consistentRead(true)
                        .key(Map.of("alarmId", AttributeValue.fromS(DynamoDbAlarmLedger.counterKey(door, BUCKET)))))
                .item();
        assertThat(row.get("eventIds").ss()).hasSize(5);
        assertThat(row.get("doorId").s()).isEqualTo(door);
    }

    @Test
    void keepsTheFirstParkingOfARecordAndListsThemNewestFirstInPages() {
        var parked = new DynamoDbParkedRecords(
                enhanced,
                aws.output("ParkedRecordsTableName"),
                DynamoDbParkedRecords.DEFAULT_RETENTION,
                Clock.systemUTC());
        var shard = "shardId-" + UUID.randomUUID();
        var now = Instant.now().truncatedTo(ChronoUnit.MILLIS).plusSeconds(3600);
        for (var i = 0; i < 3; i++) {
            parked.park(ParkedRecord.of(
                    shard,
                    "4960000000000000000000000" + i,
                    "card:C",
                    ("poison " + i).getBytes(StandardCharsets.UTF_8),
                    ParkReason.MALFORMED,
                    "not JSON",
                    now.plusMillis(i)));
        }
        parked.park(ParkedRecord.of(
                shard,
                "49600000000000000000000000",
                "card:C",
                new byte[0],
                ParkReason.UNKNOWN_TYPE,
                "again",
                now.plusSeconds(60)));

        var first = parked.newest(new PageRequest(2, null));
        var second = parked.newest(new PageRequest(1, first.next()));

        assertThat(first.items())
                .extracting(ParkedRecord::sequenceNumber)
                .containsExactly("49600000000000000000000002", "49600000000000000000000001");
        assertThat(second.items())
                .extracting(ParkedRecord::sequenceNumber, ParkedRecord::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("49600000000000000000000000", ParkReason.MALFORMED));
        assertThat(first.items().getFirst().payloadBase64()).isEqualTo("cG9pc29uIDI=");
        assertThatThrownBy(() -> parked.newest(new PageRequest(1, "bm90LWEtY3Vyc29y")))
                .isInstanceOf(InvalidFieldException.class);
    }
}
