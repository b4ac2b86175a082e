package io.badgeflow.aws.dynamodb;

import io.badgeflow.model.command.CommandLog;
import io.badgeflow.model.command.CommandRecord;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The commands table. The first finished record of a command wins (conditional put), so a late duplicate
 * delivery can never turn an APPLIED command into something else. Records expire after {@code retention}:
 * the durable history is the admin audit trail, this table answers "what happened to my command".
 */
public final class DynamoDbCommandLog implements CommandLog {

    private static final TableSchema<CommandItem> SCHEMA = TableSchema.fromBean(CommandItem.class);
    private static final Expression FIRST_ONE_WINS = Expression.builder()
            .expression("attribute_not_exists(commandId)").build();

    private final DynamoDbTable<CommandItem> table;
    private final Duration retention;

    public DynamoDbCommandLog(DynamoDbEnhancedClient client, String tableName, Duration retention) {
        this.table = client.table(tableName, SCHEMA);
        this.retention = retention;
    }

    @Override
    public Optional<CommandRecord> find(String commandId) {
        return Optional.ofNullable(table.getItem(r -> r.key(Key.builder().partitionValue(commandId).build())
                .consistentRead(true))).map(CommandItem::toRecord);
    }

    @Override
    public void record(CommandRecord record) {
        try {
            table.putItem(PutItemEnhancedRequest.builder(CommandItem.class)
                    .item(CommandItem.from(record, record.finishedAt().plus(retention).getEpochSecond()))
                    .conditionExpression(FIRST_ONE_WINS)
                    .build());
        } catch (ConditionalCheckFailedException alreadyFinished) {
            // A concurrent delivery finished it first; its record stands.
        }
    }
}
