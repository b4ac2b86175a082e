package io.badgeflow.model.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: the signed-webhook subscriptions and their (encrypted at rest) secrets. */
public interface WebhookSubscriptions {

    /** At most this many webhooks: each alarm fans out into one delivery per subscription. */
    int MAX_SUBSCRIPTIONS = 50;

    /**
     * Stores a new subscription with its first secret. The same URL may be subscribed twice (each gets its own
     * secret and its own deliveries), as a receiver moving to a new secret store might want.
     */
    void create(WebhookSubscription subscription, String secret);

    /** Every subscription, oldest first. */
    List<WebhookSubscription> list();

    Optional<WebhookSubscription> find(String subscriptionId);

    /** The secrets a delivery signs with, decrypted; empty when the subscription is gone. */
    Optional<WebhookSecrets> secrets(String subscriptionId);

    /** Replaces the secret; the old one keeps signing for {@link WebhookSecrets#GRACE}. False if not there. */
    boolean rotate(String subscriptionId, String next, Instant at);

    /** False if it was not there. */
    boolean remove(String subscriptionId);
}
