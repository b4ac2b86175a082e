package io.badgeflow.aws.dynamodb;

import io.badgeflow.model.backoffice.BackOfficeStore;
import io.badgeflow.model.backoffice.Change;
import io.badgeflow.model.backoffice.Change.Claim;
import io.badgeflow.model.backoffice.Change.DeleteGrant;
import io.badgeflow.model.backoffice.Change.Release;
import io.badgeflow.model.backoffice.Change.SaveBuilding;
import io.badgeflow.model.backoffice.Change.SaveCard;
import io.badgeflow.model.backoffice.Change.SaveDoor;
import io.badgeflow.model.backoffice.Change.SaveEmployee;
import io.badgeflow.model.backoffice.Change.SaveGrant;
import io.badgeflow.model.backoffice.UniqueKind;
import io.badgeflow.model.building.Building;
import io.badgeflow.model.card.Card;
import io.badgeflow.model.command.CommandRecord;
import io.badgeflow.model.door.Door;
import io.badgeflow.model.employee.Employee;
import io.badgeflow.model.grant.AccessGrant;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactDeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The back-office store on DynamoDB. A command's changes and its record (or a group's changes and records)
 * go into ONE TransactWriteItems, each
 * write conditional: a save on the version before it (absent for version 1), a grant's removal on the version
 * read, a claim or release on the value being free or this owner's, the record on not being there yet. A
 * cancelled transaction wrote nothing; which condition failed says why. Reads are strongly consistent.
 */
public final class DynamoDbBackOfficeStore implements BackOfficeStore {

    private static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailed";
    private static final String TRANSACTION_CONFLICT = "TransactionConflict";

    private final DynamoDbEnhancedClient enhanced;
    private final BackOfficeRows rows;
    private final Duration commandRetention;
    private final String appliedBy;

    public DynamoDbBackOfficeStore(
            DynamoDbEnhancedClient enhanced, BackOfficeTables tables, Duration commandRetention) {
        this(enhanced, tables, commandRetention, null);
    }

    /** {@code appliedBy}: what the command records name as the code that applied them (none when null). */
    public DynamoDbBackOfficeStore(
            DynamoDbEnhancedClient enhanced, BackOfficeTables tables, Duration commandRetention, String appliedBy) {
        this.enhanced = Objects.requireNonNull(enhanced, "enhanced");
        this.rows = new BackOfficeRows(enhanced, tables);
        this.commandRetention = Objects.requireNonNull(commandRetention, "commandRetention");
        this.appliedBy = appliedBy;
    }

    @Override
    public Optional<Employee> employee(String employeeId) {
        return rows.employee(employeeId);
    }

    @Override
    public Optional<Card> card(String cardId) {
        return rows.card(cardId);
    }

    @Override
    public Optional<Building> building(String buildingId) {
        return rows.building(buildingId);
    }

    @Override
    public Optional<Door> door(String doorId) {
        return rows.door(doorId);
    }

    @Override
    public Optional<AccessGrant> grant(String employeeId, String buildingId) {
        return rows.grant(employeeId, buildingId);
    }

    @Override
    public List<AccessGrant> grantsOf(String employeeId) {
        return rows.grantsOf(employeeId);
    }

    @Override
    public void commit(List<Change> changes, List<CommandRecord> records) {
        if (changes.isEmpty() && records.size() == 1) {
            var record = records.getFirst();
            try {
                rows.commands.putItem(r -> r.item(itemOf(record)).conditionExpression(absent("commandId")));
            } catch (ConditionalCheckFailedException recorded) {
                throw alreadyRecorded(List.of(record));
            }
            return;
        }
        // the time the rows are written at: an offboarded employee's retention counts from it
        var writtenAt = records.stream()
                .map(CommandRecord::finishedAt)
                .max(Comparator.naturalOrder())
                .orElseGet(Instant::now);
        var transaction = new Transaction(writtenAt);
        changes.forEach(transaction::add);
        records.forEach(record ->
                transaction.put(rows.commands, CommandItem.class, itemOf(record), absent("commandId"), Write.RECORD));
        try {
            enhanced.transactWriteItems(transaction.request.build());
        } catch (TransactionCanceledException cancelled) {
            throw transaction.failure(cancelled, records);
        }
    }

    private CommandItem itemOf(CommandRecord record) {
        return CommandItem.from(
                record, record.finishedAt().plus(commandRetention).getEpochSecond(), appliedBy);
    }

    private static AlreadyRecordedException alreadyRecorded(List<CommandRecord> records) {
        return new AlreadyRecordedException(
                "command " + records.stream().map(CommandRecord::commandId).collect(Collectors.joining(", "))
                        + " is already recorded");
    }

    /** What one write of the transaction is, to explain its failed condition. */
    private record Write(String what, UniqueKind claimed) {
        static final Write RECORD = new Write("the command record", null);
    }

    /** The transaction being built, and what each of its writes is, by position. */
    private final class Transaction {

        final TransactWriteItemsEnhancedRequest.Builder request = TransactWriteItemsEnhancedRequest.builder();
        final List<Write> writes = new ArrayList<>();
        final Instant writtenAt;

        Transaction(Instant writtenAt) {
            this.writtenAt = writtenAt;
        }

        void add(Change change) {
            switch (change) {
                case SaveEmployee c ->
                    saveVersioned(
                            rows.employees,
                            EmployeeItem.class,
                            EmployeeItem.from(c.employee(), writtenAt),
                            "employeeId",
                            c.employee().version(),
                            "employee " + c.employee().employeeId());
                case SaveCard c ->
                    saveVersioned(
                            rows.cards,
                            CardItem.class,
                            CardItem.from(c.card()),
                            "cardId",
                            c.card().version(),
                            "card " + c.card().cardId());
                case SaveBuilding c ->
                    saveVersioned(
                            rows.buildings,
                            BuildingItem.class,
                            BuildingItem.from(c.building()),
                            "buildingId",
                            c.building().version(),
                            "building " + c.building().buildingId());
                case SaveDoor c ->
                    saveVersioned(
                            rows.doors,
                            DoorItem.class,
                            DoorItem.from(c.door()),
                            "doorId",
                            c.door().version(),
                            "door " + c.door().doorId());
                case SaveGrant c ->
                    saveVersioned(
                            rows.grants,
                            GrantItem.class,
                            GrantItem.from(c.grant()),
                            "employeeId",
                            c.grant().version(),
                            grantName(c.grant()));
                case DeleteGrant c ->
                    delete(
                            rows.grants,
                            Key.builder()
                                    .partitionValue(c.grant().employeeId())
                                    .sortValue(c.grant().buildingId())
                                    .build(),
                            version(c.grant().version()),
                            new Write(grantName(c.grant()), null));
                case Claim c ->
                    put(
                            rows.claims(c.kind()),
                            ClaimItem.class,
                            ClaimItem.of(c.kind(), c.value(), c.ownerId()),
                            freeOrOwnedBy(c.kind(), c.ownerId()),
                            new Write(c.kind() + " " + c.value(), c.kind()));
                case Release c ->
                    delete(
                            rows.claims(c.kind()),
                            Key.builder()
                                    .partitionValue(ClaimItem.key(c.kind(), c.value()))
                                    .build(),
                            freeOrOwnedBy(c.kind(), c.ownerId()),
                            new Write("release of " + c.kind() + " " + c.value(), null));
            }
        }

        <I> void put(DynamoDbTable<I> table, Class<I> type, I item, Expression condition, Write write) {
            request.addPutItem(
                    table,
                    TransactPutItemEnhancedRequest.builder(type)
                            .item(item)
                            .conditionExpression(condition)
                            .build());
            writes.add(write);
        }

        private <I> void saveVersioned(
                DynamoDbTable<I> table, Class<I> type, I item, String keyAttribute, long version, String what) {
            put(table, type, item, version == 1 ? absent(keyAttribute) : version(version - 1), new Write(what, null));
        }

        private <I> void delete(DynamoDbTable<I> table, Key key, Expression condition, Write write) {
            request.addDeleteItem(
                    table,
                    TransactDeleteItemEnhancedRequest.builder()
                            .key(key)
                            .conditionExpression(condition)
                            .build());
            writes.add(write);
        }

        /**
         * Why the transaction was cancelled. An existing record wins (the command is done, whatever else moved);
         * then a moved record or a conflicting transaction, because a decision on fresh state may differ; only
         * then a claimed value held by another record.
         */
        RuntimeException failure(TransactionCanceledException cancelled, List<CommandRecord> records) {
            var reasons = cancelled.hasCancellationReasons()
                    ? cancelled.cancellationReasons()
                    : List.<CancellationReason>of();
            var moved = new ArrayList<String>();
            UniqueKind taken = null;
            String takenWhat = null;
            for (var i = 0; i < reasons.size() && i < writes.size(); i++) {
                var code = reasons.get(i).code();
                var write = writes.get(i);
                if (CONDITIONAL_CHECK_FAILED.equals(code) && write == Write.RECORD) {
                    return alreadyRecorded(records);
                }
                if (CONDITIONAL_CHECK_FAILED.equals(code) && write.claimed() != null) {
                    taken = write.claimed();
                    takenWhat = write.what();
                } else if (CONDITIONAL_CHECK_FAILED.equals(code) || TRANSACTION_CONFLICT.equals(code)) {
                    moved.add(write.what() + (TRANSACTION_CONFLICT.equals(code) ? " (conflicting transaction)" : ""));
                }
            }
            if (!moved.isEmpty()) {
                var failure = new ConcurrentChangeException("changed since it was read: " + String.join(", ", moved));
                failure.initCause(cancelled);
                return failure;
            }
            if (taken != null) {
                var failure = new ValueTakenException(taken, takenWhat + " is held by another record");
                failure.initCause(cancelled);
                return failure;
            }
            return cancelled;
        }
    }

    private static String grantName(AccessGrant grant) {
        return "grant of employee " + grant.employeeId() + " for building " + grant.buildingId();
    }

    private static Expression absent(String keyAttribute) {
        return Expression.builder()
                .expression("attribute_not_exists(#key)")
                .putExpressionName("#key", keyAttribute)
                .build();
    }

    private static Expression version(long expected) {
        return Expression.builder()
                .expression("#version = :expected")
                .putExpressionName("#version", "version")
                .putExpressionValue(":expected", AttributeValue.fromN(Long.toString(expected)))
                .build();
    }

    private static Expression freeOrOwnedBy(UniqueKind kind, String ownerId) {
        return Expression.builder()
                .expression("attribute_not_exists(#key) OR #owner = :owner")
                .putExpressionName("#key", ClaimItem.keyAttribute(kind))
                .putExpressionName("#owner", ClaimItem.OWNER)
                .putExpressionValue(":owner", AttributeValue.fromS(ownerId))
                .build();
    }
}
