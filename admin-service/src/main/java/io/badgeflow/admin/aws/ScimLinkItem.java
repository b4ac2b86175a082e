package io.badgeflow.admin.aws;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/**
 * A SCIM link in the idempotency table (admin-service's own small table), beside the key claims: under
 * {@code scim#user#<employeeId>} the employee's {@code externalId} and {@code deleted}; under
 * {@code scim#externalId#<value>} the claim of that value by {@code employeeId}. Claims start with
 * {@code admin-service:} and refusals with {@code refusal#}, so no other item can take these keys. Without
 * {@code expiresAt} the table's TTL never removes them.
 */
@DynamoDbBean
public class ScimLinkItem {

    static final TableSchema<ScimLinkItem> SCHEMA = TableSchema.fromBean(ScimLinkItem.class);
    static final String USER_PREFIX = "scim#user#";
    static final String EXTERNAL_ID_PREFIX = "scim#externalId#";

    private String id;
    private String employeeId;
    private String externalId;
    private Boolean deleted;

    @DynamoDbPartitionKey
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getEmployeeId() {
        return employeeId;
    }

    public void setEmployeeId(String employeeId) {
        this.employeeId = employeeId;
    }

    public String getExternalId() {
        return externalId;
    }

    public void setExternalId(String externalId) {
        this.externalId = externalId;
    }

    public Boolean getDeleted() {
        return deleted;
    }

    public void setDeleted(Boolean deleted) {
        this.deleted = deleted;
    }
}
