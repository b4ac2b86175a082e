package io.badgeflow.aws.dynamodb;

import io.badgeflow.model.InvalidFieldException;
import io.badgeflow.model.command.CommandHistory;
import io.badgeflow.model.command.CommandRecord;
import io.badgeflow.model.paging.Page;
import io.badgeflow.model.paging.PageRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Finished commands as histories, newest first, from the commands table's indexes. The most recent commands of
 * all kinds are read day by day from the {@code byDay} index (today, yesterday, ...) back {@link #RECENT_DAYS}
 * days, so no single index partition holds every command ever finished. Records past their TTL but not yet
 * deleted by DynamoDB are left out.
 */
public final class DynamoDbCommandHistory implements CommandHistory {

    /** How far back {@link #recent} reaches; the records themselves are kept for the command retention (90 days). */
    static final int RECENT_DAYS = 30;

    private static final List<String> EMPLOYEE_CURSOR = List.of("commandId", "employeeId", "finishedAt");
    private static final List<String> SUBJECT_CURSOR = List.of("commandId", "subjectId", "finishedAt");
    private static final List<String> DAY_CURSOR = List.of("commandId", "finishedDay", "finishedAt");

    private final DynamoDbIndex<CommandItem> byEmployee;
    private final DynamoDbIndex<CommandItem> bySubject;
    private final DynamoDbIndex<CommandItem> byDay;
    private final Clock clock;

    public DynamoDbCommandHistory(DynamoDbEnhancedClient enhanced, String commandsTable) {
        this(enhanced, commandsTable, Clock.systemUTC());
    }

    DynamoDbCommandHistory(DynamoDbEnhancedClient enhanced, String commandsTable, Clock clock) {
        var table = enhanced.table(commandsTable, CommandItem.SCHEMA);
        this.byEmployee = table.index(CommandItem.BY_EMPLOYEE);
        this.bySubject = table.index(CommandItem.BY_SUBJECT);
        this.byDay = table.index(CommandItem.BY_DAY);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public Page<CommandRecord> ofEmployee(String employeeId, PageRequest page) {
        return newestFirst(byEmployee, "employeeId", employeeId, EMPLOYEE_CURSOR, page);
    }

    @Override
    public Page<CommandRecord> ofSubject(String subjectId, PageRequest page) {
        return newestFirst(bySubject, "subjectId", subjectId, SUBJECT_CURSOR, page);
    }

    @Override
    public Page<CommandRecord> recent(PageRequest page) {
        var today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        var oldest = today.minusDays(RECENT_DAYS - 1L);
        var day = today;
        Map<String, AttributeValue> start = null;
        if (page.cursor() != null) {
            start = Cursors.decode(page.cursor(), Set.copyOf(DAY_CURSOR));
            day = cursorDay(start.get("finishedDay").s());
            if (day.isAfter(today) || day.isBefore(oldest)) {
                throw Cursors.invalid();
            }
        }
        var items = new ArrayList<CommandItem>();
        for (; !day.isBefore(oldest) && items.size() <= page.size(); day = day.minusDays(1), start = null) {
            var partition = day.toString();
            Pages.fill(items, page.size() + 1, start, (from, limit) -> query(byDay, partition, from, limit));
        }
        return Pages.cut(items, page.size(), CommandItem.SCHEMA, DAY_CURSOR, CommandItem::toRecord);
    }

    private Page<CommandRecord> newestFirst(
            DynamoDbIndex<CommandItem> index,
            String partitionName,
            String partition,
            List<String> cursorKeys,
            PageRequest page) {
        Map<String, AttributeValue> start = null;
        if (page.cursor() != null) {
            start = Cursors.decode(page.cursor(), Set.copyOf(cursorKeys));
            if (!partition.equals(start.get(partitionName).s())) {
                throw Cursors.invalid();
            }
        }
        return Pages.page(
                page,
                start,
                (from, limit) -> query(index, partition, from, limit),
                CommandItem.SCHEMA,
                cursorKeys,
                CommandItem::toRecord);
    }

    private software.amazon.awssdk.enhanced.dynamodb.model.Page<CommandItem> query(
            DynamoDbIndex<CommandItem> index, String partition, Map<String, AttributeValue> from, int limit) {
        var notExpired = Expression.builder()
                .expression("attribute_not_exists(#expiresAt) OR #expiresAt > :now")
                .putExpressionName("#expiresAt", "expiresAt")
                .putExpressionValue(
                        ":now",
                        AttributeValue.fromN(Long.toString(clock.instant().getEpochSecond())))
                .build();
        return index.query(r -> r.queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(partition)))
                        .scanIndexForward(false)
                        .filterExpression(notExpired)
                        .exclusiveStartKey(from)
                        .limit(limit))
                .iterator()
                .next();
    }

    private static LocalDate cursorDay(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            InvalidFieldException invalid = Cursors.invalid();
            invalid.initCause(e);
            throw invalid;
        }
    }
}
