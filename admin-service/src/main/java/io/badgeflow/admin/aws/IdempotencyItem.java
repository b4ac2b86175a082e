package io.badgeflow.admin.aws;

import io.badgeflow.admin.idempotency.IdempotentRequest;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/**
 * One claimed {@code Idempotency-Key} in the idempotency table. Public and mutable only because the Enhanced
 * Client maps beans; {@code expiresAt} (epoch seconds) is the table's TTL attribute.
 */
@DynamoDbBean
public class IdempotencyItem {

    private String id;
    private String fingerprint;
    private String commandId;
    private String answer;
    private Long expiresAt;

    static IdempotencyItem of(IdempotentRequest request, Instant expiresAt) {
        var item = new IdempotencyItem();
        item.id = request.id();
        item.fingerprint = request.fingerprint();
        item.commandId = request.commandId();
        item.answer = request.answer();
        item.expiresAt = expiresAt.getEpochSecond();
        return item;
    }

    IdempotentRequest toRequest() {
        return new IdempotentRequest(id, fingerprint, commandId, answer);
    }

    @DynamoDbPartitionKey
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getFingerprint() {
        return fingerprint;
    }

    public void setFingerprint(String fingerprint) {
        this.fingerprint = fingerprint;
    }

    public String getCommandId() {
        return commandId;
    }

    public void setCommandId(String commandId) {
        this.commandId = commandId;
    }

    public String getAnswer() {
        return answer;
    }

    public void setAnswer(String answer) {
        this.answer = answer;
    }

    public Long getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Long expiresAt) {
        this.expiresAt = expiresAt;
    }
}
