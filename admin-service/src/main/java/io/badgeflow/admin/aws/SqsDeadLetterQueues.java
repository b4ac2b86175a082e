package io.badgeflow.admin.aws;

import io.badgeflow.admin.deadletter.DeadLetter;
import io.badgeflow.admin.deadletter.DeadLetterQueues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The dead-letter queues through SQS. SQS has no "peek": a look is a receive with a short visibility timeout,
 * after which the messages are made visible again at once. A redrive sends each message to the source queue
 * before deleting it from the DLQ (at least once); a message whose send fails stays in the DLQ.
 *
 * <p>The plain SQS client throughout, not Spring Cloud AWS's SqsTemplate (reasons at each call,
 * docs/decisions/0014-spring-cloud-aws-templates.md): the template's receive deletes what it receives unless told
 * otherwise, and it creates a queue it does not find.
 */
@Component
class SqsDeadLetterQueues implements DeadLetterQueues {

    private static final Logger LOG = LoggerFactory.getLogger(SqsDeadLetterQueues.class);
    private static final int BATCH = 10;
    /** Long enough for one look at up to 100 messages; they are made visible again right after. */
    private static final int PEEK_VISIBILITY_SECONDS = 10;
    /** Long enough to send and delete a batch of ten. */
    private static final int REDRIVE_VISIBILITY_SECONDS = 60;

    private final SqsClient sqs;

    SqsDeadLetterQueues(SqsClient sqs) {
        this.sqs = sqs;
    }

    @Override
    public long depth(String dlqUrl) {
        // SqsTemplate has no GetQueueAttributes.
        var attributes = sqs.getQueueAttributes(r -> r.queueUrl(dlqUrl)
                        .attributeNames(
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        return count(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + count(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    @Override
    public List<DeadLetter> peek(String dlqUrl, int limit) {
        var seen = new LinkedHashMap<String, Message>();
        while (seen.size() < limit) {
            var batch = receive(dlqUrl, Math.min(BATCH, limit - seen.size()), PEEK_VISIBILITY_SECONDS);
            var fresh = false;
            for (var message : batch) {
                fresh |= seen.put(message.messageId(), message) == null;
            }
            if (!fresh) {
                break;
            }
        }
        makeVisibleAgain(dlqUrl, seen.values());
        return seen.values().stream().map(SqsDeadLetterQueues::deadLetter).toList();
    }

    @Override
    public int redrive(String dlqUrl, String queueUrl, int limit) {
        var moved = 0;
        while (moved < limit) {
            var batch = receive(dlqUrl, Math.min(BATCH, limit - moved), REDRIVE_VISIBILITY_SECONDS);
            if (batch.isEmpty()) {
                break;
            }
            for (var message : batch) {
                // SqsTemplate's send converts: it adds attributes of its own (JavaType at least) to the copy.
                sqs.sendMessage(r -> r.queueUrl(queueUrl)
                        .messageBody(message.body())
                        .messageAttributes(message.messageAttributes()));
                // SqsTemplate has no delete by receipt handle outside its own acknowledgement of what it received.
                sqs.deleteMessage(r -> r.queueUrl(dlqUrl).receiptHandle(message.receiptHandle()));
                moved++;
            }
        }
        LOG.info("redrove {} message(s) from {} to {}", moved, dlqUrl, queueUrl);
        return moved;
    }

    private List<Message> receive(String queueUrl, int max, int visibilitySeconds) {
        // SqsTemplate's receive deletes what it receives by default; the raw receipt handles feed the calls below.
        // a short long-poll: unlike a plain receive it asks every SQS host, so a small queue is not reported empty
        return sqs.receiveMessage(r -> r.queueUrl(queueUrl)
                        .maxNumberOfMessages(max)
                        .waitTimeSeconds(1)
                        .visibilityTimeout(visibilitySeconds)
                        .messageAttributeNames("All")
                        .messageSystemAttributeNames(
                                MessageSystemAttributeName.SENT_TIMESTAMP,
                                MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                .messages();
    }

    private void makeVisibleAgain(String dlqUrl, Iterable<Message> messages) {
        var entries = new ArrayList<ChangeMessageVisibilityBatchRequestEntry>();
        for (var message : messages) {
            entries.add(ChangeMessageVisibilityBatchRequestEntry.builder()
                    .id(message.messageId())
                    .receiptHandle(message.receiptHandle())
                    .visibilityTimeout(0)
                    .build());
        }
        for (var from = 0; from < entries.size(); from += BATCH) {
            var chunk = entries.subList(from, Math.min(from + BATCH, entries.size()));
            try {
                // SqsTemplate has no ChangeMessageVisibility.
                sqs.changeMessageVisibilityBatch(r -> r.queueUrl(dlqUrl).entries(chunk))
                        .failed()
                        .forEach(f -> LOG.debug("message {} stays hidden until its timeout: {}", f.id(), f.message()));
            } catch (SdkException e) {
                // harmless: they reappear after PEEK_VISIBILITY_SECONDS anyway
                LOG.warn("could not make peeked messages of {} visible again: {}", dlqUrl, e.toString());
            }
        }
    }

    private static DeadLetter deadLetter(Message message) {
        Map<MessageSystemAttributeName, String> attributes = message.attributes();
        var sent = attributes.get(MessageSystemAttributeName.SENT_TIMESTAMP);
        var received = attributes.get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
        return new DeadLetter(
                message.messageId(),
                message.body(),
                sent == null ? null : Instant.ofEpochMilli(Long.parseLong(sent)),
                received == null ? 0 : Integer.parseInt(received));
    }

    private static long count(String value) {
        return value == null ? 0 : Long.parseLong(value);
    }
}
