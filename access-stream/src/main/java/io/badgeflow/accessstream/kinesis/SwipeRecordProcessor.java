package io.badgeflow.accessstream.kinesis;

import io.badgeflow.accessstream.stream.DoorEventHandler;
import io.badgeflow.accessstream.stream.ParkedRecords;
import io.badgeflow.accessstream.stream.ParkedRecords.UnreadableRecord;
import io.badgeflow.aws.json.SwipeStreamRecords;
import io.badgeflow.aws.json.UnreadableMessageException;
import io.badgeflow.aws.parking.ParkReason;
import io.badgeflow.model.archive.ArchivedEvent;
import io.badgeflow.model.archive.EventArchive;
import io.badgeflow.model.door.DoorEvent;
import io.badgeflow.model.door.DoorStateChanged;
import io.badgeflow.model.door.EntryDecided;
import io.badgeflow.model.door.ExitRecorded;
import io.badgeflow.model.door.SwipeRecorded;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.kinesis.exceptions.InvalidStateException;
import software.amazon.kinesis.exceptions.KinesisClientLibDependencyException;
import software.amazon.kinesis.exceptions.ShutdownException;
import software.amazon.kinesis.exceptions.ThrottlingException;
import software.amazon.kinesis.lifecycle.events.InitializationInput;
import software.amazon.kinesis.lifecycle.events.LeaseLostInput;
import software.amazon.kinesis.lifecycle.events.ProcessRecordsInput;
import software.amazon.kinesis.lifecycle.events.ShardEndedInput;
import software.amazon.kinesis.lifecycle.events.ShutdownRequestedInput;
import software.amazon.kinesis.processor.RecordProcessorCheckpointer;
import software.amazon.kinesis.processor.ShardRecordProcessor;
import software.amazon.kinesis.retrieval.KinesisClientRecord;

/**
 * Consumes one shard of the swipe stream. The batch's events are archived (one call per batch), their audit rows
 * recorded (a few batched calls), then applied by the idempotent handler (one partition key's events in order,
 * different keys side by side), and the batch is checkpointed after all of them, so no event is checkpointed
 * before it is in the archive. A record that can
 * never be applied (oversized, unreadable, refused by the store for good) is parked in the parked-records table
 * and passed; a store that fails is retried (with capped backoff) without checkpointing, so no swipe is skipped
 * and a person's passages stay in order. KCL calls one instance from one thread at a time.
 */
final class SwipeRecordProcessor implements ShardRecordProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(SwipeRecordProcessor.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    private static final int CHECKPOINT_ATTEMPTS = 5;
    /** How many partition keys of one batch are applied at once (each a few store calls in flight). */
    private static final int PARALLEL_KEYS = 32;
    /** Far above any door event (under 1 KiB); a larger record is not even parsed. */
    static final int MAX_EVENT_BYTES = 256 * 1024;

    private final DoorEventHandler handler;
    private final EventArchive archive;
    private final ParkedRecords parked;
    private final ConsumerProgress progress;
    private final Duration retryBackoff;
    private String shardId = "?";

    SwipeRecordProcessor(
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
    public void initialize(InitializationInput input) {
        shardId = input.shardId();
        progress.leaseHeld(shardId);
        LOG.info("consuming {} from {}", shardId, input.extendedSequenceNumber());
    }

    @Override
    public void processRecords(ProcessRecordsInput input) {
        var batch = new ArrayList<Read>(input.records().size());
        for (var record : input.records()) {
            var read = read(record);
            if (read != null) {
                batch.add(read);
            }
        }
        var archived = batch.stream()
                .map(r -> new ArchivedEvent(r.record().sequenceNumber(), r.event()))
                .toList();
        archiveWithRetry(archived);
        var recorded = recordWithRetry(batch);
        applyByKey(recorded.reads(), recorded.first());
        progress.recordsProcessed(input.records().size());
        progress.behind(shardId, input.millisBehindLatest());
        if (!input.records().isEmpty()) {
            checkpoint(input.checkpointer(), "batch", 1);
        }
    }

    @Override
    public void leaseLost(LeaseLostInput input) {
        // Nothing to checkpoint: another worker owns the shard and resumes from the last checkpoint.
        LOG.info("lease of {} lost", shardId);
        progress.released(shardId);
    }

    @Override
    public void shardEnded(ShardEndedInput input) {
        // Required: without this checkpoint KCL never starts the child shards.
        checkpoint(input.checkpointer(), "shard end", CHECKPOINT_ATTEMPTS);
        progress.released(shardId);
    }

    @Override
    public void shutdownRequested(ShutdownRequestedInput input) {
        checkpoint(input.checkpointer(), "shutdown", CHECKPOINT_ATTEMPTS);
    }

    /**
     * Applies the batch: records of one partition key (one person, one door) in stream order, different keys side
     * by side, since nothing orders them against each other. Returns once every record is applied or parked.
     */
    private void applyByKey(List<Read> batch, Set<String> first) {
        var byKey = new LinkedHashMap<String, List<Read>>();
        batch.forEach(read ->
                byKey.computeIfAbsent(read.orderKey(), key -> new ArrayList<>()).add(read));
        if (byKey.size() <= 1) {
            batch.forEach(read -> apply(read, first));
            return;
        }
        var slots = new Semaphore(PARALLEL_KEYS);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var groups = new ArrayList<Future<?>>();
            for (var group : byKey.values()) {
                groups.add(executor.submit(() -> {
                    slots.acquireUninterruptibly();
                    try {
                        group.forEach(read -> apply(read, first));
                    } finally {
                        slots.release();
                    }
                }));
            }
            for (var group : groups) {
                group.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while applying a batch of " + shardId, e);
        }
    }

    /** {@code first} is taken from as events are applied: an event put twice in one batch is first only once. */
    private void apply(Read read, Set<String> first) {
        storeWithRetry(read, first.remove(read.event().eventId()));
        progress.applied(put(read.event()));
    }

    /**
     * About when the event went on the stream: the writer's own time of it, just before its put. (The record's
     * approximate arrival time would do on AWS, but the emulator reports it in the wrong unit.)
     */
    private static Instant put(DoorEvent event) {
        return switch (event) {
            case EntryDecided decided -> decided.decidedAt();
            case ExitRecorded exit -> exit.recordedAt();
            case SwipeRecorded swipe -> swipe.receivedAt();
            case DoorStateChanged state -> state.occurredAt();
        };
    }

    /** @return null for a record that can never be read (it is parked) or a table change carrying no event */
    private Read read(KinesisClientRecord record) {
        var bytes = new byte[record.data().remaining()];
        record.data().duplicate().get(bytes);
        if (bytes.length > MAX_EVENT_BYTES) {
            park(
                    record,
                    bytes,
                    ParkReason.OVERSIZED,
                    bytes.length + " bytes; a door event is at most " + MAX_EVENT_BYTES);
            return null;
        }
        try {
            return SwipeStreamRecords.read(bytes)
                    .map(streamed -> new Read(record, bytes, streamed.event(), orderKey(record, streamed)))
                    .orElse(null);
        } catch (UnreadableMessageException e) {
            park(record, bytes, ParkReason.valueOf(e.kind().name()), e.getMessage());
            return null;
        }
    }

    /**
     * Retried until stored, whatever the failure (a denied bucket too: it stalls the shard rather than checkpoint
     * events the archive lacks). Safe, because a batch stored twice overwrites its own objects.
     */
    private void archiveWithRetry(List<ArchivedEvent> batch) {
        var backoff = retryBackoff;
        for (int attempt = 1; ; attempt++) {
            try {
                archive.store(shardId, batch);
                return;
            } catch (RuntimeException e) {
                retryLog(attempt)
                        .log(
                                "archiving a batch of {} events of {} failed (attempt {}), retrying in {}: {}",
                                batch.size(),
                                shardId,
                                attempt,
                                backoff,
                                e.toString());
            }
            pause(backoff);
            backoff = next(backoff);
        }
    }

    /**
     * Records the batch's audit rows, retried until stored. Where the store refuses the batch for good, its events
     * are recorded one by one, so only the one it refuses is parked (and left out of what is applied).
     */
    private Recorded recordWithRetry(List<Read> batch) {
        if (batch.isEmpty()) {
            return new Recorded(batch, Set.of());
        }
        var events = batch.stream().map(Read::event).toList();
        var backoff = retryBackoff;
        for (int attempt = 1; ; attempt++) {
            try {
                return new Recorded(batch, handler.record(events));
            } catch (RuntimeException e) {
                if (e instanceof AwsServiceException store && rejectedForGood(store)) {
                    LOG.warn(
                            "recording a batch of {} events of {} was refused ({}); recording them one by one",
                            batch.size(),
                            shardId,
                            store.awsErrorDetails().errorCode());
                    return recordOneByOne(batch);
                }
                retryLog(attempt)
                        .log(
                                "recording a batch of {} events of {} failed (attempt {}), retrying in {}: {}",
                                batch.size(),
                                shardId,
                                attempt,
                                backoff,
                                e.toString());
            }
            pause(backoff);
            backoff = next(backoff);
        }
    }

    private Recorded recordOneByOne(List<Read> batch) {
        var kept = new ArrayList<Read>(batch.size());
        var first = ConcurrentHashMap.<String>newKeySet();
        for (var read : batch) {
            if (storedOrParked(read, "recording", () -> first.addAll(handler.record(List.of(read.event()))))) {
                kept.add(read);
            }
        }
        return new Recorded(kept, first);
    }

    private void storeWithRetry(Read read, boolean first) {
        storedOrParked(read, "storing", () -> handler.apply(read.event(), first));
    }

    /**
     * Runs {@code store} until it succeeds, pausing longer after each failure; where the store refuses the event for
     * good, parks its record instead.
     *
     * @return true when stored, false when parked
     */
    private boolean storedOrParked(Read read, String doing, Runnable store) {
        var backoff = retryBackoff;
        for (int attempt = 1; ; attempt++) {
            try {
                store.run();
                return true;
            } catch (RuntimeException e) {
                if (e instanceof AwsServiceException refused && rejectedForGood(refused)) {
                    park(read.record(), read.bytes(), ParkReason.REJECTED_BY_STORE, refusal(refused));
                    return false;
                }
                retryLog(attempt)
                        .log(
                                "{} event {} failed (attempt {}), retrying in {}: {}",
                                doing,
                                read.event().eventId(),
                                attempt,
                                backoff,
                                e.toString());
            }
            pause(backoff);
            backoff = next(backoff);
        }
    }

    private static String refusal(AwsServiceException store) {
        return store.awsErrorDetails().errorCode() + ": "
                + store.awsErrorDetails().errorMessage();
    }

    /** Parks the record, retrying while the parking table cannot be written: a record is never passed unparked. */
    private void park(KinesisClientRecord record, byte[] bytes, ParkReason reason, String problem) {
        var unreadable =
                new UnreadableRecord(shardId, record.sequenceNumber(), record.partitionKey(), bytes, reason, problem);
        var backoff = retryBackoff;
        for (int attempt = 1; ; attempt++) {
            try {
                parked.park(unreadable);
                return;
            } catch (RuntimeException e) {
                retryLog(attempt)
                        .log(
                                "parking record {} of {} failed (attempt {}), retrying in {}: {}",
                                record.sequenceNumber(),
                                shardId,
                                attempt,
                                backoff,
                                e.toString());
            }
            pause(backoff);
            backoff = next(backoff);
        }
    }

    /**
     * The first failed attempt is a warning; the ones after it, which fail the same way while a store is down, are
     * debug lines, so an outage does not flood the log (the KCL watch logs when the stores answer again).
     */
    private static LoggingEventBuilder retryLog(int attempt) {
        return attempt == 1 ? LOG.atWarn() : LOG.atDebug();
    }

    private static Duration next(Duration backoff) {
        var doubled = backoff.multipliedBy(2);
        return doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
    }

    /** A 4xx that is neither throttling nor a missing table: the same write will fail the same way forever. */
    private static boolean rejectedForGood(AwsServiceException e) {
        return e.statusCode() >= 400
                && e.statusCode() < 500
                && !e.isThrottlingException()
                && !(e instanceof ResourceNotFoundException);
    }

    private void pause(Duration backoff) {
        try {
            Thread.sleep(backoff);
        } catch (InterruptedException e) {
            // Shutting down: leave without a checkpoint; the next owner re-reads from the last one.
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a store write on " + shardId, e);
        }
    }

    private void checkpoint(RecordProcessorCheckpointer checkpointer, String when, int attempts) {
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                checkpointer.checkpoint();
                return;
            } catch (ShutdownException e) {
                LOG.info(
                        "no checkpoint at {} of {}: the lease is gone; the next owner re-reads from the last one",
                        when,
                        shardId);
                return;
            } catch (ThrottlingException | KinesisClientLibDependencyException e) {
                LOG.warn(
                        "checkpoint at {} of {} failed (attempt {} of {}): {}",
                        when,
                        shardId,
                        attempt,
                        attempts,
                        e.getMessage());
                if (attempt < attempts) {
                    pauseQuietly(retryBackoff.multipliedBy(attempt));
                }
            } catch (InvalidStateException e) {
                LOG.error("checkpoint at {} of {} failed: the lease table is unusable", when, shardId, e);
                return;
            }
        }
    }

    private static void pauseQuietly(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * What orders a record against others of its batch: the partition key its writer chose, or for a decision put
     * here by a table's change capture (whose key the table chose) the key its writer would have chosen.
     */
    private static String orderKey(KinesisClientRecord record, SwipeStreamRecords.Streamed streamed) {
        return streamed.captured() ? streamed.event().partitionKey() : record.partitionKey();
    }

    private record Read(KinesisClientRecord record, byte[] bytes, DoorEvent event, String orderKey) {}

    /** The reads whose audit rows are stored (the refused ones parked), and which of them were recorded first. */
    private record Recorded(List<Read> reads, Set<String> first) {}
}
