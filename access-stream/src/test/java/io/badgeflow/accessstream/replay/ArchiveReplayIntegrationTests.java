package io.badgeflow.accessstream.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.badgeflow.accessstream.RunningApplication;
import io.badgeflow.aws.dynamodb.DynamoDbPresenceLedger;
import io.badgeflow.aws.json.MessageJson;
import io.badgeflow.model.archive.EventArchive;
import io.badgeflow.model.card.CardStatus;
import io.badgeflow.model.door.DecisionReason;
import io.badgeflow.model.door.Direction;
import io.badgeflow.model.door.DoorEvent;
import io.badgeflow.model.door.DoorState;
import io.badgeflow.model.door.DoorStateChanged;
import io.badgeflow.model.door.EntryDecided;
import io.badgeflow.model.door.ExitRecorded;
import io.badgeflow.model.door.Outcome;
import io.badgeflow.model.presence.Presence;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * Door events put on the real stream are consumed, stored and archived; replaying the archive through the
 * consumer logic then changes nothing already applied and restores what a store lost.
 */
class ArchiveReplayIntegrationTests extends RunningApplication {

    @Autowired
    KinesisClient kinesis;

    @Autowired
    EventArchive archive;

    @Autowired
    ArchiveReplay replay;

    @Autowired
    DynamoDbPresenceLedger presence;

    private final String building = "bldg-replay-" + UUID.randomUUID();
    private final String doorIn = "door-in-" + UUID.randomUUID();
    private final String doorOut = "door-out-" + UUID.randomUUID();

    @Test
    void archivesConsumedEventsAndAReplayOfThemChangesNothing() {
        // A past minute of its own: the replay range holds this test's events only.
        var from = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        var events = List.<DoorEvent>of(
                entry("emp-1", from.plusSeconds(1)),
                entry("emp-2", from.plusSeconds(2)),
                exit("emp-2", from.plusSeconds(3)),
                entry("emp-3", from.plusSeconds(4)),
                denied("emp-4", from.plusSeconds(5)),
                new DoorStateChanged(
                        UUID.randomUUID().toString(), doorIn, building, DoorState.OPENED, from.plusSeconds(6)));
        put(events);
        awaitSwipes(events.size());
        assertThat(archived(from, from.plusSeconds(60))).containsExactlyInAnyOrderElementsOf(ids(events));
        var swipesBefore = swipes();
        var presenceBefore = presences();
        assertThat(presence.occupancy(building)).isEqualTo(2);

        var summary = replay.replay(from, from.plusSeconds(60), progress -> {});

        assertThat(summary.eventsRead()).isEqualTo(events.size());
        assertThat(summary.appliedFirstTime()).isZero();
        assertThat(summary.alreadyApplied()).isEqualTo(events.size());
        assertThat(summary.objectsRead()).isPositive();
        assertThat(swipes()).isEqualTo(swipesBefore);
        assertThat(presences()).isEqualTo(presenceBefore);
        assertThat(presence.occupancy(building)).isEqualTo(2);
        assertThat(presence.inside(building))
                .extracting(Presence::employeeId)
                .containsExactlyInAnyOrder("emp-1", "emp-3");
    }

    @Test
    void aReplayRestoresSwipeRowsTheTableLost() {
        var from = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        var events = List.<DoorEvent>of(
                entry("emp-5", from.plusSeconds(1)),
                exit("emp-5", from.plusSeconds(2)),
                entry("emp-6", from.plusSeconds(3)));
        put(events);
        awaitSwipes(events.size());
        var stored = swipes();
        var presenceBefore = presences();
        for (var row : stored) {
            dynamoDb.deleteItem(r -> r.tableName(aws.output("SwipesTableName"))
                    .key(Map.of("doorId", row.get("doorId"), "occurredAtEventId", row.get("occurredAtEventId"))));
        }
        assertThat(swipes()).isEmpty();

        var summary = replay.replay(from, from.plusSeconds(60), progress -> {});

        assertThat(summary.eventsRead()).isEqualTo(3);
        assertThat(summary.appliedFirstTime()).isEqualTo(3);
        assertThat(summary.alreadyApplied()).isZero();
        assertThat(swipes()).containsExactlyInAnyOrderElementsOf(stored);
        assertThat(presences()).isEqualTo(presenceBefore);
    }

    private void put(List<DoorEvent> events) {
        for (var event : events) {
            kinesis.putRecord(r -> r.streamName(aws.output("SwipeStreamName"))
                    .partitionKey(event.partitionKey())
                    .data(SdkBytes.fromByteArray(MessageJson.write(event))));
        }
    }

    private List<String> archived(Instant from, Instant to) {
        var ids = new ArrayList<String>();
        archive.read(from, to, object -> object.events().forEach(event -> ids.add(event.eventId())));
        return ids;
    }

    private void awaitSwipes(int count) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> swipes().size() >= count);
    }

    private List<Map<String, AttributeValue>> swipes() {
        var rows = new ArrayList<Map<String, AttributeValue>>();
        for (var door : List.of(doorIn, doorOut)) {
            rows.addAll(dynamoDb.query(r -> r.tableName(aws.output("SwipesTableName"))
                            .consistentRead(true)
                            .keyConditionExpression("doorId = :door")
                            .expressionAttributeValues(Map.of(":door", AttributeValue.fromS(door))))
                    .items());
        }
        return rows;
    }

    /** Every presence item of this test's building, with its version. */
    private List<Presence> presences() {
        return List.of("emp-1", "emp-2", "emp-3", "emp-4", "emp-5", "emp-6").stream()
                .flatMap(employee -> presence.find(employee, building).stream())
                .toList();
    }

    private static List<String> ids(List<DoorEvent> events) {
        return events.stream().map(DoorEvent::eventId).toList();
    }

    private EntryDecided entry(String employee, Instant at) {
        return new EntryDecided(
                UUID.randomUUID().toString(),
                doorIn,
                building,
                "card-" + employee,
                Direction.IN,
                "card-" + employee,
                CardStatus.ACTIVE,
                employee,
                Outcome.GRANTED,
                DecisionReason.GRANTED,
                "all-rules-passed",
                "2026-11-24.1",
                List.of(),
                at,
                at);
    }

    private EntryDecided denied(String employee, Instant at) {
        return new EntryDecided(
                UUID.randomUUID().toString(),
                doorIn,
                building,
                "card-" + employee,
                Direction.IN,
                "card-" + employee,
                CardStatus.ACTIVE,
                employee,
                Outcome.DENIED,
                DecisionReason.NO_ACCESS_TO_BUILDING,
                "grant-for-building",
                "2026-11-24.1",
                List.of(),
                at,
                at);
    }

    private ExitRecorded exit(String employee, Instant at) {
        return new ExitRecorded(
                UUID.randomUUID().toString(),
                doorOut,
                building,
                "card-" + employee,
                "card-" + employee,
                employee,
                List.of(),
                at,
                at);
    }
}
