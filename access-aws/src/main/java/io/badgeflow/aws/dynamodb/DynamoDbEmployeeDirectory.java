package io.badgeflow.aws.dynamodb;

import io.badgeflow.model.employee.Employee;
import io.badgeflow.model.employee.EmployeeDirectory;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** The employees table. Registration is a conditional put, so two writers racing on one id store one. */
public final class DynamoDbEmployeeDirectory implements EmployeeDirectory {

    private static final TableSchema<EmployeeItem> SCHEMA = TableSchema.fromBean(EmployeeItem.class);
    private static final Expression ID_IS_FREE = Expression.builder()
            .expression("attribute_not_exists(employeeId)").build();

    private final DynamoDbTable<EmployeeItem> table;

    public DynamoDbEmployeeDirectory(DynamoDbEnhancedClient client, String tableName) {
        this.table = client.table(tableName, SCHEMA);
    }

    @Override
    public Optional<Employee> find(String employeeId) {
        return Optional.ofNullable(table.getItem(r -> r.key(Key.builder().partitionValue(employeeId).build())
                .consistentRead(true))).map(EmployeeItem::toEmployee);
    }

    @Override
    public boolean registerIfAbsent(Employee employee) {
        try {
            table.putItem(PutItemEnhancedRequest.builder(EmployeeItem.class)
                    .item(EmployeeItem.from(employee))
                    .conditionExpression(ID_IS_FREE)
                    .build());
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }
}
