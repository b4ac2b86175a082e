package io.badgeflow.accessstream.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.badgeflow.accessstream.RunningApplication;
import io.badgeflow.aws.json.MessageJson;
import io.badgeflow.model.door.Direction;
import io.badgeflow.model.door.SwipeRecorded;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordResponse;

/**
 * Records that are not door events, put straight on the stream, must not stall their shard: each is parked in
 * the parked-records table with its reason and the start of its payload, and the records behind it are applied.
 */
class PoisonRecordIntegrationTests extends RunningApplication {

    @Autowired
    KinesisClient kinesis;

    // The process's cumulative registry: a count read through the composite may come from the CloudWatch step
    // registry (the composite answers from any one of its registries), which starts again at each step.
    @Autowired
    SimpleMeterRegistry meters;

    @Test
    void parksAnUnreadableRecordAndStoresTheValidOneBehindIt() {
        var partitionKey = "card:CARD-POISON";
        var parkedBefore = parked();
        put(partitionKey, "{ this is not a door event".getBytes(StandardCharsets.UTF_8));
        var at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        var valid = new SwipeRecorded(
                UUID.randomUUID().toString(),
                "door-" + UUID.randomUUID(),
                "bldg-it",
                "CARD-POISON",
                Direction.IN,
                at,
                at);
        put(partitionKey, MessageJson.write(valid));

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> !dynamoDb.query(r -> r.tableName(aws.output("SwipesTableName"))
                                .consistentRead(true)
                                .keyConditionExpression("doorId = :door")
                                .expressionAttributeValues(Map.of(":door", AttributeValue.fromS(valid.doorId()))))
                        .items()
                        .isEmpty());
        assertThat(parked()).isGreaterThan(parkedBefore);
    }

    @Test
    void parksEachKindOfPoisonWithItsReasonWhileTheGoodRecordsAroundThemAreApplied() {
        var partitionKey = "card:CARD-POISON-" + UUID.randomUUID();
        var doorId = "door-" + UUID.randomUUID();
        var at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        var oversized = new byte[300 * 1024];
        Arrays.fill(oversized, (byte) ' ');
        oversized[0] = '{';
        var poison = new LinkedHashMap<String, byte[]>();
        poison.put("MALFORMED", "not json at all".getBytes(StandardCharsets.UTF_8));
        poison.put("UNKNOWN_TYPE", "{\"type\":\"DoorExploded\",\"eventId\":\"e-1\"}".getBytes(StandardCharsets.UTF_8));
        poison.put(
                "INVALID_FIELD",
                ("{\"type\":\"SwipeRecorded\",\"doorId\":\"" + doorId + "\",\"buildingId\":\"b\","
                                + "\"cardNumber\":\"C\",\"direction\":\"IN\",\"occurredAt\":\"" + at
                                + "\",\"receivedAt\":\""
                                + at + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
        poison.put("OVERSIZED", oversized);

        var good = new ArrayList<SwipeRecorded>();
        var parkedAt = new LinkedHashMap<String, String>();
        for (var entry : poison.entrySet()) {
            var swipe = new SwipeRecorded(
                    UUID.randomUUID().toString(),
                    doorId,
                    "bldg-it",
                    "CARD-POISON",
                    Direction.IN,
                    at.plusMillis(good.size()),
                    at);
            good.add(swipe);
            put(partitionKey, MessageJson.write(swipe));
            var placed = put(partitionKey, entry.getValue());
            parkedAt.put(entry.getKey(), placed.shardId() + "#" + placed.sequenceNumber());
        }
        var last = new SwipeRecorded(
                UUID.randomUUID().toString(),
                doorId,
                "bldg-it",
                "CARD-POISON",
                Direction.IN,
                at.plusMillis(good.size()),
                at);
        good.add(last);
        put(partitionKey, MessageJson.write(last));

        var rows = await().atMost(Duration.ofSeconds(45))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> dynamoDb.query(r -> r.tableName(aws.output("SwipesTableName"))
                                        .consistentRead(true)
                                        .keyConditionExpression("doorId = :door")
                                        .expressionAttributeValues(Map.of(":door", AttributeValue.fromS(doorId))))
                                .items(),
                        items -> items.size() >= good.size());
        assertThat(rows)
                .extracting(row -> row.get("eventId").s())
                .containsExactlyElementsOf(
                        good.stream().map(SwipeRecorded::eventId).toList());
        parkedAt.forEach((reason, recordKey) -> {
            var row = dynamoDb.getItem(r -> r.tableName(aws.output("ParkedRecordsTableName"))
                            .consistentRead(true)
                            .key(Map.of("recordKey", AttributeValue.fromS(recordKey))))
                    .item();
            assertThat(row).as(reason).isNotEmpty();
            assertThat(row.get("reason").s()).isEqualTo(reason);
            assertThat(row.get("partitionKey").s()).isEqualTo(partitionKey);
            assertThat(row.get("listKey").s()).isEqualTo("PARKED");
            assertThat(row).containsKeys("shardId", "sequenceNumber", "message", "parkedAt", "expiresAt");
            var payload = poison.get(reason);
            assertThat(Integer.parseInt(row.get("size").n())).isEqualTo(payload.length);
            assertThat(Base64.getDecoder().decode(row.get("payloadBase64").s()))
                    .isEqualTo(Arrays.copyOf(payload, Math.min(payload.length, 4096)));
        });
    }

    private PutRecordResponse put(String partitionKey, byte[] data) {
        return kinesis.putRecord(r -> r.streamName(aws.output("SwipeStreamName"))
                .partitionKey(partitionKey)
                .data(SdkBytes.fromByteArray(data)));
    }

    private double parked() {
        var counter = meters.find("badgeflow.stream.records.parked")
                .tag("reason", "MALFORMED")
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
