package io.badgeflow.accessstream.kinesis;

import io.badgeflow.accessstream.stream.DoorEventHandler;
import io.badgeflow.accessstream.stream.ParkedRecords;
import java.time.Duration;
import software.amazon.kinesis.processor.ShardRecordProcessor;
import software.amazon.kinesis.processor.ShardRecordProcessorFactory;

/** KCL asks for one processor per shard lease it takes; they share the handler and the parking place. */
final class SwipeRecordProcessorFactory implements ShardRecordProcessorFactory {

    private final DoorEventHandler handler;
    private final ParkedRecords parked;
    private final ConsumerProgress progress;
    private final Duration retryBackoff;

    SwipeRecordProcessorFactory(DoorEventHandler handler, ParkedRecords parked, ConsumerProgress progress,
            Duration retryBackoff) {
        this.handler = handler;
        this.parked = parked;
        this.progress = progress;
        this.retryBackoff = retryBackoff;
    }

    @Override
    public ShardRecordProcessor shardRecordProcessor() {
        return new SwipeRecordProcessor(handler, parked, progress, retryBackoff);
    }
}
