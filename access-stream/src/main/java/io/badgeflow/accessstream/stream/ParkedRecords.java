package io.badgeflow.accessstream.stream;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Where records go that can never be applied (not JSON, unknown type, invalid field), so they do not stall
 * their shard. Reading them again gives the same answer, so the consumer parks them and checkpoints past them.
 *
 * <p>For now "parking" is a WARN log line with the record's coordinates (shard, sequence number, partition key,
 * reason) plus the {@code badgeflow.stream.records.parked} counter tagged by reason: visible to operators in the
 * logs and at /actuator/metrics, and the record itself stays readable on the stream for its retention period.
 * A DynamoDB parking table with the raw payload comes with the doors issue; this class is the one place to
 * change then.
 */
@Component
public class ParkedRecords {

    private static final Logger LOG = LoggerFactory.getLogger(ParkedRecords.class);

    private final MeterRegistry meters;

    public ParkedRecords(MeterRegistry meters) {
        this.meters = meters;
    }

    public void park(UnreadableRecord record) {
        meters.counter("badgeflow.stream.records.parked", "reason", record.reason()).increment();
        LOG.warn("parked unreadable record: shard={} sequenceNumber={} partitionKey={} bytes={} reason={}: {}",
                record.shardId(), record.sequenceNumber(), record.partitionKey(), record.size(), record.reason(),
                record.problem());
    }

    /** Where an unreadable record sits on the stream and why it cannot be applied. */
    public record UnreadableRecord(String shardId, String sequenceNumber, String partitionKey, int size,
            String reason, String problem) {
    }
}
