package io.badgeflow.admin.aws;

import io.badgeflow.admin.AdminServiceStack;
import io.badgeflow.admin.scim.ScimLinks;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.DeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * SCIM links in the idempotency table ({@link ScimLinkItem}). An {@code externalId} is claimed with a conditional
 * put before the employee's link names it, and the old claim is released after, so two employees never hold one
 * value; a crash in between leaves at most a claim its own employee still owns (taken again by the next link).
 */
@Component
class DynamoDbScimLinks implements ScimLinks {

    private final DynamoDbTable<ScimLinkItem> table;

    DynamoDbScimLinks(DynamoDbEnhancedClient client, AdminServiceStack stack) {
        this.table = client.table(stack.idempotencyTableName(), ScimLinkItem.SCHEMA);
    }

    @Override
    public Optional<ScimLink> of(String employeeId) {
        return Optional.ofNullable(read(ScimLinkItem.USER_PREFIX + employeeId))
                .map(item -> new ScimLink(employeeId, item.getExternalId(), Boolean.TRUE.equals(item.getDeleted())));
    }

    @Override
    public Optional<String> employeeWithExternalId(String externalId) {
        return Optional.ofNullable(read(ScimLinkItem.EXTERNAL_ID_PREFIX + externalId))
                .map(ScimLinkItem::getEmployeeId);
    }

    @Override
    public boolean link(String employeeId, String externalId) {
        var current = of(employeeId);
        var previous = current.map(ScimLink::externalId).orElse(null);
        if (externalId != null && !externalId.equals(previous)) {
            var claim = new ScimLinkItem();
            claim.setId(ScimLinkItem.EXTERNAL_ID_PREFIX + externalId);
            claim.setEmployeeId(employeeId);
            try {
                table.putItem(PutItemEnhancedRequest.builder(ScimLinkItem.class)
                        .item(claim)
                        .conditionExpression(ownedBy(employeeId, "attribute_not_exists(id) OR "))
                        .build());
            } catch (ConditionalCheckFailedException heldByAnother) {
                return false;
            }
        }
        var link = new ScimLinkItem();
        link.setId(ScimLinkItem.USER_PREFIX + employeeId);
        link.setEmployeeId(employeeId);
        link.setExternalId(externalId);
        link.setDeleted(current.map(ScimLink::deleted).orElse(false));
        table.putItem(link);
        if (previous != null && !Objects.equals(previous, externalId)) {
            release(employeeId, previous);
        }
        return true;
    }

    @Override
    public void markDeleted(String employeeId) {
        var link = new ScimLinkItem();
        link.setId(ScimLinkItem.USER_PREFIX + employeeId);
        link.setEmployeeId(employeeId);
        link.setExternalId(of(employeeId).map(ScimLink::externalId).orElse(null));
        link.setDeleted(true);
        table.putItem(link);
    }

    private void release(String employeeId, String externalId) {
        try {
            table.deleteItem(DeleteItemEnhancedRequest.builder()
                    .key(key(ScimLinkItem.EXTERNAL_ID_PREFIX + externalId))
                    .conditionExpression(ownedBy(employeeId, ""))
                    .build());
        } catch (ConditionalCheckFailedException notOurs) {
            // Taken by another employee since, or gone: nothing of ours to release.
        }
    }

    private ScimLinkItem read(String id) {
        return table.getItem(r -> r.key(key(id)).consistentRead(true));
    }

    private static Expression ownedBy(String employeeId, String alternative) {
        return Expression.builder()
                .expression(alternative + "employeeId = :employeeId")
                .expressionValues(Map.of(":employeeId", AttributeValue.fromS(employeeId)))
                .build();
    }

    private static Key key(String id) {
        return Key.builder().partitionValue(id).build();
    }
}
