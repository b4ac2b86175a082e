package io.badgeflow.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.aws.delivery.DeliveryFailureKey;
import io.badgeflow.aws.testing.AwsClients;
import io.badgeflow.aws.testing.AwsEnvironment;
import io.badgeflow.aws.testing.LocalAws;
import io.badgeflow.model.door.DeviceKey;
import io.badgeflow.model.door.DeviceKeyHash;
import io.badgeflow.model.door.Direction;
import io.badgeflow.model.door.Door;
import io.badgeflow.model.door.DoorCapability;
import io.badgeflow.model.door.DoorEvent;
import io.badgeflow.model.door.SwipeRecorded;
import io.badgeflow.model.presence.Presence;
import io.badgeflow.model.presence.PresenceKey;
import io.badgeflow.model.presence.PresenceLedger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(LocalAws.class)
class DynamoDbStoresIntegrationTests {

    private static final Instant AT = Instant.parse("2026-11-24T08:00:00Z");

    private static DynamoDbClient dynamoDb;
    private static DynamoDbEnhancedClient enhanced;
    private static AwsEnvironment aws;

    @BeforeAll
    static void connect(AwsEnvironment environment) {
        aws = environment;
        dynamoDb = AwsClients.dynamoDb(aws);
        enhanced = AwsClients.enhanced(dynamoDb);
    }

    @Test
    void countsEveryFailedAttemptOfABodyAndKeepsItsFirstFailureTime() throws Exception {
        var failures = new DynamoDbDeliveryFailures(
                enhanced,
                aws.output("DeliveryFailuresTableName"),
                DynamoDbDeliveryFailures.DEFAULT_RETENTION,
                Clock.systemUTC());
        var body = "{\"Message\":\"" + UUID.randomUUID() + "\"}";
        var first = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
        failures.record("badgeflow-local-commands", body, "m-0", "java.lang.IllegalStateException: first", first);

        try (var pool = Executors.newFixedThreadPool(4)) {
            var futures = IntStream.range(1, 8)
                    .mapToObj(i -> pool.submit(() -> failures.record(
                            "badgeflow-local-commands",
                            body,
                            "m-" + i,
                            "java.lang.IllegalStateException: later",
                            first.plusSeconds(i))))
                    .toList();
            for (var future : futures) {
                future.get();
            }
        }

        var recorded = failures.find("badgeflow-local-commands", body).orElseThrow();
        assertThat(recorded.attempts()).isEqualTo(8);
        assertThat(recorded.firstFailedAt()).isEqualTo(first);
        assertThat(recorded.lastFailedAt()).isAfter(first);
        assertThat(recorded.reason()).endsWith("later");
        assertThat(failures.find("badgeflow-local-imports", body)).isEmpty();
        var stored = dynamoDb.getItem(r -> r.tableName(aws.output("DeliveryFailuresTableName"))
                        .key(Map.of(
                                "failureKey",
                                AttributeValue.fromS(DeliveryFailureKey.of("badgeflow-local-commands", body))))
                        .consistentRead(true))
                .item();
        assertThat(Long.parseLong(stored.get("expiresAt").n()))
                .isGreaterThan(first.plus(Duration.ofDays(14)).getEpochSecond());
    }

    @Test
    void findsADoorByIdWithItsKeyHashOnly() {
        var registry = new DynamoDbDoorRegistry(enhanced, aws.output("DoorsTableName"));
        var key = DeviceKey.generate();
        var door = new Door(UUID.randomUUID().toString(), "bldg-1", DeviceKeyHash.of(key));

        registry.register(door);

        assertThat(registry.find(door.doorId())).contains(door);
        var stored = dynamoDb.getItem(r -> r.tableName(aws.output("DoorsTableName"))
                        .key(Map.of("doorId", AttributeValue.fromS(door.doorId())))
                        .consistentRead(true))
                .item();
        assertThat(stored.values()).noneMatch(value -> key.reveal().equals(value.s()));
    }

    @Test
    void keepsADoorsNameCapabilityAndVersion() {
        var registry = new DynamoDbDoorRegistry(enhanced, aws.output("DoorsTableName"));
        var door = new Door(
                UUID.randomUUID().toString(),
                "bldg-1",
                "Loading bay",
                DoorCapability.OUT,
                DeviceKeyHash.of(DeviceKey.generate()),
                3);

        registry.register(door);

        assertThat(registry.find(door.doorId())).contains(door);
    }

    @Test
    void writesARedeliveredSwipeOnce() {
        var table = aws.output("SwipesTableName");
        var swipes = new DynamoDbSwipeLog(enhanced, table, Duration.ofDays(90));
        var doorId = UUID.randomUUID().toString();
        var swipe = new SwipeRecorded("evt-" + UUID.randomUUID(), doorId, "bldg-1", "card-1", Direction.IN, AT, AT);

        assertThat(swipes.record(swipe)).isTrue();
        assertThat(swipes.record(swipe)).as("a redelivery is recognised").isFalse();

        var rows = dynamoDb.query(r -> r.tableName(table)
                        .keyConditionExpression("doorId = :d")
                        .expressionAttributeValues(Map.of(":d", AttributeValue.fromS(doorId)))
                        .consistentRead(true))
                .items();
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().get("eventId").s()).isEqualTo(swipe.eventId());
    }

    @Test
    void recordsABatchInFewCallsKeepingTheFirstRecordOfEachEvent() {
        var table = aws.output("SwipesTableName");
        var swipes = new DynamoDbSwipeLog(enhanced, table, Duration.ofDays(90));
        var doorId = UUID.randomUUID().toString();
        // 130 events: more than one BatchGetItem (100 keys) and several BatchWriteItems (25 rows).
        var events = new ArrayList<DoorEvent>();
        IntStream.range(0, 130)
                .forEach(i -> events.add(new SwipeRecorded(
                        "evt-" + i + "-" + doorId,
                        doorId,
                        "bldg-1",
                        "card-" + i,
                        Direction.IN,
                        AT.plusSeconds(i),
                        AT.plusSeconds(i))));
        var earlier = List.<DoorEvent>copyOf(events.subList(0, 10));
        assertThat(swipes.recordAll(earlier)).hasSize(10);
        var redecided = new SwipeRecorded(
                events.get(20).eventId(),
                doorId,
                "bldg-1",
                "card-other",
                Direction.IN,
                AT.plusSeconds(20),
                AT.plusSeconds(20));
        events.add(redecided);

        var first = swipes.recordAll(events);

        assertThat(first)
                .hasSize(120)
                .doesNotContainAnyElementsOf(
                        earlier.stream().map(DoorEvent::eventId).toList());
        var rows = dynamoDb.query(r -> r.tableName(table)
                        .keyConditionExpression("doorId = :d")
                        .expressionAttributeValues(Map.of(":d", AttributeValue.fromS(doorId)))
                        .consistentRead(true))
                .items();
        assertThat(rows).hasSize(130);
        assertThat(rows)
                .filteredOn(row -> row.get("eventId").s().equals(redecided.eventId()))
                .singleElement()
                .satisfies(row -> assertThat(row.get("cardNumber").s()).isEqualTo("card-20"));
        assertThat(swipes.recordAll(events))
                .as("the whole batch again is a redelivery")
                .isEmpty();
    }

    @Test
    void readsManyPresencesInOneGoLeavingOutThoseNeverStored() {
        var ledger = new DynamoDbPresenceLedger(enhanced, aws.output("PresenceTableName"));
        var building = "bldg-" + UUID.randomUUID();
        var keys = IntStream.range(0, 105)
                .mapToObj(i -> new PresenceKey("emp-" + i, building))
                .toList();
        for (var i : List.of(0, 50, 104)) {
            var unknown = Presence.unknown("emp-" + i, building);
            assertThat(ledger.replace(unknown, unknown.entered("evt-" + i, "door-1", AT)))
                    .isTrue();
        }

        var found = ledger.findAll(keys);

        assertThat(found).extracting(Presence::employeeId).containsExactlyInAnyOrder("emp-0", "emp-50", "emp-104");
        assertThat(found).allSatisfy(presence -> {
            assertThat(presence.inside()).isTrue();
            assertThat(presence.version()).isEqualTo(1);
        });
    }

    @Test
    void replacesManyPresencesInTransactionsOfAHundredOneMovedVersionLeavingItsGroupUnwritten() {
        var ledger = new DynamoDbPresenceLedger(enhanced, aws.output("PresenceTableName"));
        var building = "bldg-" + UUID.randomUUID();
        var moved = Presence.unknown("emp-120", building);
        assertThat(ledger.replace(moved, moved.entered("evt-early", "door-1", AT)))
                .isTrue();
        var replacements = IntStream.range(0, 150)
                .mapToObj(i -> {
                    var read = Presence.unknown("emp-" + i, building);
                    return new PresenceLedger.Replacement(read, read.entered("evt-" + i, "door-2", AT.plusSeconds(60)));
                })
                .toList();

        var unwritten = ledger.replaceAll(replacements);

        assertThat(unwritten)
                .as("the second group, holding the moved presence")
                .hasSize(50)
                .extracting(replacement -> replacement.next().employeeId())
                .contains("emp-120");
        var keys = IntStream.range(0, 150)
                .mapToObj(i -> new PresenceKey("emp-" + i, building))
                .toList();
        assertThat(ledger.findAll(keys))
                .hasSize(101)
                .filteredOn(presence -> presence.lastEventId().equals("evt-early"))
                .singleElement()
                .extracting(Presence::employeeId)
                .isEqualTo("emp-120");
    }
}
