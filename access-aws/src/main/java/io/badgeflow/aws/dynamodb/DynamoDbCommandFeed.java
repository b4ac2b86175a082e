package io.badgeflow.aws.dynamodb;

import io.badgeflow.model.command.CommandFeed;
import io.badgeflow.model.command.CommandRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/**
 * Finished commands from the commands table's {@code bySecond} index: one query per UTC second from
 * {@code since} to now, ascending by {@code finishedAt}, so a poll every fraction of a second reads a few small
 * partitions. An index is eventually consistent, so a reader that must not miss a command asks again from
 * a little before its last answer.
 */
public final class DynamoDbCommandFeed implements CommandFeed {

    private final DynamoDbIndex<CommandItem> bySecond;
    private final Clock clock;

    public DynamoDbCommandFeed(DynamoDbEnhancedClient enhanced, String commandsTable, Clock clock) {
        this.bySecond = enhanced.table(commandsTable, CommandItem.SCHEMA).index(CommandItem.BY_SECOND);
        this.clock = clock;
    }

    @Override
    public List<CommandRecord> finishedSince(Instant since) {
        var records = new ArrayList<CommandRecord>();
        var now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        for (var second = since.truncatedTo(ChronoUnit.SECONDS); !second.isAfter(now); second = second.plusSeconds(1)) {
            var from = Key.builder()
                    .partitionValue(CommandItem.second(second))
                    .sortValue(SortableInstantConverter.format(since))
                    .build();
            bySecond.query(r -> r.queryConditional(QueryConditional.sortGreaterThanOrEqualTo(from))).stream()
                    .flatMap(page -> page.items().stream())
                    .map(CommandItem::toRecord)
                    .forEach(records::add);
        }
        return records;
    }
}
