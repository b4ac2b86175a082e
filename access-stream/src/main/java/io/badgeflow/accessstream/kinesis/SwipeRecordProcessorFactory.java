package io.badgeflow.accessstream.kinesis;

import io.badgeflow.accessstream.stream.DoorEventHandler;
import io.badgeflow.accessstream.stream.ParkedRecords;
import io.badgeflow.model.archive.EventArchive;
import java.time.Duration;
import software.amazon.kinesis.processor.ShardRecordProcessor;
import software.amazon.kinesis.processor.ShardRecordProcessorFactory;

/** KCL asks for one processor per shard lease it takes; they share the handler, the archive and the parking place. */
final class SwipeRecordProcessorFactory implements ShardRecordProcessorFactory {

    private final DoorEventHandler handler;
    private final EventArchive archive;
    private final ParkedRecords parked;
    private final ConsumerProgress progress;
    private final Duration retryBackoff;

    SwipeRecordProcessorFactory(
            DoorEventHandler handler,
            EventArchive archive,
            ParkedRecords parked,
            ConsumerProgress progress,
            Duration retryBackoff) {
        this.handler = handler;
        this.archive = archive;
        this.parked = parked;
        this.progress = progress;
        this.retryBackoff = retryBackoff;
    }

    @Override
    public ShardRecordProcessor shardRecordProcessor() {
        return new SwipeRecordProcessor(handler, archive, parked, progress, retryBackoff);
    }
}
