package io.badgeflow.aws.dynamodb;

import io.badgeflow.model.erasure.OffboardedPeople;
import io.badgeflow.model.paging.Page;
import io.badgeflow.model.paging.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/**
 * Offboarded, not yet erased people from the employees table's sparse {@code byOffboarded} index
 * ({@code offboardedKey = OFFBOARDED}, {@code offboardedAt < cutoff}, ascending). Erasure removes both attributes,
 * so an erased person leaves the index; the index is eventually consistent, which the sweep tolerates (its command
 * ids make a second erasure of the same person a no-op).
 */
public final class DynamoDbOffboardedPeople implements OffboardedPeople {

    private static final List<String> CURSOR = List.of("employeeId", "offboardedKey", "offboardedAt");

    private final DynamoDbIndex<EmployeeItem> byOffboarded;

    public DynamoDbOffboardedPeople(DynamoDbEnhancedClient enhanced, String employeesTableName) {
        this.byOffboarded =
                enhanced.table(employeesTableName, EmployeeItem.SCHEMA).index(EmployeeItem.BY_OFFBOARDED);
    }

    @Override
    public Page<String> offboardedBefore(Instant cutoff, PageRequest page) {
        var start = page.cursor() == null ? null : Cursors.decode(page.cursor(), Set.copyOf(CURSOR));
        if (start != null
                && !EmployeeItem.OFFBOARDED_KEY.equals(
                        start.get("offboardedKey").s())) {
            throw Cursors.invalid();
        }
        var condition = QueryConditional.sortLessThan(
                k -> k.partitionValue(EmployeeItem.OFFBOARDED_KEY).sortValue(SortableInstantConverter.format(cutoff)));
        return Pages.page(
                page,
                start,
                (from, limit) -> byOffboarded
                        .query(r -> r.queryConditional(condition)
                                .exclusiveStartKey(from)
                                .limit(limit))
                        .iterator()
                        .next(),
                EmployeeItem.SCHEMA,
                CURSOR,
                EmployeeItem::getEmployeeId);
    }
}
