package io.badgeflow.accessstream.aws;

import io.awspring.cloud.sns.core.SnsHeaders;
import io.awspring.cloud.sns.core.SnsTemplate;
import io.badgeflow.aws.json.MessageJson;
import io.badgeflow.model.alarm.Alarm;
import io.badgeflow.model.alarm.AlarmPublisher;
import java.nio.charset.StandardCharsets;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;

/**
 * Publishes alarms to the alarms topic through Spring Cloud AWS's {@link SnsTemplate}: the alarm as JSON
 * (docs/contracts.md, "Door alarm"), with its {@code alarmId} and {@code alarmType} also as message attributes, so a
 * subscriber can drop a repeat, or filter by type, without parsing the body.
 */
final class SnsAlarmPublisher implements AlarmPublisher {

    private final SnsTemplate sns;
    private final String topicArn;

    SnsAlarmPublisher(SnsTemplate sns, String topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
    }

    @Override
    public void publish(Alarm alarm) {
        // A ready Message, not convertAndSend: the body stays MessageJson's bytes (the contract's serializer), where
        // the template's converters would either re-quote the JSON or serialize the record with another mapper.
        var message = MessageBuilder.withPayload(new String(MessageJson.write(alarm), StandardCharsets.UTF_8))
                .setHeader(SnsHeaders.NOTIFICATION_SUBJECT_HEADER, "badgeflow alarm " + alarm.type())
                .setHeader(MessageHeaders.CONTENT_TYPE, MimeTypeUtils.APPLICATION_JSON_VALUE)
                .setHeader("alarmId", alarm.alarmId())
                .setHeader("alarmType", alarm.type().name())
                .build();
        try {
            sns.send(topicArn, message);
        } catch (MessagingException e) {
            // The template wraps the SDK's failure; either way not an AwsServiceException to the consumer: a topic
            // that refuses (permissions, KMS, a missing topic) must be retried until fixed, never parked as poison.
            throw new AlarmNotPublishedException(alarm, e);
        }
    }

    /** The alarm could not be published now; the consumer retries the event, which publishes it then. */
    static final class AlarmNotPublishedException extends RuntimeException {
        AlarmNotPublishedException(Alarm alarm, Throwable cause) {
            super("alarm " + alarm.alarmId() + " (" + alarm.type() + ") not published: " + cause.getMessage(), cause);
        }
    }
}
