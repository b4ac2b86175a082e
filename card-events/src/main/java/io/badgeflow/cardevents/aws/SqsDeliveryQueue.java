package io.badgeflow.cardevents.aws;

import io.badgeflow.cardevents.AlarmWebhookStack;
import io.badgeflow.cardevents.alarmwebhook.DeliveryMessages;
import io.badgeflow.cardevents.alarmwebhook.DeliveryQueue;
import io.badgeflow.model.webhook.WebhookDelivery;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** The deliveries queue through SendMessageBatch, ten at a time (the SQS limit). */
@Component
class SqsDeliveryQueue implements DeliveryQueue {

    private final SqsClient sqs;
    private final AlarmWebhookStack stack;

    SqsDeliveryQueue(SqsClient sqs, AlarmWebhookStack stack) {
        this.sqs = sqs;
        this.stack = stack;
    }

    @Override
    public void send(List<WebhookDelivery> deliveries) {
        var queueUrl = stack.require("alarmWebhooksQueueUrl", stack.alarmWebhooksQueueUrl());
        var entries = new ArrayList<SendMessageBatchRequestEntry>();
        for (var delivery : deliveries) {
            entries.add(SendMessageBatchRequestEntry.builder()
                    .id(Integer.toString(entries.size()))
                    .messageBody(DeliveryMessages.write(delivery))
                    .build());
        }
        for (var from = 0; from < entries.size(); from += 10) {
            var chunk = entries.subList(from, Math.min(from + 10, entries.size()));
            var result = sqs.sendMessageBatch(r -> r.queueUrl(queueUrl).entries(chunk));
            if (!result.failed().isEmpty()) {
                throw new IllegalStateException(
                        "the deliveries queue refused " + result.failed().size() + " deliveries: "
                                + result.failed().getFirst().message());
            }
        }
    }
}
