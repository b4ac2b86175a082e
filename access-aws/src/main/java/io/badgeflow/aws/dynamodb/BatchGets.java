package io.badgeflow.aws.dynamodb;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.ReadBatch;

/** BatchGetItem over any number of keys of one table: BatchGetItem's 100 keys a call. */
final class BatchGets {

    private static final int LIMIT = 100;

    private BatchGets() {}

    /**
     * The items stored under {@code keys} (distinct: BatchGetItem refuses a key twice), in no particular order;
     * keys with no item are left out.
     */
    static <T> List<T> all(DynamoDbEnhancedClient client, DynamoDbTable<T> table, List<Key> keys, boolean consistent) {
        var found = new ArrayList<T>(keys.size());
        for (var from = 0; from < keys.size(); from += LIMIT) {
            var batch =
                    ReadBatch.builder(table.tableSchema().itemType().rawClass()).mappedTableResource(table);
            keys.subList(from, Math.min(keys.size(), from + LIMIT))
                    .forEach(key -> batch.addGetItem(r -> r.key(key).consistentRead(consistent)));
            // The results iterable follows UnprocessedKeys itself.
            client.batchGetItem(r -> r.readBatches(batch.build()))
                    .resultsForTable(table)
                    .forEach(found::add);
        }
        return found;
    }
}
