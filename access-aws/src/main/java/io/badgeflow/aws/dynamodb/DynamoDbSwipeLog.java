package io.badgeflow.aws.dynamodb;

import io.badgeflow.model.door.SwipeLog;
import io.badgeflow.model.door.SwipeRecorded;
import java.time.Duration;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * The swipes table: the recent, queryable part of the audit trail. The key is deterministic per event, so
 * a replayed or redelivered record rewrites the same row. Rows expire after {@code retention}; the S3
 * archive keeps everything.
 */
public final class DynamoDbSwipeLog implements SwipeLog {

    private static final TableSchema<SwipeItem> SCHEMA = TableSchema.fromBean(SwipeItem.class);

    private final DynamoDbTable<SwipeItem> table;
    private final Duration retention;

    public DynamoDbSwipeLog(DynamoDbEnhancedClient client, String tableName, Duration retention) {
        this.table = client.table(tableName, SCHEMA);
        this.retention = retention;
    }

    @Override
    public void record(SwipeRecorded swipe) {
        table.putItem(SwipeItem.from(swipe, swipe.occurredAt().plus(retention).getEpochSecond()));
    }
}
