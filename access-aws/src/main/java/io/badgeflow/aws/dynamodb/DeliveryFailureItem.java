package io.badgeflow.aws.dynamodb;

import io.badgeflow.aws.delivery.DeliveryFailure;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbAtomicCounter;
import software.amazon.awssdk.enhanced.dynamodb.mapper.UpdateBehavior;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbUpdateBehavior;

/**
 * Row of the delivery-failures table: one message body that failed on one queue. {@code attempts} is an atomic
 * counter (the first update writes 1), {@code firstFailedAt} is only written by the first update, and
 * {@code expiresAt} is the table's TTL attribute.
 */
@DynamoDbBean
public class DeliveryFailureItem {

    private String failureKey;
    private String queue;
    private String messageId;
    private String reason;
    private Long attempts;
    private Instant firstFailedAt;
    private Instant lastFailedAt;
    private Long expiresAt;

    DeliveryFailure toFailure() {
        return new DeliveryFailure(
                queue, messageId, reason, attempts == null ? 0 : attempts, firstFailedAt, lastFailedAt);
    }

    @DynamoDbPartitionKey
    public String getFailureKey() {
        return failureKey;
    }

    public void setFailureKey(String failureKey) {
        this.failureKey = failureKey;
    }

    public String getQueue() {
        return queue;
    }

    public void setQueue(String queue) {
        this.queue = queue;
    }

    public String getMessageId() {
        return messageId;
    }

    public void setMessageId(String messageId) {
        this.messageId = messageId;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    @DynamoDbAtomicCounter(startValue = 1)
    public Long getAttempts() {
        return attempts;
    }

    public void setAttempts(Long attempts) {
        this.attempts = attempts;
    }

    @DynamoDbUpdateBehavior(UpdateBehavior.WRITE_IF_NOT_EXISTS)
    public Instant getFirstFailedAt() {
        return firstFailedAt;
    }

    public void setFirstFailedAt(Instant firstFailedAt) {
        this.firstFailedAt = firstFailedAt;
    }

    public Instant getLastFailedAt() {
        return lastFailedAt;
    }

    public void setLastFailedAt(Instant lastFailedAt) {
        this.lastFailedAt = lastFailedAt;
    }

    public Long getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Long expiresAt) {
        this.expiresAt = expiresAt;
    }
}
