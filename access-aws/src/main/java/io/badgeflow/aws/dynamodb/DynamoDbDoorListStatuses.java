package io.badgeflow.aws.dynamodb;

import io.badgeflow.model.offline.DoorListStatus;
import io.badgeflow.model.offline.DoorListStatuses;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * The doors' allow-list statuses as three attributes on the door's own row of the doors table
 * ({@code allowListVersion}, {@code allowListReportedAt}, {@code allowListConfirmedAt}, epoch milliseconds): no new
 * table, and a door that is removed takes its status with it. Written with UpdateItem conditions that only move a
 * time forward (the document API, since {@link DoorItem}'s whole-item writes by the back office neither know nor
 * need these attributes; a key rotation that rewrites the row clears them until the door's next request).
 */
public final class DynamoDbDoorListStatuses implements DoorListStatuses {

    private static final int BATCH = 100;

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbDoorListStatuses(DynamoDbClient dynamoDb, String doorsTable) {
        this.dynamoDb = dynamoDb;
        this.table = doorsTable;
    }

    @Override
    public void record(DoorListStatus status) {
        var key = Map.of("doorId", AttributeValue.fromS(status.doorId()));
        if (status.reportedAt() != null) {
            update(
                    key,
                    "SET allowListVersion = :v, allowListReportedAt = :t",
                    "allowListReportedAt",
                    Map.of(
                            ":v", AttributeValue.fromN(Long.toString(status.heldVersion())),
                            ":t", millis(status.reportedAt())));
        }
        if (status.confirmedAt() != null) {
            update(
                    key,
                    "SET allowListConfirmedAt = :t",
                    "allowListConfirmedAt",
                    Map.of(":t", millis(status.confirmedAt())));
        }
    }

    private void update(
            Map<String, AttributeValue> key,
            String expression,
            String timeAttribute,
            Map<String, AttributeValue> values) {
        try {
            dynamoDb.updateItem(request -> request.tableName(table)
                    .key(key)
                    .updateExpression(expression)
                    .conditionExpression("attribute_exists(doorId) AND (attribute_not_exists(" + timeAttribute + ") OR "
                            + timeAttribute + " < :t)")
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException newerOrGone) {
            // Another instance recorded a newer one, or the door is gone: nothing to do.
        }
    }

    @Override
    public List<DoorListStatus> of(List<String> doorIds) {
        var found = new HashMap<String, Map<String, AttributeValue>>();
        for (var from = 0; from < doorIds.size(); from += BATCH) {
            var keys = doorIds.subList(from, Math.min(doorIds.size(), from + BATCH)).stream()
                    .distinct()
                    .map(id -> Map.of("doorId", AttributeValue.fromS(id)))
                    .toList();
            Map<String, KeysAndAttributes> pending = Map.of(
                    table,
                    KeysAndAttributes.builder()
                            .keys(keys)
                            .consistentRead(true)
                            .projectionExpression("doorId, allowListVersion, allowListReportedAt, allowListConfirmedAt")
                            .build());
            while (!pending.isEmpty()) {
                var ask = pending;
                var response = dynamoDb.batchGetItem(request -> request.requestItems(ask));
                response.responses()
                        .getOrDefault(table, List.of())
                        .forEach(item -> found.put(item.get("doorId").s(), item));
                pending = response.unprocessedKeys();
            }
        }
        var statuses = new ArrayList<DoorListStatus>();
        for (var doorId : doorIds) {
            var item = found.getOrDefault(doorId, Map.of());
            statuses.add(new DoorListStatus(
                    doorId,
                    item.containsKey("allowListVersion")
                            ? Long.parseLong(item.get("allowListVersion").n())
                            : 0,
                    instant(item.get("allowListReportedAt")),
                    instant(item.get("allowListConfirmedAt"))));
        }
        return statuses;
    }

    private static AttributeValue millis(Instant at) {
        return AttributeValue.fromN(Long.toString(at.toEpochMilli()));
    }

    private static Instant instant(AttributeValue value) {
        return value == null ? null : Instant.ofEpochMilli(Long.parseLong(value.n()));
    }
}
