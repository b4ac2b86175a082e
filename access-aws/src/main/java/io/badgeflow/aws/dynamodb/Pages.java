package io.badgeflow.aws.dynamodb;

import io.badgeflow.model.paging.Page;
import io.badgeflow.model.paging.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads pages of a Query or Scan. It asks for one item more than the page holds: when that item exists, the
 * cursor is the key of the last item shown, so a page is empty only when the listing is (DynamoDB's own
 * LastEvaluatedKey can point past the last item and yield an empty final page). It keeps reading while
 * DynamoDB stops early (1 MB, a filter), so a page is full whenever more items exist.
 */
final class Pages {

    /** One Query or Scan request from {@code exclusiveStartKey} (null for the start), at most {@code limit} items. */
    @FunctionalInterface
    interface Reader<I> {
        software.amazon.awssdk.enhanced.dynamodb.model.Page<I> read(
                Map<String, AttributeValue> exclusiveStartKey, int limit);
    }

    private Pages() {}

    /** Appends to {@code into} until it holds {@code wanted} items or the listing ends. */
    static <I> void fill(List<I> into, int wanted, Map<String, AttributeValue> start, Reader<I> reader) {
        var next = start;
        while (into.size() < wanted) {
            var page = reader.read(next, wanted - into.size());
            into.addAll(page.items());
            next = page.lastEvaluatedKey();
            if (next == null || next.isEmpty()) {
                return;
            }
        }
    }

    /** One page of {@code request.size()} items; the cursor names {@code keyNames} of the last item shown. */
    static <I, T> Page<T> page(
            PageRequest request,
            Map<String, AttributeValue> start,
            Reader<I> reader,
            TableSchema<I> schema,
            List<String> keyNames,
            Function<I, T> mapper) {
        var items = new ArrayList<I>();
        fill(items, request.size() + 1, start, reader);
        return cut(items, request.size(), schema, keyNames, mapper);
    }

    /** The first {@code size} of {@code items}, with a cursor when there were more. */
    static <I, T> Page<T> cut(
            List<I> items, int size, TableSchema<I> schema, List<String> keyNames, Function<I, T> mapper) {
        if (items.size() <= size) {
            return new Page<>(items.stream().map(mapper).toList(), null);
        }
        var shown = items.subList(0, size);
        var last = schema.itemToMap(shown.getLast(), keyNames);
        return new Page<>(shown.stream().map(mapper).toList(), Cursors.encode(last));
    }
}
