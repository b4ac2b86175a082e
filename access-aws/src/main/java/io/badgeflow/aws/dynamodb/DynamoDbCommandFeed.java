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
 * Finished commands from the commands table's {@code byMinute} index: one query per UTC minute from
 * {@code since} to now, ascending by {@code finishedAt}, so a poll every fraction of a second reads one or two
 * small partitions. An index is eventually consistent, so a reader that must not miss a command asks again from
 * a little before its last answer.
 */
public final class DynamoDbCommandFeed implements CommandFeed {

    private final DynamoDbIndex<CommandItem> byMinute;
    private final Clock clock;

    public DynamoDbCommandFeed(DynamoDbEnhancedClient enhanced, String commandsTable, Clock clock) {
        this.byMinute = enhanced.table(commandsTable, CommandItem.SCHEMA).index(CommandItem.BY_MINUTE);
        this.clock = clock;
    }

    @Override
    public List<CommandRecord> finishedSince(Instant since) {
        var records = new ArrayList<CommandRecord>();
        var now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        for (var minute = since.truncatedTo(ChronoUnit.MINUTES); !minute.isAfter(now); minute = minute.plus(
                1, ChronoUnit.MINUTES)) {
            var from = Key.builder().partitionValue(CommandItem.minute(minute))
                    .sortValue(SortableInstantConverter.format(since)).build();
            byMinute.query(r -> r.queryConditional(QueryConditional.sortGreaterThanOrEqualTo(from)))
                    .stream().flatMap(page -> page.items().stream()).map(CommandItem::toRecord).forEach(records::add);
        }
        return records;
    }
}
