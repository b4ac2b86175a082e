package io.badgeflow.aws.delivery;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: why a queued message failed. SQS moves a message to its dead-letter queue with the body unchanged and
 * no word of the reason, so the consumer records the reason here, keyed by the source queue and the body, and
 * whoever reads the dead-letter queue finds it again. Delivery plumbing shared by the functions that fail
 * messages and the back office that shows them, not domain, hence here and not in the model.
 */
public interface DeliveryFailures {

    /** Counts one more failed attempt of the message {@code body} on {@code queue}, keeping the latest reason. */
    void record(String queue, String body, String messageId, String reason, Instant failedAt);

    /** What was recorded for {@code body} on {@code queue}, if anything (expired records are not returned). */
    Optional<DeliveryFailure> find(String queue, String body);
}
