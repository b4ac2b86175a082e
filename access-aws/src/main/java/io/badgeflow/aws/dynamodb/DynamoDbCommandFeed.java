package io.badgeflow.aws.dynamodb;

import io.badgeflow.model.command.CommandFeed;
import io.badgeflow.model.command.CommandRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/**
 * Finished commands from the commands table's {@code byDay} index: one query per UTC day from {@code since} to
 * today, ascending by {@code finishedAt}. An index is eventually consistent, so a reader that must not miss a
 * command asks again from a little before its last answer.
 */
public final class DynamoDbCommandFeed implements CommandFeed {

    private final DynamoDbIndex<CommandItem> byDay;
    private final Clock clock;

    public DynamoDbCommandFeed(DynamoDbEnhancedClient enhanced, String commandsTable, Clock clock) {
        this.byDay = enhanced.table(commandsTable, CommandItem.SCHEMA).index(CommandItem.BY_DAY);
        this.clock = clock;
    }

    @Override
    public List<CommandRecord> finishedSince(Instant since) {
        var records = new ArrayList<CommandRecord>();
        var today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (var day = LocalDate.ofInstant(since, ZoneOffset.UTC); !day.isAfter(today); day = day.plusDays(1)) {
            var from = Key.builder().partitionValue(day.toString())
                    .sortValue(SortableInstantConverter.format(since)).build();
            byDay.query(r -> r.queryConditional(QueryConditional.sortGreaterThanOrEqualTo(from)))
                    .stream().flatMap(page -> page.items().stream()).map(CommandItem::toRecord).forEach(records::add);
        }
        return records;
    }
}
