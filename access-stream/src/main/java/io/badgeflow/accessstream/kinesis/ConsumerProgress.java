package io.badgeflow.accessstream.kinesis;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.kinesis.coordinator.WorkerStateChangeListener;

/**
 * Start-up milestones of the consumer, logged once each with the time since the scheduler started: initialised,
 * first lease held, first record processed. These are the figures docs/local-aws.md reports for the KCL
 * start-up settings. Also times each record from its put on the stream to applied
 * ({@code badgeflow.stream.lag}), the consumer lag the evacuation benchmark reports; a reader's clock running
 * ahead would show as negative lag, which is left out. And keeps how far behind the newest record on the stream each
 * shard this worker holds was at its last read ({@code badgeflow.stream.behind.latest}, the largest over the shards,
 * KCL's MillisBehindLatest): the consumer lag the monitoring stack alarms on, which grows even while nothing is
 * applied, where the applied-record timer would fall silent.
 */
final class ConsumerProgress implements WorkerStateChangeListener {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerProgress.class);

    private final AtomicLong startedNanos = new AtomicLong();
    private final AtomicBoolean firstLease = new AtomicBoolean();
    private final AtomicBoolean firstRecord = new AtomicBoolean();
    private final AtomicBoolean initialised = new AtomicBoolean();
    private final Timer lag;
    private final Map<String, Long> behindLatest = new ConcurrentHashMap<>();

    ConsumerProgress(MeterRegistry meters) {
        this.lag = Timer.builder("badgeflow.stream.lag")
                .description("From a record's arrival on the stream to the consumer having applied it")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
        TimeGauge.builder("badgeflow.stream.behind.latest", this, TimeUnit.MILLISECONDS, ConsumerProgress::mostBehind)
                .description("How far the shards this worker reads are behind the newest record on the stream")
                .register(meters);
    }

    /** A read of {@code shardId} was {@code millis} behind the newest record of its shard (null: not known). */
    void behind(String shardId, Long millis) {
        if (millis != null && millis >= 0) {
            behindLatest.put(shardId, millis);
        }
    }

    /** The shard is no longer read here (lease lost, shard ended): its last figure no longer says anything. */
    void released(String shardId) {
        behindLatest.remove(shardId);
    }

    private double mostBehind() {
        return behindLatest.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** A record put on the stream at about {@code put} is applied now. */
    void applied(Instant put) {
        var lagged = Duration.between(put, Instant.now());
        if (!lagged.isNegative()) {
            lag.record(lagged);
        }
    }

    void schedulerStarting() {
        startedNanos.set(System.nanoTime());
        firstLease.set(false);
        firstRecord.set(false);
        initialised.set(false);
    }

    /** True once the current scheduler has initialised (it has its lease table, created if it was missing). */
    boolean initialised() {
        return initialised.get();
    }

    @Override
    public void onWorkerStateChange(WorkerState newState) {
        if (newState == WorkerState.STARTED) {
            initialised.set(true);
            LOG.info("KCL scheduler initialised after {} ms", elapsedMillis());
        }
    }

    @Override
    public void onAllInitializationAttemptsFailed(Throwable e) {
        LOG.error("KCL scheduler could not initialise; the consumer is not running", e);
    }

    void leaseHeld(String shardId) {
        if (firstLease.compareAndSet(false, true)) {
            LOG.info("KCL first lease held ({}) after {} ms", shardId, elapsedMillis());
        }
    }

    void recordsProcessed(int count) {
        if (count > 0 && firstRecord.compareAndSet(false, true)) {
            LOG.info("KCL first record processed after {} ms", elapsedMillis());
        }
    }

    private long elapsedMillis() {
        return (System.nanoTime() - startedNanos.get()) / 1_000_000;
    }
}
