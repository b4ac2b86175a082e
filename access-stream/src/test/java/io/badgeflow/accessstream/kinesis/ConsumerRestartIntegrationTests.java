package io.badgeflow.accessstream.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.badgeflow.accessstream.RunningApplication;
import io.badgeflow.aws.json.MessageJson;
import io.badgeflow.model.card.CardStatus;
import io.badgeflow.model.door.DecisionReason;
import io.badgeflow.model.door.Direction;
import io.badgeflow.model.door.DoorEvent;
import io.badgeflow.model.door.EntryDecided;
import io.badgeflow.model.door.ExitRecorded;
import io.badgeflow.model.door.Outcome;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;

/**
 * The consumer stopped while it works through a burst and started again resumes from its checkpoint: every event
 * put is stored exactly once, and presence ends exactly where the passages lead, however many records the
 * restart delivered twice.
 */
class ConsumerRestartIntegrationTests extends RunningApplication {

    private static final int PEOPLE = 50;
    private static final int PASSAGES = 20;

    @Autowired
    KinesisClient kinesis;

    @Autowired
    SwipeStreamConsumer consumer;

    // The process's cumulative registry: a count read through the composite may come from the CloudWatch step
    // registry (the composite answers from any one of its registries), which starts again at each step.
    @Autowired
    SimpleMeterRegistry meters;

    private double repeated() {
        return meters.counter("badgeflow.stream.events.repeated").count();
    }

    @Test
    void storesEveryEventOnceAndPresenceExactlyAcrossARestart() {
        var run = UUID.randomUUID().toString().substring(0, 8);
        var door = "door-restart-" + run;
        var building = "bldg-restart-" + run;
        var events = passages(run, door, building);

        var repeatedBefore = repeated();
        put(events);
        var storedWhenStopped = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> rows(door), stored -> stored > 0);
        consumer.stop();
        consumer.start();
        // The first 100 records delivered twice more, as a retrying reader or a replay would.
        put(events.subList(0, 100));
        put(events.subList(0, 100));

        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> rows(door) >= events.size() && repeated() - repeatedBefore >= 200);
        assertThat(storedWhenStopped).as("stopped part-way through the burst").isLessThan(events.size());
        assertThat(rows(door)).as("each event stored once").isEqualTo(events.size());
        for (var person = 0; person < PEOPLE; person++) {
            var presence = presence("emp-" + run + "-" + person, building);
            assertThat(presence.get("version").n()).isEqualTo(Integer.toString(PASSAGES));
            assertThat(presence.get("inside").bool()).isFalse();
            assertThat(presence.get("lastEventId").s()).isEqualTo(run + "-" + person + "-" + (PASSAGES - 1));
        }
    }

    /** Each person enters and leaves PASSAGES / 2 times, a second apart, all through one door. */
    private static List<DoorEvent> passages(String run, String door, String building) {
        var start = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        var events = new ArrayList<DoorEvent>();
        for (var i = 0; i < PASSAGES; i++) {
            for (var person = 0; person < PEOPLE; person++) {
                var employee = "emp-" + run + "-" + person;
                var eventId = run + "-" + person + "-" + i;
                var at = start.plusSeconds(i);
                events.add(
                        i % 2 == 0
                                ? new EntryDecided(
                                        eventId,
                                        door,
                                        building,
                                        "card-" + employee,
                                        Direction.IN,
                                        "c-" + employee,
                                        CardStatus.ACTIVE,
                                        employee,
                                        Outcome.GRANTED,
                                        DecisionReason.GRANTED,
                                        "all-rules-passed",
                                        "test",
                                        List.of(),
                                        at,
                                        at)
                                : new ExitRecorded(
                                        eventId,
                                        door,
                                        building,
                                        "card-" + employee,
                                        "c-" + employee,
                                        employee,
                                        List.of(),
                                        at,
                                        at));
            }
        }
        return events;
    }

    private void put(List<DoorEvent> events) {
        for (var from = 0; from < events.size(); from += 500) {
            var entries = events.subList(from, Math.min(events.size(), from + 500)).stream()
                    .map(event -> PutRecordsRequestEntry.builder()
                            .partitionKey(event.partitionKey())
                            .data(SdkBytes.fromByteArray(MessageJson.write(event)))
                            .build())
                    .toList();
            var result = kinesis.putRecords(
                    r -> r.streamName(aws.output("SwipeStreamName")).records(entries));
            assertThat(result.failedRecordCount()).isZero();
        }
    }

    private int rows(String door) {
        return dynamoDb
                .queryPaginator(r -> r.tableName(aws.output("SwipesTableName"))
                        .consistentRead(true)
                        .keyConditionExpression("doorId = :door")
                        .select("COUNT")
                        .expressionAttributeValues(Map.of(":door", AttributeValue.fromS(door))))
                .stream()
                .mapToInt(page -> page.count())
                .sum();
    }

    private Map<String, AttributeValue> presence(String employee, String building) {
        return dynamoDb.getItem(r -> r.tableName(aws.output("PresenceTableName"))
                        .consistentRead(true)
                        .key(Map.of(
                                "employeeId",
                                AttributeValue.fromS(employee),
                                "buildingId",
                                AttributeValue.fromS(building))))
                .item();
    }
}
