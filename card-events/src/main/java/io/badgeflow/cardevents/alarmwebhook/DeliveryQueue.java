package io.badgeflow.cardevents.alarmwebhook;

import io.badgeflow.model.webhook.WebhookDelivery;
import java.util.List;

/** Port: the queue of webhook deliveries, one message per alarm and subscription. */
public interface DeliveryQueue {

    /** Sends every delivery, or throws: a partial send is made good by sending all of them again. */
    void send(List<WebhookDelivery> deliveries);
}
