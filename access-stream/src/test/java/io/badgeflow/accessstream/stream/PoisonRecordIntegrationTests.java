package io.badgeflow.accessstream.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.badgeflow.accessstream.RunningApplication;
import io.badgeflow.aws.json.MessageJson;
import io.badgeflow.model.door.Direction;
import io.badgeflow.model.door.SwipeRecorded;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/** Records that are not door events, put straight on the stream, must not stall their shard. */
class PoisonRecordIntegrationTests extends RunningApplication {

    @Autowired
    KinesisClient kinesis;

    @Autowired
    MeterRegistry meters;

    @Test
    void parksAnUnreadableRecordAndStoresTheValidOneBehindIt() {
        var partitionKey = "card:CARD-POISON";
        var parkedBefore = parked();
        put(partitionKey, "{ this is not a door event".getBytes(StandardCharsets.UTF_8));
        var at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        var valid = new SwipeRecorded(UUID.randomUUID().toString(), "door-" + UUID.randomUUID(), "bldg-it",
                "CARD-POISON", Direction.IN, at, at);
        put(partitionKey, MessageJson.write(valid));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> !dynamoDb.query(r -> r.tableName(aws.output("SwipesTableName")).consistentRead(true)
                        .keyConditionExpression("doorId = :door")
                        .expressionAttributeValues(Map.of(":door", AttributeValue.fromS(valid.doorId()))))
                        .items().isEmpty());
        assertThat(parked()).isGreaterThan(parkedBefore);
    }

    private void put(String partitionKey, byte[] data) {
        kinesis.putRecord(r -> r.streamName(aws.output("SwipeStreamName")).partitionKey(partitionKey)
                .data(SdkBytes.fromByteArray(data)));
    }

    private double parked() {
        var counter = meters.find("badgeflow.stream.records.parked").tag("reason", "MALFORMED").counter();
        return counter == null ? 0 : counter.count();
    }
}
