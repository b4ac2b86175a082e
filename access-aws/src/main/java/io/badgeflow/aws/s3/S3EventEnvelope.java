package io.badgeflow.aws.s3;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Unwraps what an SQS message body holds on the S3 -> SNS -> SQS path: an SNS notification whose
 * {@code Message} is an S3 event notification. AWS adds fields over time, so unknown ones are ignored here
 * (unlike in our own messages).
 */
public final class S3EventEnvelope {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private S3EventEnvelope() {}

    /**
     * The objects an SQS body announces; empty for S3's {@code s3:TestEvent}, which S3 sends once when the
     * notification is configured.
     *
     * @throws UnreadableEnvelopeException when the body is not an SNS notification of an S3 event
     */
    public static List<StoredObject> objects(String sqsBody) {
        try {
            var notification = MAPPER.readValue(sqsBody, SnsNotification.class);
            if (notification.message() == null) {
                throw new UnreadableEnvelopeException("SQS body is not an SNS notification (no Message)");
            }
            var event = MAPPER.readValue(notification.message(), S3EventNotification.class);
            if (event.records() == null) {
                if ("s3:TestEvent".equals(event.event())) {
                    return List.of();
                }
                throw new UnreadableEnvelopeException("SNS message is not an S3 event notification (no Records)");
            }
            return event.records().stream()
                    .filter(r -> r.eventName() != null && r.eventName().startsWith("ObjectCreated:"))
                    .map(r -> new StoredObject(
                            r.s3().bucket().name(),
                            URLDecoder.decode(r.s3().object().key(), StandardCharsets.UTF_8),
                            r.s3().object().versionId()))
                    .toList();
        } catch (JacksonException | NullPointerException e) {
            throw new UnreadableEnvelopeException("unreadable S3 -> SNS -> SQS envelope: " + e.getMessage());
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SnsNotification(
            @JsonProperty("Type") String type,
            @JsonProperty("MessageId") String messageId,
            @JsonProperty("TopicArn") String topicArn,
            @JsonProperty("Message") String message) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record S3EventNotification(
            @JsonProperty("Records") List<S3Record> records,
            @JsonProperty("Event") String event) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record S3Record(String eventName, S3Entity s3) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record S3Entity(Bucket bucket, S3Object object) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Bucket(String name) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record S3Object(String key, String versionId, Long size) {}
}
