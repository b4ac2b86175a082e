package io.badgeflow.model.webhook;

import io.badgeflow.model.Require;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

/**
 * One alarm to be sent to one webhook subscription: the message the fan-out function puts on the deliveries queue,
 * one per subscription, so a receiver that fails is retried on its own and holds back no other. {@code body} is the
 * alarm as published to the alarms topic, sent unchanged. {@code deliveryId} is derived from the subscription and
 * the alarm ({@code alarmId}, or the body's SHA-256 for a message without one, such as a CloudWatch alarm), so every
 * redelivery, retry or redrive of it carries the same {@code Badgeflow-Delivery-Id} for the receiver to drop.
 */
public record WebhookDelivery(String deliveryId, String subscriptionId, String alarmKey, String body) {

    /** An SNS message is at most 256 KiB; an alarm is far smaller. */
    public static final int MAX_BODY = 256 * 1024;

    public WebhookDelivery {
        deliveryId = Require.id("deliveryId", deliveryId);
        subscriptionId = Require.id("subscriptionId", subscriptionId);
        alarmKey = Require.id("alarmKey", alarmKey);
        Objects.requireNonNull(body, "body");
        if (body.length() > MAX_BODY) {
            throw new IllegalArgumentException("body must be at most 256 KiB");
        }
    }

    public static WebhookDelivery of(String subscriptionId, String alarmId, String body) {
        var key = alarmId == null || alarmId.isBlank() ? "sha256-" + sha256(body) : alarmId;
        var id = UUID.nameUUIDFromBytes(("webhook#" + subscriptionId + "#" + key).getBytes(StandardCharsets.UTF_8))
                .toString();
        return new WebhookDelivery(id, subscriptionId, key, body);
    }

    private static String sha256(String body) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
