package io.badgeflow.aws.dynamodb;

import io.badgeflow.model.alarm.Alarm;
import io.badgeflow.model.alarm.AlarmLedger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The alarms table: one row per published alarm ({@link AlarmItem}), and one denial counter per door and time
 * bucket under the key {@code #denials#<doorId>#<bucket start>} (ids start with a letter or digit, so no alarm
 * id can take it). A counter holds the set of the denied event ids it counted, not a number: adding an id twice
 * leaves the set as it was, so a redelivered or replayed denial is not counted again. The set stops growing at
 * the threshold (the condition), so a door under attack keeps one small item.
 */
public final class DynamoDbAlarmLedger implements AlarmLedger {

    /** As long as the swipes table keeps the events that raised them. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(90);
    /** Counters are only needed while late deliveries of their bucket's denials may still arrive. */
    static final Duration COUNTER_RETENTION = Duration.ofDays(2);

    private final DynamoDbTable<AlarmItem> table;
    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Duration retention;
    private final Clock clock;

    public DynamoDbAlarmLedger(
            DynamoDbEnhancedClient enhanced,
            DynamoDbClient dynamoDb,
            String tableName,
            Duration retention,
            Clock clock) {
        this.table = enhanced.table(tableName, AlarmItem.SCHEMA);
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public boolean published(String alarmId) {
        return table.getItem(r ->
                        r.key(Key.builder().partitionValue(alarmId).build()).consistentRead(true))
                != null;
    }

    @Override
    public void markPublished(Alarm alarm) {
        var now = clock.instant();
        try {
            // Created only: a second mark (a crash between publish and mark, a repeated forged request) keeps the
            // first row, with what operators have done about it since (acknowledged, resolved).
            table.putItem(r -> r.item(AlarmItem.from(
                            alarm, now, alarm.occurredAt().plus(retention).getEpochSecond()))
                    .conditionExpression(Expression.builder()
                            .expression("attribute_not_exists(alarmId)")
                            .build()));
        } catch (ConditionalCheckFailedException marked) {
            // Marked before: nothing to change.
        }
    }

    @Override
    public int countDenial(String doorId, Instant bucketStart, String eventId, int atLeast) {
        try {
            var counted = dynamoDb.updateItem(r -> r.tableName(tableName)
                    .key(Map.of("alarmId", AttributeValue.fromS(counterKey(doorId, bucketStart))))
                    .updateExpression("ADD #eventIds :event SET #doorId = :door, #bucketStart = :bucket,"
                            + " #expiresAt = :expires")
                    .conditionExpression("attribute_not_exists(#eventIds) OR size(#eventIds) < :atLeast"
                            + " OR contains(#eventIds, :eventId)")
                    .expressionAttributeNames(Map.of(
                            "#eventIds",
                            "eventIds",
                            "#doorId",
                            "doorId",
                            "#bucketStart",
                            "bucketStart",
                            "#expiresAt",
                            "expiresAt"))
                    .expressionAttributeValues(Map.of(
                            ":event", AttributeValue.fromSs(java.util.List.of(eventId)),
                            ":eventId", AttributeValue.fromS(eventId),
                            ":door", AttributeValue.fromS(doorId),
                            ":bucket", AttributeValue.fromS(bucketStart.toString()),
                            ":expires",
                                    AttributeValue.fromN(Long.toString(
                                            bucketStart.plus(COUNTER_RETENTION).getEpochSecond())),
                            ":atLeast", AttributeValue.fromN(Integer.toString(atLeast))))
                    .returnValues(ReturnValue.ALL_NEW));
            return Math.min(counted.attributes().get("eventIds").ss().size(), atLeast);
        } catch (ConditionalCheckFailedException full) {
            // The set holds `atLeast` other denials already: the count is reached without this one.
            return atLeast;
        }
    }

    static String counterKey(String doorId, Instant bucketStart) {
        return "#denials#" + doorId + "#" + bucketStart;
    }
}
