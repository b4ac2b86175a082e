package io.badgeflow.aws.dynamodb;

import io.badgeflow.model.door.DeviceKeyHash;
import io.badgeflow.model.door.Door;
import io.badgeflow.model.door.DoorRegistry;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/** The doors table. Reads are strongly consistent so a rotated key takes effect at the next request. */
public final class DynamoDbDoorRegistry implements DoorRegistry {

    private final DynamoDbTable<DoorItem> table;
    private final DynamoDbIndex<DoorItem> byKeyHash;

    public DynamoDbDoorRegistry(DynamoDbEnhancedClient client, String tableName) {
        this.table = client.table(tableName, DoorItem.SCHEMA);
        this.byKeyHash = table.index(DoorItem.BY_KEY_HASH);
    }

    @Override
    public Optional<Door> find(String doorId) {
        return Optional.ofNullable(table.getItem(
                        r -> r.key(Key.builder().partitionValue(doorId).build()).consistentRead(true)))
                .map(DoorItem::toDoor);
    }

    /** Eventually consistent (an index): a key rotated a moment ago may still be found on its old door. */
    @Override
    public Optional<Door> findByKey(DeviceKeyHash keyHash) {
        return byKeyHash
                .query(r -> r.queryConditional(QueryConditional.keyEqualTo(Key.builder()
                                .partitionValue(keyHash.sha256Hex())
                                .build()))
                        .limit(1))
                .stream()
                .flatMap(page -> page.items().stream())
                .findFirst()
                .map(DoorItem::toDoor);
    }

    @Override
    public void register(Door door) {
        table.putItem(DoorItem.from(door));
    }
}
