package io.badgeflow.cardevents.alarmwebhook;

import io.badgeflow.model.webhook.WebhookDelivery;
import tools.jackson.databind.json.JsonMapper;

/** The JSON of a {@link WebhookDelivery} on the deliveries queue (docs/alarm-webhooks.md). */
public final class DeliveryMessages {

    private static final JsonMapper JSON = JsonMapper.shared();

    private DeliveryMessages() {}

    public static String write(WebhookDelivery delivery) {
        return JSON.writeValueAsString(delivery);
    }

    public static WebhookDelivery read(String body) {
        return JSON.readValue(body, WebhookDelivery.class);
    }
}
