package io.badgeflow.aws.dynamodb;

import io.badgeflow.model.alarm.AlarmBoard;
import io.badgeflow.model.alarm.AlarmHandling;
import io.badgeflow.model.alarm.AlarmRecord;
import io.badgeflow.model.alarm.AlarmStatus;
import io.badgeflow.model.alarm.AlarmTransitionRefusedException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The alarms page's view of the alarms table ({@link AlarmItem}): the three sparse indexes for the lists, and the
 * handling written onto the row with a condition on the status it was read in, so two operators acting at once
 * cannot both win, and a row that is not there (or is a denial counter) is never created by an acknowledgement.
 * Expired rows (TTL passed, not yet deleted) are left out of the lists.
 */
public final class DynamoDbAlarmBoard implements AlarmBoard {

    private final DynamoDbTable<AlarmItem> table;
    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbAlarmBoard(DynamoDbEnhancedClient enhanced, DynamoDbClient dynamoDb, String tableName) {
        this.table = enhanced.table(tableName, AlarmItem.SCHEMA);
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public Optional<AlarmRecord> find(String alarmId) {
        var item = table.getItem(
                r -> r.key(Key.builder().partitionValue(alarmId).build()).consistentRead(true));
        return item == null || item.getRaisedAt() == null || item.getType() == null
                ? Optional.empty()
                : Optional.of(item.toRecord());
    }

    @Override
    public List<AlarmRecord> unresolved(int limit) {
        return newest(AlarmItem.BY_UNRESOLVED, AlarmItem.UNRESOLVED, limit);
    }

    @Override
    public List<AlarmRecord> atDoor(String doorId, int limit) {
        return newest(AlarmItem.BY_DOOR, doorId, limit);
    }

    @Override
    public List<AlarmRecord> inBuilding(String buildingId, int limit) {
        return newest(AlarmItem.BY_BUILDING, buildingId, limit);
    }

    private List<AlarmRecord> newest(String index, String partition, int limit) {
        var now = Instant.now().getEpochSecond();
        return table
                .index(index)
                .query(r -> r.queryConditional(QueryConditional.keyEqualTo(
                                Key.builder().partitionValue(partition).build()))
                        .scanIndexForward(false)
                        .limit(Math.min(limit, MAX_LIMIT)))
                .stream()
                .flatMap(page -> page.items().stream())
                .filter(item -> item.getExpiresAt() == null || item.getExpiresAt() > now)
                .limit(limit)
                .map(AlarmItem::toRecord)
                .toList();
    }

    @Override
    public void replace(String alarmId, AlarmHandling expected, AlarmHandling next) {
        var names = new HashMap<String, String>();
        var values = new HashMap<String, AttributeValue>();
        names.put("#status", "status");
        values.put(":expected", AttributeValue.fromS(expected.status().name()));
        values.put(":next", AttributeValue.fromS(next.status().name()));
        var set = new StringBuilder("SET #status = :next");
        var remove = new StringBuilder();
        setOrRemove("acknowledgedBy", next.acknowledgedBy(), names, values, set, remove);
        setOrRemove("acknowledgedAt", text(next.acknowledgedAt()), names, values, set, remove);
        setOrRemove("acknowledgeNote", next.acknowledgeNote(), names, values, set, remove);
        setOrRemove("resolvedBy", next.resolvedBy(), names, values, set, remove);
        setOrRemove("resolvedAt", text(next.resolvedAt()), names, values, set, remove);
        setOrRemove("resolveNote", next.resolveNote(), names, values, set, remove);
        if (next.status() == AlarmStatus.RESOLVED) {
            names.put("#unresolved", "unresolved");
            remove.append(remove.isEmpty() ? " REMOVE " : ", ").append("#unresolved");
        }
        // Rows published before alarms had a status are OPEN; a denial counter has no type and is never an alarm.
        var condition = "attribute_exists(#type) AND (#status = :expected"
                + (expected.status() == AlarmStatus.OPEN ? " OR attribute_not_exists(#status))" : ")");
        names.put("#type", "type");
        try {
            dynamoDb.updateItem(r -> r.tableName(tableName)
                    .key(Map.of("alarmId", AttributeValue.fromS(alarmId)))
                    .updateExpression(set + remove.toString())
                    .conditionExpression(condition)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException moved) {
            var current = find(alarmId).map(r -> r.handling().status()).orElse(AlarmStatus.RESOLVED);
            throw new AlarmTransitionRefusedException(alarmId, current, "change");
        }
    }

    private static String text(Instant at) {
        // The Enhanced Client's own form of an Instant (ISO-8601), so AlarmItem reads it back.
        return at == null ? null : at.toString();
    }

    private static void setOrRemove(
            String attribute,
            String value,
            Map<String, String> names,
            Map<String, AttributeValue> values,
            StringBuilder set,
            StringBuilder remove) {
        names.put("#" + attribute, attribute);
        if (value == null) {
            remove.append(remove.isEmpty() ? " REMOVE " : ", ").append("#").append(attribute);
        } else {
            values.put(":" + attribute, AttributeValue.fromS(value));
            set.append(", #").append(attribute).append(" = :").append(attribute);
        }
    }
}
