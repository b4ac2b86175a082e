package io.badgeflow.cardevents.aws;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.badgeflow.cardevents.CardEventsProperties;
import io.badgeflow.cardevents.delivery.MessageRetries;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Sets a failed message's visibility to the retry delay (ChangeMessageVisibility on its receipt handle), so
 * SQS hands it back that soon and counts the receive towards the queue's {@code maxReceiveCount}. The queue
 * URL is looked up once per queue from the record's {@code eventSourceARN}.
 */
@Component
class SqsMessageRetries implements MessageRetries {

    private static final Logger LOG = LoggerFactory.getLogger(SqsMessageRetries.class);

    private final SqsClient sqs;
    private final int delaySeconds;
    private final Map<String, String> queueUrls = new ConcurrentHashMap<>();

    SqsMessageRetries(SqsClient sqs, CardEventsProperties properties) {
        this.sqs = sqs;
        this.delaySeconds = (int) Math.min(
                properties.retryDelay().toSeconds(), Duration.ofHours(12).toSeconds());
    }

    @Override
    public void retryLater(SQSEvent.SQSMessage message) {
        changeVisibility(message, delaySeconds);
    }

    @Override
    public void retryAfter(SQSEvent.SQSMessage message, Duration delay) {
        changeVisibility(message, (int)
                Math.min(Math.max(delay.toSeconds(), 0), Duration.ofHours(12).toSeconds()));
    }

    private void changeVisibility(SQSEvent.SQSMessage message, int seconds) {
        try {
            var queueUrl = queueUrls.computeIfAbsent(message.getEventSourceArn(), this::queueUrl);
            // SqsClient: SqsTemplate has no ChangeMessageVisibility (and this message came from Lambda's event).
            sqs.changeMessageVisibility(r -> r.queueUrl(queueUrl)
                    .receiptHandle(message.getReceiptHandle())
                    .visibilityTimeout(seconds));
        } catch (SdkException | IllegalArgumentException e) {
            // The message still comes back, after the queue's own visibility timeout.
            LOG.warn("could not shorten the retry of message {}: {}", message.getMessageId(), e.toString());
        }
    }

    private String queueUrl(String queueArn) {
        var arn = Arn.fromString(queueArn);
        // SqsTemplate resolves queue URLs only inside its own sends and receives.
        return sqs.getQueueUrl(r -> r.queueName(arn.resourceAsString())
                        .queueOwnerAWSAccountId(arn.accountId().orElse(null)))
                .queueUrl();
    }
}
