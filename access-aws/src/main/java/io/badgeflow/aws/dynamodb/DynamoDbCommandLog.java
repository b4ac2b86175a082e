package io.badgeflow.aws.dynamodb;

import io.badgeflow.model.command.CommandLog;
import io.badgeflow.model.command.CommandRecord;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/**
 * Reads the commands table: what happened to one command. Records are written by the back-office store in
 * the same transaction as the command's changes; they expire after the configured retention, the durable
 * history being the admin audit trail.
 */
public final class DynamoDbCommandLog implements CommandLog {

    private final DynamoDbTable<CommandItem> table;

    public DynamoDbCommandLog(DynamoDbEnhancedClient client, String tableName) {
        this.table = client.table(tableName, CommandItem.SCHEMA);
    }

    @Override
    public Optional<CommandRecord> find(String commandId) {
        return Optional.ofNullable(table.getItem(r ->
                        r.key(Key.builder().partitionValue(commandId).build()).consistentRead(true)))
                .map(CommandItem::toRecord);
    }
}
