package io.badgeflow.admin.parked;

import io.badgeflow.aws.parking.ParkedRecord;
import java.time.Instant;

/**
 * One parked stream record as the API shows it: where it sat on the stream, why it was parked, and the start of
 * its payload (base64; {@code truncated} when the payload was longer than the excerpt).
 */
record ParkedRecordView(
        String shardId,
        String sequenceNumber,
        String partitionKey,
        int size,
        String reason,
        String message,
        String payloadBase64,
        boolean truncated,
        Instant parkedAt) {

    static ParkedRecordView of(ParkedRecord record) {
        return new ParkedRecordView(
                record.shardId(),
                record.sequenceNumber(),
                record.partitionKey(),
                record.size(),
                record.reason().name(),
                record.message(),
                record.payloadBase64(),
                record.truncated(),
                record.parkedAt());
    }
}
