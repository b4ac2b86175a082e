package io.badgeflow.aws.dynamodb;

import io.badgeflow.model.door.SwipeLog;
import io.badgeflow.model.door.DoorEvent;
import java.time.Duration;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The swipes table: the recent, queryable part of the audit trail. The key is deterministic per event and a
 * row is only created, so a replayed or redelivered record leaves the first one as it was. Rows expire after {@code retention}; the S3
 * archive keeps everything.
 */
public final class DynamoDbSwipeLog implements SwipeLog {

    private static final TableSchema<SwipeItem> SCHEMA = TableSchema.fromBean(SwipeItem.class);
    private static final Expression NEW_ROW = Expression.builder().expression("attribute_not_exists(#doorId)")
            .putExpressionName("#doorId", "doorId").build();

    private final DynamoDbTable<SwipeItem> table;
    private final Duration retention;

    public DynamoDbSwipeLog(DynamoDbEnhancedClient client, String tableName, Duration retention) {
        this.table = client.table(tableName, SCHEMA);
        this.retention = retention;
    }

    /** @return false when a record of this event was kept before (a redelivery): nothing was written */
    @Override
    public boolean record(DoorEvent event) {
        try {
            table.putItem(r -> r.item(SwipeItem.from(event, event.occurredAt().plus(retention).getEpochSecond()))
                    .conditionExpression(NEW_ROW));
            return true;
        } catch (ConditionalCheckFailedException kept) {
            return false;
        }
    }
}
