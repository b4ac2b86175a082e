package io.badgeflow.accessstream.stream;

import io.badgeflow.aws.parking.ParkReason;
import io.badgeflow.aws.parking.ParkedRecord;
import io.badgeflow.aws.parking.ParkedRecordStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Where records go that can never be applied (not JSON, unknown type, invalid field, oversized, refused by the
 * store), so they do not stall their shard. Reading them again gives the same answer, so the consumer parks them
 * and checkpoints past them. Parking keeps the record's coordinates, reason and the start of its payload in the
 * parked-records table (operators read it through admin-service's {@code GET /api/v1/parked-records}), counts
 * it in {@code badgeflow.stream.records.parked} tagged by reason, and logs a WARN line.
 */
@Component
public class ParkedRecords {

    private static final Logger LOG = LoggerFactory.getLogger(ParkedRecords.class);

    private final ParkedRecordStore store;
    private final Clock clock;
    private final MeterRegistry meters;

    public ParkedRecords(ParkedRecordStore store, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.clock = clock;
        this.meters = meters;
    }

    /** Stores the record; throws when the store cannot be written, for the caller to retry before passing it. */
    public void park(UnreadableRecord record) {
        store.park(ParkedRecord.of(
                record.shardId(),
                record.sequenceNumber(),
                record.partitionKey(),
                record.payload(),
                record.reason(),
                record.problem(),
                clock.instant()));
        meters.counter(
                        "badgeflow.stream.records.parked",
                        "reason",
                        record.reason().name())
                .increment();
        LOG.warn(
                "parked unreadable record: shard={} sequenceNumber={} partitionKey={} bytes={} reason={}: {}",
                record.shardId(),
                record.sequenceNumber(),
                record.partitionKey(),
                record.payload().length,
                record.reason(),
                record.problem());
    }

    /** Where an unreadable record sits on the stream, what it holds and why it cannot be applied. */
    public record UnreadableRecord(
            String shardId,
            String sequenceNumber,
            String partitionKey,
            byte[] payload,
            ParkReason reason,
            String problem) {}
}
