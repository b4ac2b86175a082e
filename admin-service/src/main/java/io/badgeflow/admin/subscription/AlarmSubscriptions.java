package io.badgeflow.admin.subscription;

import io.badgeflow.admin.subscription.AlarmSubscriptionController.RotatedSecretView;
import io.badgeflow.admin.subscription.AlarmSubscriptionController.SubscriptionView;
import io.badgeflow.admin.web.NotFound;
import io.badgeflow.model.audit.AdminAuditTrail;
import io.badgeflow.model.audit.AuditEntry;
import io.badgeflow.model.command.CommandStatus;
import io.badgeflow.model.webhook.SubscriptionTarget;
import io.badgeflow.model.webhook.WebhookSecrets;
import io.badgeflow.model.webhook.WebhookSubscription;
import io.badgeflow.model.webhook.WebhookSubscriptions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The two kinds of alarm subscription behind one list: the topic's own (SNS delivers email and SMS) and the signed
 * webhooks (our table, delivered by card-events). Webhook ids start with {@code webhook-}, so a removal finds its
 * kind by the id. Each change is appended to the admin audit trail with ids only (the endpoint is personal data).
 */
@Component
public class AlarmSubscriptions {

    static final String WEBHOOK_PREFIX = "webhook-";

    private final AlarmTopicSubscriptions topic;
    private final WebhookSubscriptions webhooks;
    private final AdminAuditTrail audit;
    private final Clock clock;

    AlarmSubscriptions(
            AlarmTopicSubscriptions topic, WebhookSubscriptions webhooks, AdminAuditTrail audit, Clock clock) {
        this.topic = topic;
        this.webhooks = webhooks;
        this.audit = audit;
        this.clock = clock;
    }

    List<SubscriptionView> list() {
        var all = new ArrayList<SubscriptionView>();
        for (var subscription : topic.list()) {
            all.add(view(subscription));
        }
        for (var webhook : webhooks.list()) {
            all.add(view(webhook, null));
        }
        return all;
    }

    SubscriptionView create(SubscriptionTarget target, Jwt user) {
        var at = clock.instant();
        SubscriptionView created;
        if (target instanceof SubscriptionTarget.Webhook webhook) {
            if (webhooks.list().size() >= WebhookSubscriptions.MAX_SUBSCRIPTIONS) {
                throw new ResponseStatusException(
                        HttpStatus.CONFLICT,
                        "There are " + WebhookSubscriptions.MAX_SUBSCRIPTIONS
                                + " webhook subscriptions already; remove one first.");
            }
            var subscription = new WebhookSubscription(
                    WEBHOOK_PREFIX + UUID.randomUUID(), webhook.endpoint(), actor(user), at, null);
            var secret = WebhookSecrets.generate();
            webhooks.create(subscription, secret);
            created = view(subscription, secret);
        } else {
            created = view(topic.subscribe(target.protocol().name().toLowerCase(Locale.ROOT), target.endpoint()));
        }
        if (created.id() != null) {
            record("alarm-subscription:" + created.id() + ":created", "SubscribeToAlarms", user, created.id(), at);
        }
        return created;
    }

    Optional<RotatedSecretView> rotate(String id, Jwt user) {
        if (!id.startsWith(WEBHOOK_PREFIX)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Only webhook subscriptions have a secret.");
        }
        var at = clock.instant();
        var secret = WebhookSecrets.generate();
        try {
            if (!webhooks.rotate(id, secret, at)) {
                return Optional.empty();
            }
        } catch (IllegalStateException raced) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "The secret was rotated at the same moment.");
        }
        record("alarm-subscription:" + id + ":rotated:" + at.toEpochMilli(), "RotateWebhookSecret", user, id, at);
        return Optional.of(new RotatedSecretView(id, secret, at.plus(WebhookSecrets.GRACE)));
    }

    void remove(String id, Jwt user) {
        var at = clock.instant();
        if (id.startsWith(WEBHOOK_PREFIX)) {
            if (!webhooks.remove(id)) {
                throw NotFound.of("alarm subscription", id);
            }
        } else {
            var subscription = topic.find(id).orElseThrow(() -> NotFound.of("alarm subscription", id));
            if ("sqs".equals(subscription.protocol())) {
                throw new ResponseStatusException(
                        HttpStatus.CONFLICT, "This subscription feeds the webhook deliveries; the template owns it.");
            }
            topic.unsubscribe(id);
        }
        record("alarm-subscription:" + id + ":removed", "UnsubscribeFromAlarms", user, id, at);
    }

    private void record(String blockId, String action, Jwt user, String subjectId, Instant at) {
        audit.append(
                blockId,
                List.of(new AuditEntry(
                        blockId, action, user.getSubject(), CommandStatus.APPLIED, null, subjectId, at)));
    }

    private static String actor(Jwt user) {
        var username = user.getClaimAsString("username");
        return username == null || username.isBlank() ? user.getSubject() : username;
    }

    private static SubscriptionView view(TopicSubscription subscription) {
        var protocol = subscription.protocol() == null
                ? "UNKNOWN"
                : subscription.protocol().toUpperCase(Locale.ROOT);
        return new SubscriptionView(
                subscription.id(),
                protocol,
                subscription.endpoint(),
                subscription.confirmed() ? "CONFIRMED" : "PENDING_CONFIRMATION",
                subscription.id() != null && !"SQS".equals(protocol),
                null,
                null,
                null,
                null);
    }

    private static SubscriptionView view(WebhookSubscription webhook, String secret) {
        return new SubscriptionView(
                webhook.subscriptionId(),
                "WEBHOOK",
                webhook.url(),
                "ACTIVE",
                true,
                webhook.createdBy(),
                webhook.createdAt(),
                webhook.secretRotatedAt(),
                secret);
    }
}
