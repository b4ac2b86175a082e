package io.badgeflow.aws.dynamodb;

import io.badgeflow.model.door.Door;
import io.badgeflow.model.door.DoorRegistry;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/** The doors table. Reads are strongly consistent so a rotated key takes effect at the next request. */
public final class DynamoDbDoorRegistry implements DoorRegistry {

    private final DynamoDbTable<DoorItem> table;

    public DynamoDbDoorRegistry(DynamoDbEnhancedClient client, String tableName) {
        this.table = client.table(tableName, DoorItem.SCHEMA);
    }

    @Override
    public Optional<Door> find(String doorId) {
        return Optional.ofNullable(table.getItem(r -> r.key(Key.builder().partitionValue(doorId).build())
                .consistentRead(true))).map(DoorItem::toDoor);
    }

    @Override
    public void register(Door door) {
        table.putItem(DoorItem.from(door));
    }
}
