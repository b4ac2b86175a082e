package io.badgeflow.cardevents.sqs;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.badgeflow.cardevents.CardEventsProperties;
import io.badgeflow.cardevents.CardEventsProperties.QueueBinding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.ResolvableType;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Lambda's SQS event source mapping, for running the function beans without Lambda: receives batches of up
 * to ten, invokes the bean bound to the queue, deletes what succeeded and leaves the reported failures on the
 * queue, where SQS counts their receives and moves them to the DLQ after {@code maxReceiveCount}.
 */
@Component
@ConditionalOnBooleanProperty("badgeflow.card-events.local-poller.enabled")
class LocalQueuePoller implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(LocalQueuePoller.class);
    private static final int BATCH_SIZE = 10;

    private final SqsClient sqs;
    private final CardEventsProperties.LocalPoller settings;
    private final BeanFactory beans;
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    LocalQueuePoller(SqsClient sqs, CardEventsProperties properties, BeanFactory beans) {
        this.sqs = sqs;
        this.settings = properties.localPoller();
        this.beans = beans;
    }

    @Override
    public void start() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        for (var configured : settings.queues()) {
            var binding = withQueueArn(configured);
            var function = functionFor(binding);
            var thread = Thread.ofPlatform().name("poll-" + binding.function()).daemon(false)
                    .start(() -> pollUntilStopped(binding, function));
            threads.add(thread);
            LOG.info("polling {} for function {}", binding.queueUrl(), binding.function());
        }
    }

    @Override
    public void stop() {
        running.set(false);
        for (var thread : threads) {
            try {
                thread.join((settings.waitSeconds() + 5) * 1000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    /** Lambda's records name their queue by ARN (the failure recorder keys reasons by it): look it up if unset. */
    private QueueBinding withQueueArn(QueueBinding binding) {
        if (binding.queueArn() != null && !binding.queueArn().isBlank()) {
            return binding;
        }
        try {
            var arn = sqs.getQueueAttributes(r -> r.queueUrl(binding.queueUrl())
                    .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
            return new QueueBinding(binding.queueUrl(), arn, binding.function());
        } catch (SdkException e) {
            // polling retries on its own; only the failure reasons go unrecorded (the recorder logs that)
            LOG.warn("no ARN for {}, failure reasons will not be recorded: {}", binding.queueUrl(), e.toString());
            return binding;
        }
    }

    @SuppressWarnings("unchecked")
    private Function<SQSEvent, SQSBatchResponse> functionFor(QueueBinding binding) {
        var type = ResolvableType.forClassWithGenerics(Function.class, SQSEvent.class, SQSBatchResponse.class);
        var bean = beans.getBean(binding.function());
        if (!type.isInstance(bean)) {
            throw new IllegalStateException("bean " + binding.function() + " is not a " + type);
        }
        return (Function<SQSEvent, SQSBatchResponse>) bean;
    }

    private void pollUntilStopped(QueueBinding binding, Function<SQSEvent, SQSBatchResponse> function) {
        while (running.get()) {
            try {
                pollOnce(binding, function);
            } catch (SdkException e) {
                LOG.warn("polling {} failed, trying again: {}", binding.queueUrl(), e.toString());
                pause();
            } catch (RuntimeException e) {
                // The function threw instead of reporting failures: like Lambda, the whole batch is retried.
                LOG.error("function {} failed its whole batch", binding.function(), e);
                pause();
            }
        }
    }

    void pollOnce(QueueBinding binding, Function<SQSEvent, SQSBatchResponse> function) {
        var messages = sqs.receiveMessage(r -> r.queueUrl(binding.queueUrl()).maxNumberOfMessages(BATCH_SIZE)
                .waitTimeSeconds(settings.waitSeconds())
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        if (messages.isEmpty()) {
            return;
        }
        var response = function.apply(event(binding, messages));
        Set<String> failed = response == null || response.getBatchItemFailures() == null ? Set.of()
                : response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                        .collect(Collectors.toSet());
        var done = messages.stream().filter(m -> !failed.contains(m.messageId()))
                .map(m -> DeleteMessageBatchRequestEntry.builder().id(m.messageId()).receiptHandle(m.receiptHandle())
                        .build())
                .toList();
        if (!done.isEmpty()) {
            var result = sqs.deleteMessageBatch(r -> r.queueUrl(binding.queueUrl()).entries(done));
            result.failed().forEach(f -> LOG.warn("could not delete message {}: {}", f.id(), f.message()));
        }
        messages.stream().filter(m -> failed.contains(m.messageId()))
                .forEach(m -> sqs.changeMessageVisibility(r -> r.queueUrl(binding.queueUrl())
                        .receiptHandle(m.receiptHandle())
                        .visibilityTimeout((int) settings.retryDelay().toSeconds())));
    }

    private SQSEvent event(QueueBinding binding, List<Message> messages) {
        var records = messages.stream().map(m -> {
            var record = new SQSEvent.SQSMessage();
            record.setMessageId(m.messageId());
            record.setReceiptHandle(m.receiptHandle());
            record.setBody(m.body());
            record.setMd5OfBody(m.md5OfBody());
            var attributes = new HashMap<String, String>();
            m.attributes().forEach((name, value) -> attributes.put(name.toString(), value));
            record.setAttributes(attributes);
            record.setEventSource("aws:sqs");
            record.setEventSourceArn(binding.queueArn());
            return record;
        }).toList();
        var event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    private void pause() {
        try {
            Thread.sleep(settings.retryDelay());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }
}
