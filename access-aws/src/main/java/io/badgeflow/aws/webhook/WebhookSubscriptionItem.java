package io.badgeflow.aws.webhook;

import io.badgeflow.model.webhook.WebhookSubscription;
import java.time.Instant;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/**
 * Row of the webhooks table: one signed-webhook subscription, its secret KMS-encrypted ({@code secret}, binary),
 * and after a rotation the previous one until {@code previousUntil}. The plaintext is never stored.
 */
@DynamoDbBean
public class WebhookSubscriptionItem {

    static final TableSchema<WebhookSubscriptionItem> SCHEMA = TableSchema.fromBean(WebhookSubscriptionItem.class);

    private String subscriptionId;
    private String url;
    private String createdBy;
    private Instant createdAt;
    private Instant secretRotatedAt;
    private SdkBytes secret;
    private SdkBytes previousSecret;
    private Instant previousUntil;

    WebhookSubscription toSubscription() {
        return new WebhookSubscription(subscriptionId, url, createdBy, createdAt, secretRotatedAt);
    }

    @DynamoDbPartitionKey
    public String getSubscriptionId() {
        return subscriptionId;
    }

    public void setSubscriptionId(String subscriptionId) {
        this.subscriptionId = subscriptionId;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public void setCreatedBy(String createdBy) {
        this.createdBy = createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public Instant getSecretRotatedAt() {
        return secretRotatedAt;
    }

    public void setSecretRotatedAt(Instant secretRotatedAt) {
        this.secretRotatedAt = secretRotatedAt;
    }

    public SdkBytes getSecret() {
        return secret;
    }

    public void setSecret(SdkBytes secret) {
        this.secret = secret;
    }

    public SdkBytes getPreviousSecret() {
        return previousSecret;
    }

    public void setPreviousSecret(SdkBytes previousSecret) {
        this.previousSecret = previousSecret;
    }

    public Instant getPreviousUntil() {
        return previousUntil;
    }

    public void setPreviousUntil(Instant previousUntil) {
        this.previousUntil = previousUntil;
    }
}
