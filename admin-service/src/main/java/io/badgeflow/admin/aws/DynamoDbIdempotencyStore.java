package io.badgeflow.admin.aws;

import io.badgeflow.admin.AdminServiceStack;
import io.badgeflow.admin.idempotency.IdempotencyStore;
import io.badgeflow.admin.idempotency.IdempotentRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.DeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Claims keys in the idempotency table with a conditional put, so the first of two racing attempts wins. TTL
 * deletes expired claims only eventually, so the condition also lets a claim replace an expired one.
 */
@Component
class DynamoDbIdempotencyStore implements IdempotencyStore {

    private static final TableSchema<IdempotencyItem> SCHEMA = TableSchema.fromBean(IdempotencyItem.class);
    private static final int ATTEMPTS = 3;

    private final DynamoDbTable<IdempotencyItem> table;
    private final Clock clock;

    DynamoDbIdempotencyStore(DynamoDbEnhancedClient client, AdminServiceStack stack, Clock clock) {
        this.table = client.table(stack.idempotencyTableName(), SCHEMA);
        this.clock = clock;
    }

    @Override
    public Optional<IdempotentRequest> claim(IdempotentRequest request, Instant expiresAt) {
        var item = IdempotencyItem.of(request, expiresAt);
        // A holder can vanish between our failed put and our read (released, or expired): then claim again.
        for (var attempt = 1; ; attempt++) {
            var now = clock.instant().getEpochSecond();
            try {
                table.putItem(PutItemEnhancedRequest.builder(IdempotencyItem.class)
                        .item(item)
                        .conditionExpression(Expression.builder()
                                .expression("attribute_not_exists(id) OR expiresAt < :now")
                                .expressionValues(Map.of(":now", AttributeValue.fromN(Long.toString(now))))
                                .build())
                        .build());
                return Optional.empty();
            } catch (ConditionalCheckFailedException held) {
                var holder = table.getItem(r -> r.key(key(request.id())).consistentRead(true));
                if (holder != null && holder.getExpiresAt() >= now) {
                    return Optional.of(holder.toRequest());
                }
                if (attempt >= ATTEMPTS) {
                    throw held;
                }
            }
        }
    }

    @Override
    public void release(IdempotentRequest request) {
        try {
            table.deleteItem(DeleteItemEnhancedRequest.builder()
                    .key(key(request.id()))
                    .conditionExpression(Expression.builder()
                            .expression("commandId = :commandId")
                            .expressionValues(Map.of(":commandId", AttributeValue.fromS(request.commandId())))
                            .build())
                    .build());
        } catch (ConditionalCheckFailedException heldByAnother) {
            // Not ours (any more): nothing to give up.
        }
    }

    private static Key key(String id) {
        return Key.builder().partitionValue(id).build();
    }
}
