package io.badgeflow.aws.dynamodb;

import io.badgeflow.model.employee.Affiliation;
import io.badgeflow.model.employee.EmployeeStatus;
import io.badgeflow.model.erasure.EndedAffiliations;
import io.badgeflow.model.paging.Page;
import io.badgeflow.model.paging.PageRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Visitors and contractors whose last day lies before a day, from the employees table's sparse {@code byAffiliation}
 * index ({@code affiliationKind = kind}, {@code affiliationUntilKey < day}: the key is {@code <last day>#<id>}, and
 * ISO dates sort as text), soonest ended first. Offboarded and erased people keep their affiliation and so stay in
 * the index; a filter on {@code status} leaves them out, at the cost of reading their keys on every run (the index
 * is eventually consistent, which the offboarding tolerates: its command ids make a second offboarding a no-op).
 */
public final class DynamoDbEndedAffiliations implements EndedAffiliations {

    private static final List<String> CURSOR = List.of("employeeId", "affiliationKind", "affiliationUntilKey");

    private static final Expression STILL_ON = Expression.builder()
            .expression("#status IN (:active, :inactive)")
            .expressionNames(Map.of("#status", "status"))
            .expressionValues(Map.of(
                    ":active", AttributeValue.fromS(EmployeeStatus.ACTIVE.name()),
                    ":inactive", AttributeValue.fromS(EmployeeStatus.INACTIVE.name())))
            .build();

    private final DynamoDbIndex<EmployeeItem> byAffiliation;

    public DynamoDbEndedAffiliations(DynamoDbEnhancedClient enhanced, String employeesTableName) {
        this.byAffiliation =
                enhanced.table(employeesTableName, EmployeeItem.SCHEMA).index(EmployeeItem.BY_AFFILIATION);
    }

    @Override
    public Page<String> endedBefore(Affiliation.Kind kind, LocalDate day, PageRequest page) {
        if (kind == Affiliation.Kind.EMPLOYEE) {
            throw new IllegalArgumentException("employees are not listed by affiliation");
        }
        var start = page.cursor() == null ? null : Cursors.decode(page.cursor(), Set.copyOf(CURSOR));
        if (start != null && !kind.name().equals(start.get("affiliationKind").s())) {
            throw Cursors.invalid();
        }
        var condition =
                QueryConditional.sortLessThan(k -> k.partitionValue(kind.name()).sortValue(day.toString()));
        return Pages.page(
                page,
                start,
                (from, limit) -> byAffiliation
                        .query(r -> r.queryConditional(condition)
                                .filterExpression(STILL_ON)
                                .exclusiveStartKey(from)
                                .limit(limit))
                        .iterator()
                        .next(),
                EmployeeItem.SCHEMA,
                CURSOR,
                EmployeeItem::getEmployeeId);
    }
}
