package io.badgeflow.aws.webhook;

import io.badgeflow.model.webhook.WebhookSecrets;
import io.badgeflow.model.webhook.WebhookSubscription;
import io.badgeflow.model.webhook.WebhookSubscriptions;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The webhooks table. A scan lists them: there are at most {@link #MAX_SUBSCRIPTIONS}, and the fan-out reads the
 * list once per batch of alarms. Secrets go through the {@link WebhookSecretCipher} both ways.
 */
public final class DynamoDbWebhookSubscriptions implements WebhookSubscriptions {

    private final DynamoDbTable<WebhookSubscriptionItem> table;
    private final WebhookSecretCipher cipher;

    public DynamoDbWebhookSubscriptions(DynamoDbEnhancedClient enhanced, String tableName, WebhookSecretCipher cipher) {
        this.table = enhanced.table(tableName, WebhookSubscriptionItem.SCHEMA);
        this.cipher = cipher;
    }

    @Override
    public void create(WebhookSubscription subscription, String secret) {
        var item = new WebhookSubscriptionItem();
        item.setSubscriptionId(subscription.subscriptionId());
        item.setUrl(subscription.url());
        item.setCreatedBy(subscription.createdBy());
        item.setCreatedAt(subscription.createdAt());
        item.setSecret(SdkBytes.fromByteArray(cipher.encrypt(subscription.subscriptionId(), secret)));
        table.putItem(r -> r.item(item)
                .conditionExpression(Expression.builder()
                        .expression("attribute_not_exists(subscriptionId)")
                        .build()));
    }

    @Override
    public List<WebhookSubscription> list() {
        return table.scan(r -> r.consistentRead(true)).items().stream()
                .map(WebhookSubscriptionItem::toSubscription)
                .sorted(Comparator.comparing(WebhookSubscription::createdAt))
                .toList();
    }

    @Override
    public Optional<WebhookSubscription> find(String subscriptionId) {
        return Optional.ofNullable(item(subscriptionId)).map(WebhookSubscriptionItem::toSubscription);
    }

    @Override
    public Optional<WebhookSecrets> secrets(String subscriptionId) {
        return Optional.ofNullable(item(subscriptionId))
                .map(item -> new WebhookSecrets(
                        cipher.decrypt(subscriptionId, item.getSecret().asByteArray()),
                        item.getPreviousSecret() == null
                                ? null
                                : cipher.decrypt(
                                        subscriptionId, item.getPreviousSecret().asByteArray()),
                        item.getPreviousSecret() == null ? null : item.getPreviousUntil()));
    }

    @Override
    public boolean rotate(String subscriptionId, String next, Instant at) {
        var item = item(subscriptionId);
        if (item == null) {
            return false;
        }
        var before = item.getSecret();
        item.setPreviousSecret(before);
        item.setPreviousUntil(at.plus(WebhookSecrets.GRACE));
        item.setSecret(SdkBytes.fromByteArray(cipher.encrypt(subscriptionId, next)));
        item.setSecretRotatedAt(at);
        try {
            // Only over the secret it read: two rotations at once cannot both keep "their" previous secret.
            table.putItem(r -> r.item(item)
                    .conditionExpression(Expression.builder()
                            .expression("#secret = :before")
                            .putExpressionName("#secret", "secret")
                            .putExpressionValue(":before", AttributeValue.fromB(before))
                            .build()));
            return true;
        } catch (ConditionalCheckFailedException raced) {
            throw new IllegalStateException("the secret of " + subscriptionId + " was rotated at the same time", raced);
        }
    }

    @Override
    public boolean remove(String subscriptionId) {
        return table.deleteItem(Key.builder().partitionValue(subscriptionId).build()) != null;
    }

    private WebhookSubscriptionItem item(String subscriptionId) {
        return table.getItem(
                r -> r.key(Key.builder().partitionValue(subscriptionId).build()).consistentRead(true));
    }
}
