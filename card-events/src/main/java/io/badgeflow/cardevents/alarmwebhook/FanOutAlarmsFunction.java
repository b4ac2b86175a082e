package io.badgeflow.cardevents.alarmwebhook;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.badgeflow.cardevents.delivery.DeliveryFailureRecorder;
import io.badgeflow.cardevents.delivery.MessageRetries;
import io.badgeflow.model.webhook.WebhookDelivery;
import io.badgeflow.model.webhook.WebhookSubscriptions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The alarm fan-out Lambda: each alarm from the alarms topic (raw delivery: the body is the alarm as published,
 * {@code alarmId} an SQS message attribute) becomes one {@link WebhookDelivery} per webhook subscription on the
 * deliveries queue, so each receiver is retried on its own. A message whose fan-out fails is retried whole; the
 * deliveries it sent already are sent again with the same delivery ids, which receivers drop.
 */
@Component("fanOutAlarms")
class FanOutAlarmsFunction implements Function<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(FanOutAlarmsFunction.class);

    private final WebhookSubscriptions subscriptions;
    private final DeliveryQueue queue;
    private final DeliveryFailureRecorder failures;
    private final MessageRetries retries;

    FanOutAlarmsFunction(
            @Lazy WebhookSubscriptions subscriptions,
            DeliveryQueue queue,
            DeliveryFailureRecorder failures,
            MessageRetries retries) {
        this.subscriptions = subscriptions;
        this.queue = queue;
        this.failures = failures;
        this.retries = retries;
    }

    @Override
    public SQSBatchResponse apply(SQSEvent event) {
        var failed = new ArrayList<SQSBatchResponse.BatchItemFailure>();
        List<String> targets = null;
        for (var message : event.getRecords()) {
            try {
                if (targets == null) {
                    // Once per batch: a subscription added meanwhile gets the alarms of the next batch.
                    targets = subscriptions.list().stream()
                            .map(s -> s.subscriptionId())
                            .toList();
                }
                send(targets, message);
            } catch (RuntimeException e) {
                LOG.warn("alarm message {} not fanned out, retried: {}", message.getMessageId(), e.toString());
                failures.record(message, e);
                retries.retryLater(message);
                failed.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failed);
    }

    private void send(List<String> targets, SQSEvent.SQSMessage message) {
        var attribute = message.getMessageAttributes() == null
                ? null
                : message.getMessageAttributes().get("alarmId");
        var alarmId = attribute == null ? null : attribute.getStringValue();
        queue.send(targets.stream()
                .map(subscriptionId -> WebhookDelivery.of(subscriptionId, alarmId, message.getBody()))
                .toList());
        LOG.info("alarm {} fanned out to {} webhook subscriptions", alarmId, targets.size());
    }
}
