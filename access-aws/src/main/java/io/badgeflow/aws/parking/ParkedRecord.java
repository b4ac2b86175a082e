package io.badgeflow.aws.parking;

import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * A stream record that can never be applied, where it sits on the stream and why. It keeps the start of the
 * payload ({@link #MAX_EXCERPT_BYTES}, base64) so an operator can see what was sent after the stream has
 * dropped the record; a door event is far smaller, so a readable one is usually whole.
 *
 * @param size the payload's full size in bytes
 * @param message what the reader or the store said, at most {@link #MAX_MESSAGE_CHARS} characters
 * @param payloadBase64 the first {@link #MAX_EXCERPT_BYTES} bytes of the payload, base64
 */
public record ParkedRecord(
        String shardId,
        String sequenceNumber,
        String partitionKey,
        int size,
        ParkReason reason,
        String message,
        String payloadBase64,
        Instant parkedAt) {

    public static final int MAX_EXCERPT_BYTES = 4096;
    public static final int MAX_MESSAGE_CHARS = 1024;

    public ParkedRecord {
        Objects.requireNonNull(shardId, "shardId");
        Objects.requireNonNull(sequenceNumber, "sequenceNumber");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(parkedAt, "parkedAt");
        message = message == null
                ? ""
                : message.length() > MAX_MESSAGE_CHARS ? message.substring(0, MAX_MESSAGE_CHARS) : message;
        payloadBase64 = payloadBase64 == null ? "" : payloadBase64;
    }

    /** A record parked now with an excerpt of {@code payload}. */
    public static ParkedRecord of(
            String shardId,
            String sequenceNumber,
            String partitionKey,
            byte[] payload,
            ParkReason reason,
            String message,
            Instant parkedAt) {
        var excerpt =
                payload.length <= MAX_EXCERPT_BYTES ? payload : java.util.Arrays.copyOf(payload, MAX_EXCERPT_BYTES);
        return new ParkedRecord(
                shardId,
                sequenceNumber,
                partitionKey,
                payload.length,
                reason,
                message,
                Base64.getEncoder().encodeToString(excerpt),
                parkedAt);
    }

    /** Whether the excerpt is the whole payload. */
    public boolean truncated() {
        return size > MAX_EXCERPT_BYTES;
    }
}
