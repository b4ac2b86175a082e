package io.badgeflow.aws.dynamodb;

import io.badgeflow.aws.parking.ParkedRecord;
import io.badgeflow.aws.parking.ParkedRecordStore;
import io.badgeflow.model.paging.Page;
import io.badgeflow.model.paging.PageRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The parked-records table. A record is only created, never replaced: the consumer may park the same record
 * twice (a crash before its checkpoint), and the first row is the one kept. Rows expire after {@code retention}
 * (30 days by default), long after the stream itself has dropped the record.
 */
public final class DynamoDbParkedRecords implements ParkedRecordStore {

    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

    private static final List<String> CURSOR = List.of("recordKey", "listKey", "parkedAt");
    private static final Expression NEW_ROW = Expression.builder()
            .expression("attribute_not_exists(#key)")
            .putExpressionName("#key", "recordKey")
            .build();

    private final DynamoDbTable<ParkedRecordItem> table;
    private final DynamoDbIndex<ParkedRecordItem> byParkedAt;
    private final Duration retention;
    private final Clock clock;

    public DynamoDbParkedRecords(DynamoDbEnhancedClient client, String tableName, Duration retention, Clock clock) {
        this.table = client.table(tableName, ParkedRecordItem.SCHEMA);
        this.byParkedAt = table.index(ParkedRecordItem.BY_PARKED_AT);
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public void park(ParkedRecord record) {
        try {
            table.putItem(r -> r.item(ParkedRecordItem.from(
                            record, record.parkedAt().plus(retention).getEpochSecond()))
                    .conditionExpression(NEW_ROW));
        } catch (ConditionalCheckFailedException parkedBefore) {
            // Parked by an earlier delivery of the same record: that row stays.
        }
    }

    @Override
    public Page<ParkedRecord> newest(PageRequest page) {
        Map<String, AttributeValue> start = null;
        if (page.cursor() != null) {
            start = Cursors.decode(page.cursor(), Set.copyOf(CURSOR));
            if (!ParkedRecordItem.LIST_KEY.equals(start.get("listKey").s())) {
                throw Cursors.invalid();
            }
        }
        var notExpired = Expression.builder()
                .expression("attribute_not_exists(#expiresAt) OR #expiresAt > :now")
                .putExpressionName("#expiresAt", "expiresAt")
                .putExpressionValue(
                        ":now",
                        AttributeValue.fromN(Long.toString(clock.instant().getEpochSecond())))
                .build();
        return Pages.page(
                page,
                start,
                (from, limit) -> byParkedAt
                        .query(r -> r.queryConditional(
                                        QueryConditional.keyEqualTo(k -> k.partitionValue(ParkedRecordItem.LIST_KEY)))
                                .scanIndexForward(false)
                                .filterExpression(notExpired)
                                .exclusiveStartKey(from)
                                .limit(limit))
                        .iterator()
                        .next(),
                ParkedRecordItem.SCHEMA,
                CURSOR,
                ParkedRecordItem::toRecord);
    }
}
