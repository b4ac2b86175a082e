package io.badgeflow.aws.dynamodb;

import io.badgeflow.aws.delivery.DeliveryFailure;
import io.badgeflow.aws.delivery.DeliveryFailureKey;
import io.badgeflow.aws.delivery.DeliveryFailures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.IgnoreNullsMode;

/**
 * The delivery-failures table. One UpdateItem per failed attempt: the atomic counter adds one to
 * {@code attempts}, so concurrent attempts (a visibility timeout that ran out mid-attempt) are all counted.
 * Records live as long as a message can rest in a dead-letter queue ({@code retention}, 14 days by default).
 */
public final class DynamoDbDeliveryFailures implements DeliveryFailures {

    /** SQS's longest message retention, the dead-letter queues' setting. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(14);

    private static final TableSchema<DeliveryFailureItem> SCHEMA = TableSchema.fromBean(DeliveryFailureItem.class);

    private final DynamoDbTable<DeliveryFailureItem> table;
    private final Duration retention;
    private final Clock clock;

    public DynamoDbDeliveryFailures(DynamoDbEnhancedClient client, String tableName, Duration retention, Clock clock) {
        this.table = client.table(tableName, SCHEMA);
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public void record(String queue, String body, String messageId, String reason, Instant failedAt) {
        var item = new DeliveryFailureItem();
        item.setFailureKey(DeliveryFailureKey.of(queue, body));
        item.setQueue(queue);
        item.setMessageId(messageId);
        item.setReason(reason == null ? "no reason given" : reason);
        item.setFirstFailedAt(failedAt);
        item.setLastFailedAt(failedAt);
        item.setExpiresAt(failedAt.plus(retention).getEpochSecond());
        table.updateItem(r -> r.item(item).ignoreNullsMode(IgnoreNullsMode.MAPS_ONLY));
    }

    @Override
    public Optional<DeliveryFailure> find(String queue, String body) {
        var now = clock.instant().getEpochSecond();
        return Optional.ofNullable(table.getItem(r -> r.key(Key.builder()
                                .partitionValue(DeliveryFailureKey.of(queue, body))
                                .build())
                        .consistentRead(true)))
                // TTL deletes within days, not at once: an expired record is as good as gone.
                .filter(item -> item.getExpiresAt() == null || item.getExpiresAt() > now)
                .map(DeliveryFailureItem::toFailure);
    }
}
