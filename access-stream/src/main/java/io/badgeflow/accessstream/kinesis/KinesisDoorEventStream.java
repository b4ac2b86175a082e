package io.badgeflow.accessstream.kinesis;

import io.badgeflow.accessstream.AccessStreamProperties;
import io.badgeflow.accessstream.swipe.StreamUnavailableException;
import io.badgeflow.aws.json.MessageJson;
import io.badgeflow.model.door.DoorEvent;
import io.badgeflow.model.door.DoorEventStream;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * Puts door events on the swipe stream, keyed by the event's partition key so one card's swipes stay in order.
 * Returns only once Kinesis holds the record; the SDK's retries cover short hiccups, anything longer becomes a
 * 503 and the device retries.
 */
@Component
class KinesisDoorEventStream implements DoorEventStream {

    private final KinesisClient kinesis;
    private final String streamName;

    KinesisDoorEventStream(KinesisClient kinesis, AccessStreamProperties properties) {
        this.kinesis = kinesis;
        this.streamName = properties.streamName();
    }

    @Override
    public void publish(DoorEvent event) {
        var data = SdkBytes.fromByteArray(MessageJson.write(event));
        try {
            kinesis.putRecord(r -> r.streamName(streamName).partitionKey(event.partitionKey()).data(data));
        } catch (SdkException e) {
            throw new StreamUnavailableException("PutRecord to " + streamName + " failed: " + e.getMessage(), e);
        }
    }
}
