package io.badgeflow.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.aws.testing.AwsClients;
import io.badgeflow.aws.testing.AwsEnvironment;
import io.badgeflow.aws.testing.LocalAws;
import io.badgeflow.model.door.DeviceKey;
import io.badgeflow.model.door.DeviceKeyHash;
import io.badgeflow.model.door.Direction;
import io.badgeflow.model.door.Door;
import io.badgeflow.model.door.DoorCapability;
import io.badgeflow.model.door.SwipeRecorded;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
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
    void findsADoorByIdWithItsKeyHashOnly() {
        var registry = new DynamoDbDoorRegistry(enhanced, aws.output("DoorsTableName"));
        var key = DeviceKey.generate();
        var door = new Door(UUID.randomUUID().toString(), "bldg-1", DeviceKeyHash.of(key));

        registry.register(door);

        assertThat(registry.find(door.doorId())).contains(door);
        var stored = dynamoDb.getItem(r -> r.tableName(aws.output("DoorsTableName"))
                .key(Map.of("doorId", AttributeValue.fromS(door.doorId()))).consistentRead(true)).item();
        assertThat(stored.values()).noneMatch(value -> key.reveal().equals(value.s()));
    }

    @Test
    void keepsADoorsNameCapabilityAndVersion() {
        var registry = new DynamoDbDoorRegistry(enhanced, aws.output("DoorsTableName"));
        var door = new Door(UUID.randomUUID().toString(), "bldg-1", "Loading bay", DoorCapability.OUT,
                DeviceKeyHash.of(DeviceKey.generate()), 3);

        registry.register(door);

        assertThat(registry.find(door.doorId())).contains(door);
    }

    @Test
    void writesARedeliveredSwipeOnce() {
        var table = aws.output("SwipesTableName");
        var swipes = new DynamoDbSwipeLog(enhanced, table, Duration.ofDays(90));
        var doorId = UUID.randomUUID().toString();
        var swipe = new SwipeRecorded("evt-" + UUID.randomUUID(), doorId, "bldg-1", "card-1", Direction.IN, AT, AT);

        swipes.record(swipe);
        swipes.record(swipe);

        var rows = dynamoDb.query(r -> r.tableName(table).keyConditionExpression("doorId = :d")
                .expressionAttributeValues(Map.of(":d", AttributeValue.fromS(doorId))).consistentRead(true)).items();
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().get("eventId").s()).isEqualTo(swipe.eventId());
    }
}
