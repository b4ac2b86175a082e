package io.badgeflow.admin.deadletter;

import java.util.List;

/** Port: look into a dead-letter queue without taking anything out, and move its messages back. */
public interface DeadLetterQueues {

    /** Messages in the queue, visible or in flight (approximate, as SQS counts them). */
    long depth(String dlqUrl);

    /** Up to {@code limit} distinct messages; they stay in the queue and are visible again when this returns. */
    List<DeadLetter> peek(String dlqUrl, int limit);

    /**
     * Moves up to {@code limit} messages to {@code queueUrl}, each sent (same body and attributes) before it is
     * deleted from the dead-letter queue: a failure in between leaves a duplicate, never a loss.
     *
     * @return how many were moved
     */
    int redrive(String dlqUrl, String queueUrl, int limit);
}
