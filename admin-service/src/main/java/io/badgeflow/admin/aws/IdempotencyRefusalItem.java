package io.badgeflow.admin.aws;

import io.badgeflow.admin.idempotency.IdempotencyRefusal;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/**
 * One refused reuse of an {@code Idempotency-Key}, kept in the idempotency table beside the claims under the key
 * {@code refusal#admin-service#<refusalId>} (claims start with {@code admin-service:}, so no claim can take it).
 * Kept 90 days ({@code expiresAt}, the table's TTL attribute), long after the claim itself expired.
 */
@DynamoDbBean
public class IdempotencyRefusalItem {

    static final TableSchema<IdempotencyRefusalItem> SCHEMA = TableSchema.fromBean(IdempotencyRefusalItem.class);
    static final String KEY_PREFIX = "refusal#admin-service#";
    static final Duration RETENTION = Duration.ofDays(90);

    private String id;
    private String refusalId;
    private String claimId;
    private String actor;
    private String commandId;
    private String heldRequest;
    private String refusedRequest;
    private Instant refusedAt;
    private Long expiresAt;

    static IdempotencyRefusalItem of(IdempotencyRefusal refusal) {
        var item = new IdempotencyRefusalItem();
        item.id = KEY_PREFIX + refusal.refusalId();
        item.refusalId = refusal.refusalId();
        item.claimId = refusal.claimId();
        item.actor = refusal.actor();
        item.commandId = refusal.commandId();
        item.heldRequest = refusal.heldRequest();
        item.refusedRequest = refusal.refusedRequest();
        item.refusedAt = refusal.refusedAt();
        item.expiresAt = refusal.refusedAt().plus(RETENTION).getEpochSecond();
        return item;
    }

    @DynamoDbPartitionKey
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getRefusalId() {
        return refusalId;
    }

    public void setRefusalId(String refusalId) {
        this.refusalId = refusalId;
    }

    public String getClaimId() {
        return claimId;
    }

    public void setClaimId(String claimId) {
        this.claimId = claimId;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getCommandId() {
        return commandId;
    }

    public void setCommandId(String commandId) {
        this.commandId = commandId;
    }

    public String getHeldRequest() {
        return heldRequest;
    }

    public void setHeldRequest(String heldRequest) {
        this.heldRequest = heldRequest;
    }

    public String getRefusedRequest() {
        return refusedRequest;
    }

    public void setRefusedRequest(String refusedRequest) {
        this.refusedRequest = refusedRequest;
    }

    public Instant getRefusedAt() {
        return refusedAt;
    }

    public void setRefusedAt(Instant refusedAt) {
        this.refusedAt = refusedAt;
    }

    public Long getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Long expiresAt) {
        this.expiresAt = expiresAt;
    }
}
