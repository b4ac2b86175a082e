package io.badgeflow.aws.dynamodb;

import io.badgeflow.model.presence.Presence;
import io.badgeflow.model.presence.PresenceKey;
import io.badgeflow.model.presence.PresenceLedger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.pagination.sync.SdkIterable;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The presence table. A write carries the version it replaces as its condition, which is what lets two doors of
 * one building race for one person without both admitting them. The muster list and occupancy read the sparse
 * {@code insideByBuilding} index (eventually consistent on AWS, like every GSI).
 */
public final class DynamoDbPresenceLedger implements PresenceLedger {

    private static final TableSchema<PresenceItem> SCHEMA = TableSchema.fromBean(PresenceItem.class);
    private static final Expression NONE_STORED = Expression.builder()
            .expression("attribute_not_exists(#employeeId)")
            .putExpressionName("#employeeId", "employeeId")
            .build();

    /** TransactWriteItems' limit of actions per call. */
    private static final int TRANSACTION_LIMIT = 100;

    private final DynamoDbEnhancedClient client;
    private final DynamoDbTable<PresenceItem> table;
    private final DynamoDbIndex<PresenceItem> insideByBuilding;

    public DynamoDbPresenceLedger(DynamoDbEnhancedClient client, String tableName) {
        this.client = client;
        this.table = client.table(tableName, SCHEMA);
        this.insideByBuilding = table.index(PresenceItem.INSIDE_BY_BUILDING);
    }

    @Override
    public Optional<Presence> find(String employeeId, String buildingId) {
        return Optional.ofNullable(
                        table.getItem(r -> r.key(key(employeeId, buildingId)).consistentRead(true)))
                .map(PresenceItem::toPresence);
    }

    @Override
    public List<Presence> findAll(Collection<PresenceKey> keys) {
        var wanted = keys.stream()
                .distinct()
                .map(key -> key(key.employeeId(), key.buildingId()))
                .toList();
        return BatchGets.all(client, table, wanted, true).stream()
                .map(PresenceItem::toPresence)
                .toList();
    }

    @Override
    public boolean replace(Presence read, Presence next) {
        return putIfStillAt(table, read, next, PresenceItem.from(next));
    }

    /**
     * Puts {@code item} (the row of {@code next}) if the stored presence is still {@code read}: the one conditional
     * write both this ledger and the decision log (which adds the decision's event to the row) commit a passage with.
     *
     * @return false when someone else wrote first: nothing was written
     */
    static boolean putIfStillAt(DynamoDbTable<PresenceItem> table, Presence read, Presence next, PresenceItem item) {
        if (!read.employeeId().equals(next.employeeId()) || !read.buildingId().equals(next.buildingId())) {
            throw new IllegalArgumentException("a presence is replaced by the same person's in the same building");
        }
        try {
            table.putItem(r -> r.item(item).conditionExpression(stillAt(read)));
            return true;
        } catch (ConditionalCheckFailedException moved) {
            return false;
        }
    }

    /**
     * Groups of up to 100 conditional puts, each group one transaction: all of it is written or, where one
     * version moved (or another writer's transaction touched one of its items), none of it.
     */
    @Override
    public List<Replacement> replaceAll(List<Replacement> replacements) {
        var unwritten = new ArrayList<Replacement>();
        for (var from = 0; from < replacements.size(); from += TRANSACTION_LIMIT) {
            var group = replacements.subList(from, Math.min(replacements.size(), from + TRANSACTION_LIMIT));
            if (group.size() == 1) {
                if (!replace(group.getFirst().read(), group.getFirst().next())) {
                    unwritten.add(group.getFirst());
                }
                continue;
            }
            var transaction = TransactWriteItemsEnhancedRequest.builder();
            group.forEach(replacement -> transaction.addPutItem(
                    table,
                    TransactPutItemEnhancedRequest.builder(PresenceItem.class)
                            .item(PresenceItem.from(replacement.next()))
                            .conditionExpression(stillAt(replacement.read()))
                            .build()));
            try {
                client.transactWriteItems(transaction.build());
            } catch (TransactionCanceledException moved) {
                unwritten.addAll(group);
            }
        }
        return unwritten;
    }

    @Override
    public List<Presence> inside(String buildingId) {
        return insideQuery(buildingId).stream()
                .flatMap(page -> page.items().stream())
                .map(PresenceItem::toPresence)
                .toList();
    }

    @Override
    public long occupancy(String buildingId) {
        return insideQuery(buildingId).stream()
                .mapToLong(page -> page.count() == null ? page.items().size() : page.count())
                .sum();
    }

    private SdkIterable<Page<PresenceItem>> insideQuery(String buildingId) {
        return insideByBuilding.query(r -> r.queryConditional(QueryConditional.keyEqualTo(
                Key.builder().partitionValue(buildingId).build())));
    }

    private static Expression stillAt(Presence read) {
        if (read.version() == 0) {
            return NONE_STORED;
        }
        return Expression.builder()
                .expression("#version = :read")
                .putExpressionName("#version", "version")
                .putExpressionValue(":read", AttributeValue.fromN(Long.toString(read.version())))
                .build();
    }

    private static Key key(String employeeId, String buildingId) {
        return Key.builder().partitionValue(employeeId).sortValue(buildingId).build();
    }
}
