package io.badgeflow.aws.dynamodb;

import io.badgeflow.model.door.SwipeEntry;
import io.badgeflow.model.door.SwipeHistory;
import io.badgeflow.model.door.SwipeQuery;
import io.badgeflow.model.paging.Page;
import io.badgeflow.model.paging.PageRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The swipes table read back for audit: a door's events from the table itself, an employee's from
 * {@code byEmployee}, a building's from {@code byBuilding}, whose partitions are one building's UTC day, so a
 * range is read day partition after day partition. The range {@code [from, to)} is one key condition on
 * {@code occurredAtEventId} ({@code <fixed-width instant>#<eventId>}): {@code BETWEEN from AND to} takes every
 * key at {@code from} (they are longer than the bare instant) and none at {@code to}. The cursor carries the
 * index and table keys of the last row shown, and must belong to the query it is used with.
 */
public final class DynamoDbSwipeHistory implements SwipeHistory {

    private static final List<String> DOOR_CURSOR = List.of("doorId", "occurredAtEventId");
    private static final List<String> EMPLOYEE_CURSOR = List.of("doorId", "occurredAtEventId", "employeeId");
    private static final List<String> BUILDING_CURSOR = List.of("doorId", "occurredAtEventId", "buildingDay");

    private final DynamoDbTable<SwipeItem> table;

    public DynamoDbSwipeHistory(DynamoDbEnhancedClient enhanced, String swipesTable) {
        this.table = enhanced.table(swipesTable, SwipeItem.SCHEMA);
    }

    @Override
    public Page<SwipeEntry> find(SwipeQuery query, PageRequest page) {
        var low = SortableInstantConverter.format(query.from());
        var high = SortableInstantConverter.format(query.to());
        return switch (query.by()) {
            case DOOR -> partition(query, page, DOOR_CURSOR, "doorId", query.id(), low, high, null);
            case EMPLOYEE ->
                partition(query, page, EMPLOYEE_CURSOR, "employeeId", query.id(), low, high, SwipeItem.BY_EMPLOYEE);
            case BUILDING -> buildingDays(query, page, low, high);
        };
    }

    @Override
    public List<SwipeEntry> latest(String buildingId, Instant since, Instant until, int limit) {
        var low = SortableInstantConverter.format(since);
        var high = SortableInstantConverter.format(until);
        var first = LocalDate.ofInstant(since, ZoneOffset.UTC);
        var items = new ArrayList<SwipeItem>();
        for (var day = LocalDate.ofInstant(until, ZoneOffset.UTC);
                !day.isBefore(first) && items.size() < limit;
                day = day.minusDays(1)) {
            var partition = SwipeItem.buildingDay(buildingId, day);
            var between = QueryConditional.sortBetween(
                    k -> k.partitionValue(partition).sortValue(low),
                    k -> k.partitionValue(partition).sortValue(high));
            Pages.fill(
                    items,
                    limit,
                    null,
                    (from, size) -> table.index(SwipeItem.BY_BUILDING)
                            .query(r -> r.queryConditional(between)
                                    .scanIndexForward(false)
                                    .exclusiveStartKey(from)
                                    .limit(size))
                            .iterator()
                            .next());
        }
        return items.stream().map(SwipeItem::toEntry).toList();
    }

    private Page<SwipeEntry> partition(
            SwipeQuery query,
            PageRequest page,
            List<String> cursorKeys,
            String partitionName,
            String partition,
            String low,
            String high,
            String index) {
        var start = start(query, page, cursorKeys, partitionName, partition, low, high);
        return Pages.page(
                page,
                start,
                (from, limit) -> read(index, partition, low, high, from, limit),
                SwipeItem.SCHEMA,
                cursorKeys,
                SwipeItem::toEntry);
    }

    private Page<SwipeEntry> buildingDays(SwipeQuery query, PageRequest page, String low, String high) {
        var day = LocalDate.ofInstant(query.from(), ZoneOffset.UTC);
        var last = LocalDate.ofInstant(query.to().minusNanos(1), ZoneOffset.UTC);
        Map<String, AttributeValue> start = null;
        if (page.cursor() != null) {
            start = Cursors.decode(page.cursor(), Set.copyOf(BUILDING_CURSOR));
            day = cursorDay(query.id(), start.get("buildingDay").s(), day, last);
            requireInRange(start, low, high);
        }
        var items = new ArrayList<SwipeItem>();
        for (; !day.isAfter(last) && items.size() <= page.size(); day = day.plusDays(1), start = null) {
            var partition = SwipeItem.buildingDay(query.id(), day);
            Pages.fill(
                    items,
                    page.size() + 1,
                    start,
                    (from, limit) -> read(SwipeItem.BY_BUILDING, partition, low, high, from, limit));
        }
        return Pages.cut(items, page.size(), SwipeItem.SCHEMA, BUILDING_CURSOR, SwipeItem::toEntry);
    }

    private software.amazon.awssdk.enhanced.dynamodb.model.Page<SwipeItem> read(
            String index, String partition, String low, String high, Map<String, AttributeValue> from, int limit) {
        var between = QueryConditional.sortBetween(
                k -> k.partitionValue(partition).sortValue(low),
                k -> k.partitionValue(partition).sortValue(high));
        if (index == null) {
            return table.query(r ->
                            r.queryConditional(between).exclusiveStartKey(from).limit(limit))
                    .iterator()
                    .next();
        }
        return table.index(index)
                .query(r -> r.queryConditional(between).exclusiveStartKey(from).limit(limit))
                .iterator()
                .next();
    }

    private static Map<String, AttributeValue> start(
            SwipeQuery query,
            PageRequest page,
            List<String> cursorKeys,
            String partitionName,
            String partition,
            String low,
            String high) {
        if (page.cursor() == null) {
            return null;
        }
        var start = Cursors.decode(page.cursor(), Set.copyOf(cursorKeys));
        if (!partition.equals(start.get(partitionName).s())) {
            throw Cursors.invalid();
        }
        requireInRange(start, low, high);
        return start;
    }

    /** A cursor of another range would skip or repeat rows silently; it is refused instead. */
    private static void requireInRange(Map<String, AttributeValue> start, String low, String high) {
        var sortKey = start.get("occurredAtEventId").s();
        if (sortKey.compareTo(low) < 0 || sortKey.compareTo(high) > 0) {
            throw Cursors.invalid();
        }
    }

    private static LocalDate cursorDay(String buildingId, String buildingDay, LocalDate first, LocalDate last) {
        var prefix = buildingId + "#";
        if (!buildingDay.startsWith(prefix)) {
            throw Cursors.invalid();
        }
        LocalDate day;
        try {
            day = LocalDate.parse(buildingDay.substring(prefix.length()));
        } catch (java.time.format.DateTimeParseException e) {
            throw Cursors.invalid();
        }
        if (day.isBefore(first) || day.isAfter(last)) {
            throw Cursors.invalid();
        }
        return day;
    }
}
