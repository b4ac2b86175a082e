package io.badgeflow.aws.dynamodb;

import io.badgeflow.model.audit.AdminAuditTrail;
import io.badgeflow.model.audit.AuditBlock;
import io.badgeflow.model.audit.AuditChain;
import io.badgeflow.model.audit.AuditEntry;
import io.badgeflow.model.audit.AuditTrailContentionException;
import io.badgeflow.model.audit.AuditVerifier;
import io.badgeflow.model.audit.ChainHead;
import io.badgeflow.model.audit.ChainVerification;
import io.badgeflow.model.audit.UnreadableAuditBlockException;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The admin-audit table as a hash chain (see {@code docs/admin-audit.md}). An append reads the head strongly
 * consistently, builds the next block in the model, and writes head, block and block-id marker in one
 * transaction: the head only moves if it still is where it was read (so concurrent writers never fork the
 * chain), and the marker only if the block id is new (so a redelivery never appends twice). A writer that lost
 * the race re-reads the head and tries again after a short random pause.
 *
 * <p>Verification pages through the blocks with the low-level client and maps each item on its own, so that one
 * tampered attribute is reported at its block instead of failing the whole page.
 */
public final class DynamoDbAdminAuditTrail implements AdminAuditTrail {

    /** Attempts per append before giving up with {@link AuditTrailContentionException}. */
    static final int MAX_ATTEMPTS = 100;

    private static final long MAX_PAUSE_MILLIS = 50;
    private static final int HEAD = 0;
    private static final int BLOCK = 1;
    private static final int MARKER = 2;

    private static final Map<String, String> KEY_NAMES = Map.of("#chain", "chain", "#sequence", "sequence");
    private static final Expression NO_HEAD_YET = Expression.builder()
            .expression("attribute_not_exists(#chain)")
            .putExpressionName("#chain", "chain")
            .build();
    private static final Expression IS_NEW = NO_HEAD_YET;

    private final DynamoDbClient dynamoDb;
    private final DynamoDbEnhancedClient enhanced;
    private final DynamoDbTable<AdminAuditItem> table;
    private final String tableName;
    private final Clock clock;

    public DynamoDbAdminAuditTrail(DynamoDbClient dynamoDb, String tableName, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.enhanced =
                DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb).build();
        this.table = enhanced.table(tableName, AdminAuditItem.SCHEMA);
        this.tableName = tableName;
        this.clock = clock;
    }

    @Override
    public boolean append(String blockId, List<AuditEntry> entries) {
        AuditBlock.requireBlockId(blockId);
        for (var attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            var head = readHead();
            var block = AuditChain.next(head.orElse(ChainHead.GENESIS), blockId, entries, clock.instant());
            try {
                enhanced.transactWriteItems(request -> request.addPutItem(
                                table,
                                put(
                                        AdminAuditItem.head(block),
                                        head.map(DynamoDbAdminAuditTrail::headStillAt)
                                                .orElse(NO_HEAD_YET)))
                        .addPutItem(table, put(AdminAuditItem.block(block), IS_NEW))
                        .addPutItem(table, put(AdminAuditItem.marker(block), IS_NEW)));
                return true;
            } catch (TransactionCanceledException cancelled) {
                var reasons = cancelled.cancellationReasons();
                if (conditionFailed(reasons, MARKER)) {
                    return false;
                }
                if (conditionFailed(reasons, BLOCK) && !conditionFailed(reasons, HEAD)) {
                    throw new IllegalStateException(
                            "block " + block.sequence() + " exists although the head says " + (block.sequence() - 1)
                                    + ": the chain is damaged, verify it",
                            cancelled);
                }
                pause(attempt);
            }
        }
        throw new AuditTrailContentionException(
                "could not append block " + blockId + " in " + MAX_ATTEMPTS + " attempts: the chain head kept moving");
    }

    @Override
    public ChainVerification verify() {
        var stored = dynamoDb.getItem(request -> request.tableName(tableName)
                .consistentRead(true)
                .key(Map.of(
                        "chain", AttributeValue.fromS(AdminAuditItem.MAIN), "sequence", AttributeValue.fromN("0"))));
        Optional<ChainHead> head;
        try {
            head = stored.hasItem() && !stored.item().isEmpty()
                    ? Optional.of(AdminAuditItem.SCHEMA.mapToItem(stored.item()).toHead())
                    : Optional.empty();
        } catch (RuntimeException unreadable) {
            // mapping only, no I/O in here: a tampered head is a finding, not an error
            return new ChainVerification.Broken(
                    0,
                    null,
                    ChainVerification.Problem.HEAD_MISMATCH,
                    "the chain head cannot be read: " + unreadable.getMessage());
        }
        var query =
                QueryRequest.builder().tableName(tableName).consistentRead(true).expressionAttributeNames(KEY_NAMES);
        query = head.isPresent()
                ? query.keyConditionExpression("#chain = :main AND #sequence BETWEEN :first AND :last")
                        .expressionAttributeValues(Map.of(
                                ":main",
                                AttributeValue.fromS(AdminAuditItem.MAIN),
                                ":first",
                                AttributeValue.fromN("1"),
                                ":last",
                                AttributeValue.fromN(Long.toString(head.get().sequence()))))
                // no head: one stored block is enough to tell that the head is missing
                : query.keyConditionExpression("#chain = :main AND #sequence >= :first")
                        .limit(1)
                        .expressionAttributeValues(Map.of(
                                ":main",
                                AttributeValue.fromS(AdminAuditItem.MAIN),
                                ":first",
                                AttributeValue.fromN("1")));
        var items = dynamoDb.queryPaginator(query.build()).items().iterator();
        return AuditVerifier.verify(head, new Iterator<>() {
            @Override
            public boolean hasNext() {
                return items.hasNext();
            }

            @Override
            public AuditBlock next() {
                return toBlock(items.next());
            }
        });
    }

    /** Newest first; a block that cannot be read fails the call (verify reports which one). */
    @Override
    public List<AuditBlock> latest(int limit) {
        if (limit < 1 || limit > 100) {
            throw new IllegalArgumentException("limit must be 1 to 100");
        }
        return table
                .query(request -> request.queryConditional(QueryConditional.sortGreaterThan(Key.builder()
                                .partitionValue(AdminAuditItem.MAIN)
                                .sortValue(0)
                                .build()))
                        .scanIndexForward(false)
                        .limit(limit)
                        .consistentRead(true))
                .items()
                .stream()
                .limit(limit)
                .map(AdminAuditItem::toBlock)
                .toList();
    }

    private Optional<ChainHead> readHead() {
        var item = table.getItem(request -> request.consistentRead(true)
                .key(Key.builder()
                        .partitionValue(AdminAuditItem.MAIN)
                        .sortValue(0)
                        .build()));
        return Optional.ofNullable(item).map(AdminAuditItem::toHead);
    }

    private static Expression headStillAt(ChainHead head) {
        return Expression.builder()
                .expression("lastSequence = :expected")
                .putExpressionValue(":expected", AttributeValue.fromN(Long.toString(head.sequence())))
                .build();
    }

    private static TransactPutItemEnhancedRequest<AdminAuditItem> put(AdminAuditItem item, Expression condition) {
        return TransactPutItemEnhancedRequest.builder(AdminAuditItem.class)
                .item(item)
                .conditionExpression(condition)
                .build();
    }

    private static boolean conditionFailed(List<CancellationReason> reasons, int index) {
        return reasons.size() > index
                && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    /** Full jitter, growing with the attempt: losers of one round spread out instead of colliding again. */
    private static void pause(int attempt) {
        var bound = Math.min(MAX_PAUSE_MILLIS, 2L << Math.min(attempt, 5));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, bound + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditTrailContentionException("interrupted while waiting to retry an append");
        }
    }

    private static AuditBlock toBlock(Map<String, AttributeValue> stored) {
        var sequence = stored.get("sequence");
        var blockId = stored.get("blockId");
        try {
            return AdminAuditItem.SCHEMA.mapToItem(stored).toBlock();
        } catch (RuntimeException unreadable) {
            throw new UnreadableAuditBlockException(
                    sequence == null ? -1 : Long.parseLong(sequence.n()),
                    blockId == null ? null : blockId.s(),
                    String.valueOf(unreadable.getMessage()),
                    unreadable);
        }
    }
}
