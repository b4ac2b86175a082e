package io.badgeflow.cardevents.delivery;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.badgeflow.aws.s3.S3EventEnvelope;
import io.badgeflow.aws.s3.StoredObject;
import java.util.ArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Lambda's partial batch semantics for every function fed by an S3 -> SNS -> SQS route: each message's announced
 * objects go to the handler; a message whose handling throws is reported as a batch item failure (SQS retries
 * it after the retry delay, then dead-letters it) with its reason recorded, and the other messages of the batch
 * are unaffected.
 */
@Component
public class AnnouncedObjects {

    private static final Logger LOG = LoggerFactory.getLogger(AnnouncedObjects.class);

    private final DeliveryFailureRecorder failures;
    private final MessageRetries retries;

    public AnnouncedObjects(DeliveryFailureRecorder failures, MessageRetries retries) {
        this.failures = failures;
        this.retries = retries;
    }

    public SQSBatchResponse handle(SQSEvent event, Consumer<StoredObject> handler) {
        var failed = new ArrayList<SQSBatchResponse.BatchItemFailure>();
        for (var message : event.getRecords()) {
            try {
                for (var object : S3EventEnvelope.objects(message.getBody())) {
                    handler.accept(object);
                }
            } catch (RuntimeException e) {
                LOG.warn(
                        "message {} failed and stays on the queue for a retry: {}",
                        message.getMessageId(),
                        e.toString());
                failures.record(message, e);
                retries.retryLater(message);
                failed.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failed);
    }
}
