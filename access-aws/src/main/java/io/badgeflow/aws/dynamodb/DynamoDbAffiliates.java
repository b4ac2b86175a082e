package io.badgeflow.aws.dynamodb;

import io.badgeflow.model.employee.Affiliates;
import io.badgeflow.model.employee.Affiliation;
import io.badgeflow.model.employee.Employee;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;

/**
 * Visitors and contractors from the sparse {@code byAffiliation} index of the employees table: one partition per
 * kind, sorted by last day, so "not ended by today" reads only the people of the coming days and never the ones
 * whose visits are long over (eventually consistent, like every listing).
 */
public final class DynamoDbAffiliates implements Affiliates {

    private final DynamoDbIndex<EmployeeItem> byAffiliation;

    public DynamoDbAffiliates(DynamoDbEnhancedClient enhanced, BackOfficeTables tables) {
        this.byAffiliation = new BackOfficeRows(enhanced, tables).employees.index(EmployeeItem.BY_AFFILIATION);
    }

    @Override
    public List<Employee> notEndedBy(Affiliation.Kind kind, LocalDate date) {
        if (kind == Affiliation.Kind.EMPLOYEE) {
            throw new IllegalArgumentException("employees are not listed by affiliation");
        }
        var request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortGreaterThanOrEqualTo(
                        k -> k.partitionValue(kind.name()).sortValue(date.toString())))
                .limit(Math.min(MAX_LISTED, 100))
                .build();
        var found = new ArrayList<Employee>();
        for (var page : byAffiliation.query(request)) {
            for (var item : page.items()) {
                found.add(item.toEmployee());
                if (found.size() == MAX_LISTED) {
                    return found;
                }
            }
        }
        return found;
    }
}
