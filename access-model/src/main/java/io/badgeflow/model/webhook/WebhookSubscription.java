package io.badgeflow.model.webhook;

import io.badgeflow.model.Require;
import java.time.Instant;

/**
 * A signed-webhook subscription to the alarms: where to POST, who created it and when, and when its secret was last
 * rotated. The secrets themselves are not part of it: they are read, decrypted, only by the delivery.
 */
public record WebhookSubscription(
        String subscriptionId, String url, String createdBy, Instant createdAt, Instant secretRotatedAt) {

    public WebhookSubscription {
        subscriptionId = Require.id("subscriptionId", subscriptionId);
        url = Require.text("url", url, SubscriptionTarget.MAX_URL);
        createdBy = Require.text("createdBy", createdBy, 200);
        createdAt = Require.present("createdAt", createdAt);
    }
}
