package io.badgeflow.cardevents.alarmwebhook;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.badgeflow.cardevents.delivery.DeliveryFailureRecorder;
import io.badgeflow.cardevents.delivery.MessageRetries;
import io.badgeflow.model.webhook.WebhookBackoff;
import io.badgeflow.model.webhook.WebhookSubscriptions;
import java.util.ArrayList;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;

/**
 * The webhook delivery Lambda: POSTs each delivery to its subscription's URL (WebhookPoster). A failed delivery is
 * reported as a batch item failure with its reason recorded, and made visible again after the backoff for its
 * attempt (SQS's receive count), so the queue's maxReceiveCount dead-letters it after the last attempt; the
 * dead-letters page shows the reason and redrives it. A delivery for a removed subscription is dropped, as is an
 * unreadable message (nothing could ever send it).
 */
@Component("deliverAlarmWebhook")
class DeliverAlarmWebhookFunction implements Function<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(DeliverAlarmWebhookFunction.class);

    private final WebhookSubscriptions subscriptions;
    private final WebhookPoster poster;
    private final WebhookBackoff backoff;
    private final DeliveryFailureRecorder failures;
    private final MessageRetries retries;

    DeliverAlarmWebhookFunction(
            @Lazy WebhookSubscriptions subscriptions,
            WebhookPoster poster,
            WebhookBackoff backoff,
            DeliveryFailureRecorder failures,
            MessageRetries retries) {
        this.subscriptions = subscriptions;
        this.poster = poster;
        this.backoff = backoff;
        this.failures = failures;
        this.retries = retries;
    }

    @Override
    public SQSBatchResponse apply(SQSEvent event) {
        var failed = new ArrayList<SQSBatchResponse.BatchItemFailure>();
        for (var message : event.getRecords()) {
            var attempt = attempt(message);
            try {
                deliver(message, attempt);
            } catch (RuntimeException e) {
                var delay = backoff.delayAfter(attempt);
                LOG.warn(
                        "webhook delivery message {} attempt {} failed{}: {}",
                        message.getMessageId(),
                        attempt,
                        backoff.lastAttempt(attempt) ? " (last attempt: dead-lettered)" : ", next in " + delay,
                        e.getMessage());
                failures.record(message, e);
                retries.retryAfter(message, delay);
                failed.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failed);
    }

    private void deliver(SQSEvent.SQSMessage message, int attempt) {
        io.badgeflow.model.webhook.WebhookDelivery delivery;
        try {
            delivery = DeliveryMessages.read(message.getBody());
        } catch (JacksonException | IllegalArgumentException unreadable) {
            LOG.error("dropping unreadable webhook delivery {}: {}", message.getMessageId(), unreadable.toString());
            return;
        }
        var subscription = subscriptions.find(delivery.subscriptionId());
        var secrets = subscriptions.secrets(delivery.subscriptionId());
        if (subscription.isEmpty() || secrets.isEmpty()) {
            LOG.info(
                    "dropping delivery {}: subscription {} was removed",
                    delivery.deliveryId(),
                    delivery.subscriptionId());
            return;
        }
        poster.post(subscription.get().url(), delivery, secrets.get(), attempt);
        LOG.info(
                "delivered {} (alarm {}) to subscription {} on attempt {}",
                delivery.deliveryId(),
                delivery.alarmKey(),
                delivery.subscriptionId(),
                attempt);
    }

    private static int attempt(SQSEvent.SQSMessage message) {
        var count =
                message.getAttributes() == null ? null : message.getAttributes().get("ApproximateReceiveCount");
        try {
            return count == null ? 1 : Math.max(1, Integer.parseInt(count));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
