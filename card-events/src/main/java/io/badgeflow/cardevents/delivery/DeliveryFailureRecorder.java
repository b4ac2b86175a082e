package io.badgeflow.cardevents.delivery;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.badgeflow.aws.delivery.DeliveryFailure;
import io.badgeflow.aws.delivery.DeliveryFailureKey;
import io.badgeflow.aws.delivery.DeliveryFailures;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the reason of a message a function reports as failed, so that when SQS parks the message in the DLQ
 * the operator can read why (the DLQ keeps only the body). For every function bean that reports batch item
 * failures. Recording is best effort: it never throws, because the message is retried whether or not its
 * reason could be written, and a failure to record must not turn into a failure of the batch.
 */
@Component
public class DeliveryFailureRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryFailureRecorder.class);

    private final DeliveryFailures failures;
    private final Clock clock;

    public DeliveryFailureRecorder(DeliveryFailures failures) {
        this.failures = failures;
        this.clock = Clock.systemUTC();
    }

    /** Records that {@code message} failed with {@code failure}; logs and carries on when it cannot. */
    public void record(SQSEvent.SQSMessage message, Throwable failure) {
        try {
            failures.record(
                    DeliveryFailureKey.queueName(message.getEventSourceArn()),
                    message.getBody(),
                    message.getMessageId(),
                    DeliveryFailure.reasonOf(failure),
                    clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("could not record why message {} failed ({}): {}", message.getMessageId(), failure, e.toString());
        }
    }
}
