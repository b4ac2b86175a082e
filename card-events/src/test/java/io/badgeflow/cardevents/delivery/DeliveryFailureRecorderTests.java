package io.badgeflow.cardevents.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.badgeflow.aws.delivery.DeliveryFailure;
import io.badgeflow.aws.delivery.DeliveryFailures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeliveryFailureRecorderTests {

    @Test
    void recordsTheReasonUnderTheQueueNamedByTheRecordsArn() {
        var store = new RecordingFailures();

        new DeliveryFailureRecorder(store)
                .record(
                        message("arn:aws:sqs:us-east-1:000000000000:badgeflow-dev-commands"),
                        new IllegalStateException("S3 unavailable"));

        assertThat(store.recorded)
                .containsExactly("badgeflow-dev-commands|body|m-1|java.lang.IllegalStateException: S3 unavailable");
    }

    @Test
    void neverFailsTheBatchWhenTheReasonCannotBeRecorded() {
        DeliveryFailures broken = new RecordingFailures() {
            @Override
            public void record(String queue, String body, String messageId, String reason, Instant failedAt) {
                throw new IllegalStateException("table unavailable");
            }
        };

        assertThatCode(() -> new DeliveryFailureRecorder(broken)
                        .record(message("arn:aws:sqs:r:1:q"), new RuntimeException("x")))
                .doesNotThrowAnyException();
        assertThatCode(() -> new DeliveryFailureRecorder(new RecordingFailures())
                        .record(message(null), new RuntimeException("x")))
                .doesNotThrowAnyException();
    }

    private static SQSEvent.SQSMessage message(String arn) {
        var message = new SQSEvent.SQSMessage();
        message.setMessageId("m-1");
        message.setBody("body");
        message.setEventSourceArn(arn);
        return message;
    }

    static class RecordingFailures implements DeliveryFailures {
        final List<String> recorded = new ArrayList<>();

        @Override
        public void record(String queue, String body, String messageId, String reason, Instant failedAt) {
            recorded.add(String.join("|", queue, body, messageId, reason));
        }

        @Override
        public Optional<DeliveryFailure> find(String queue, String body) {
            return Optional.empty();
        }
    }
}
