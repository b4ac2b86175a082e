package io.badgeflow.aws.dynamodb;

import io.badgeflow.model.door.DoorEvent;
import io.badgeflow.model.door.SwipeLog;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.WriteBatch;

/**
 * The swipes table: the recent, queryable part of the audit trail. The key is deterministic per event and a row is
 * only created, so a replayed or redelivered record leaves the first one as it was. Rows expire after
 * {@code retention}; the S3 archive keeps everything.
 *
 * <p>A batch costs one consistent BatchGetItem per 100 events (which are recorded already?) and one BatchWriteItem
 * per 25 new ones, instead of a conditional put per event: the consumer applies thousands of events a second, and
 * on the local emulator a batched item costs a tenth of a single call (docs/benchmarks.md). A batch write has no
 * condition, so "created only" rests on the read before it; that holds because one event id has one partition key,
 * and so one shard, whose batches one processor handles one after another. (Two workers overlap on a shard only
 * for the moment a lease moves; they would both write the same event's row.)
 */
public final class DynamoDbSwipeLog implements SwipeLog {

    private static final int BATCH_WRITE_LIMIT = 25;
    private static final int WRITE_ATTEMPTS = 8;

    private final DynamoDbEnhancedClient client;
    private final DynamoDbTable<SwipeItem> table;
    private final Duration retention;

    public DynamoDbSwipeLog(DynamoDbEnhancedClient client, String tableName, Duration retention) {
        this.client = client;
        this.table = client.table(tableName, SwipeItem.SCHEMA);
        this.retention = retention;
    }

    @Override
    public Set<String> recordAll(List<DoorEvent> events) {
        var byKey = new LinkedHashMap<RowKey, SwipeItem>();
        for (var event : events) {
            var item = SwipeItem.from(event, event.occurredAt().plus(retention).getEpochSecond());
            byKey.putIfAbsent(RowKey.of(item), item);
        }
        var stored = BatchGets.all(
                        client, table, byKey.keySet().stream().map(RowKey::key).toList(), true)
                .stream()
                .map(RowKey::of)
                .collect(Collectors.toSet());
        var fresh = byKey.entrySet().stream()
                .filter(row -> !stored.contains(row.getKey()))
                .map(Map.Entry::getValue)
                .toList();
        for (var from = 0; from < fresh.size(); from += BATCH_WRITE_LIMIT) {
            write(fresh.subList(from, Math.min(fresh.size(), from + BATCH_WRITE_LIMIT)));
        }
        return fresh.stream().map(SwipeItem::getEventId).collect(Collectors.toSet());
    }

    /** Writes up to 25 rows, again for those the store left unprocessed (throttled), with a growing pause. */
    private void write(List<SwipeItem> items) {
        var pending = items;
        for (var attempt = 1; ; attempt++) {
            var batch = WriteBatch.builder(SwipeItem.class).mappedTableResource(table);
            pending.forEach(batch::addPutItem);
            var built = batch.build();
            pending = client.batchWriteItem(r -> r.writeBatches(built)).unprocessedPutItemsForTable(table);
            if (pending.isEmpty()) {
                return;
            }
            if (attempt == WRITE_ATTEMPTS) {
                throw new IllegalStateException(
                        pending.size() + " swipes rows left unprocessed after " + attempt + " attempts");
            }
            try {
                Thread.sleep(Duration.ofMillis(25L << attempt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while writing swipes rows", e);
            }
        }
    }

    private record RowKey(String doorId, String occurredAtEventId) {

        static RowKey of(SwipeItem item) {
            return new RowKey(item.getDoorId(), item.getOccurredAtEventId());
        }

        Key key() {
            return Key.builder()
                    .partitionValue(doorId)
                    .sortValue(occurredAtEventId)
                    .build();
        }
    }
}
