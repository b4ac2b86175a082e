package io.badgeflow.admin.subscription;

import io.badgeflow.admin.security.Roles;
import io.badgeflow.admin.web.NotFound;
import io.badgeflow.model.Require;
import io.badgeflow.model.webhook.SubscriptionTarget;
import io.badgeflow.model.webhook.SubscriptionTarget.Protocol;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who the alarms reach (docs/back-office-api.md, "Alarm subscriptions"): email and SMS subscriptions of the alarms
 * topic, and signed webhooks, whose secret is shown once, in the answer that creates or rotates it. Admins manage
 * them; operators and auditors read the list. Every change is in the admin audit trail.
 */
@RestController
@RequestMapping("/api/v1/alarm-subscriptions")
class AlarmSubscriptionController {

    private final AlarmSubscriptions subscriptions;
    private final boolean allowLoopbackHttp;

    AlarmSubscriptionController(AlarmSubscriptions subscriptions, AlarmWebhookSettings settings) {
        this.subscriptions = subscriptions;
        this.allowLoopbackHttp = settings.allowLoopbackHttp();
    }

    @GetMapping
    @PreAuthorize(Roles.ANY_STAFF)
    SubscriptionsView list() {
        return new SubscriptionsView(subscriptions.list());
    }

    @PostMapping
    @PreAuthorize(Roles.ADMIN)
    ResponseEntity<SubscriptionView> create(
            @Valid @RequestBody CreateSubscriptionRequest request, @AuthenticationPrincipal Jwt user) {
        var target = SubscriptionTarget.of("endpoint", request.protocol(), request.endpoint(), allowLoopbackHttp);
        var created = subscriptions.create(target, user);
        return ResponseEntity.created(URI.create("/api/v1/alarm-subscriptions/" + created.id()))
                .body(created);
    }

    @PostMapping("/{id}/rotate-secret")
    @PreAuthorize(Roles.ADMIN)
    RotatedSecretView rotate(@PathVariable String id, @AuthenticationPrincipal Jwt user) {
        return subscriptions
                .rotate(Require.id("id", id), user)
                .orElseThrow(() -> NotFound.of("webhook subscription", id));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize(Roles.ADMIN)
    ResponseEntity<Void> remove(@PathVariable String id, @AuthenticationPrincipal Jwt user) {
        subscriptions.remove(Require.id("id", id), user);
        return ResponseEntity.noContent().build();
    }

    /** The body of a new subscription: {@code endpoint} is an email address, an E.164 phone or an https URL. */
    record CreateSubscriptionRequest(
            @NotNull Protocol protocol,
            @NotNull @Size(max = 2048) String endpoint) {}

    /** The body of {@code GET /api/v1/alarm-subscriptions}. */
    record SubscriptionsView(List<SubscriptionView> subscriptions) {}

    /**
     * One subscription. {@code protocol}: {@code EMAIL}, {@code SMS}, {@code WEBHOOK} (signed by Badgeflow), or SNS's
     * own for what the template made ({@code HTTPS}, {@code SQS}). {@code status}: {@code CONFIRMED},
     * {@code PENDING_CONFIRMATION} or {@code ACTIVE} (webhooks). {@code removable} is false for the queue that feeds
     * the webhook deliveries and for a pending subscription (SNS gives it no id). {@code secret}: only in the answer
     * that creates a webhook.
     */
    record SubscriptionView(
            String id,
            String protocol,
            String endpoint,
            String status,
            boolean removable,
            String createdBy,
            Instant createdAt,
            Instant secretRotatedAt,
            String secret) {}

    /** A webhook's new secret, shown once; the previous one keeps signing until {@code previousSecretValidUntil}. */
    record RotatedSecretView(String id, String secret, Instant previousSecretValidUntil) {}
}
