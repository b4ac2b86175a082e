package io.badgeflow.accessstream.aws;

import io.badgeflow.aws.json.MessageJson;
import io.badgeflow.model.alarm.Alarm;
import io.badgeflow.model.alarm.AlarmPublisher;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * Publishes alarms to the alarms topic: the alarm as JSON (docs/contracts.md, "Door alarm"), with its
 * {@code alarmId} and {@code alarmType} also as message attributes, so a subscriber can drop a repeat, or filter
 * by type, without parsing the body.
 */
final class SnsAlarmPublisher implements AlarmPublisher {

    private final SnsClient sns;
    private final String topicArn;

    SnsAlarmPublisher(SnsClient sns, String topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
    }

    @Override
    public void publish(Alarm alarm) {
        try {
            sns.publish(r -> r.topicArn(topicArn)
                    .message(new String(MessageJson.write(alarm), StandardCharsets.UTF_8))
                    .subject("badgeflow alarm " + alarm.type())
                    .messageAttributes(Map.of(
                            "alarmId", text(alarm.alarmId()),
                            "alarmType", text(alarm.type().name()))));
        } catch (SdkException e) {
            // Not an AwsServiceException to the consumer: a topic that refuses (permissions, KMS, a missing topic)
            // must be retried until fixed, never taken for a poison record and parked.
            throw new AlarmNotPublishedException(alarm, e);
        }
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder()
                .dataType("String")
                .stringValue(value)
                .build();
    }

    /** The alarm could not be published now; the consumer retries the event, which publishes it then. */
    static final class AlarmNotPublishedException extends RuntimeException {
        AlarmNotPublishedException(Alarm alarm, Throwable cause) {
            super("alarm " + alarm.alarmId() + " (" + alarm.type() + ") not published: " + cause.getMessage(), cause);
        }
    }
}
