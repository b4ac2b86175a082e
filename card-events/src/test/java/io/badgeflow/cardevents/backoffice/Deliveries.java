package io.badgeflow.cardevents.backoffice;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/** SQS messages as the commands queue delivers them: an SNS notification wrapping an S3 ObjectCreated event. */
final class Deliveries {

    private static final JsonMapper JSON = JsonMapper.shared();

    private Deliveries() {}

    static SQSEvent of(String bucket, String key) {
        var s3Event = Map.of(
                "Records",
                List.of(Map.of(
                        "eventSource",
                        "aws:s3",
                        "eventName",
                        "ObjectCreated:Put",
                        "s3",
                        Map.of("bucket", Map.of("name", bucket), "object", Map.of("key", key, "size", 1)))));
        var notification = Map.of(
                "Type",
                "Notification",
                "MessageId",
                UUID.randomUUID().toString(),
                "Message",
                JSON.writeValueAsString(s3Event));
        var message = new SQSEvent.SQSMessage();
        message.setMessageId(UUID.randomUUID().toString());
        message.setBody(JSON.writeValueAsString(notification));
        message.setEventSourceArn("arn:aws:sqs:us-east-1:000000000000:badgeflow-local-commands");
        var event = new SQSEvent();
        event.setRecords(List.of(message));
        return event;
    }
}
