package io.badgeflow.accessstream.kinesis;

import io.badgeflow.aws.outage.Outages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;

/**
 * Keeps the stream consumer alive through an outage of Kinesis or DynamoDB without a restart of the process. Every
 * few seconds (less often while they fail) it asks both whether they answer: on the change to "down" it logs one
 * line and mutes KCL's own per-call errors; on the change back it logs one line. KCL retries by itself meanwhile.
 * A scheduler that died (its initialisation gave up) or whose lease table vanished (an emulator restarted without
 * its state) is replaced, with a growing pause between attempts. Its state is the {@code kcl} health component.
 */
final class KclWatch implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(KclWatch.class);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration MAX_RESTART_PAUSE = Duration.ofMinutes(1);

    /** What the watch last saw; {@code problem} is null when the consumer is fine. */
    record State(boolean up, String problem, Instant since, boolean initialised, int restarts) {}

    private final SwipeStreamConsumer consumer;
    private final ConsumerProgress progress;
    private final KinesisAsyncClient kinesis;
    private final DynamoDbAsyncClient dynamoDb;
    private final String streamName;
    private final String leaseTableName;
    private final Duration interval;
    private final Duration maxInterval;
    private final KclLogMute mute = new KclLogMute();
    private final Clock clock;

    private ScheduledExecutorService executor;
    private volatile boolean running;
    private volatile State state;
    private Instant outageSince;
    private Duration nextPause;
    private Duration restartPause;
    private Instant nextRestart = Instant.MIN;
    private int restarts;
    /** Set by the last check: DynamoDB answered that the lease table does not exist. */
    private boolean leaseTableMissing;

    KclWatch(
            SwipeStreamConsumer consumer,
            ConsumerProgress progress,
            KinesisAsyncClient kinesis,
            DynamoDbAsyncClient dynamoDb,
            String streamName,
            String leaseTableName,
            Duration interval,
            Clock clock) {
        this.consumer = consumer;
        this.progress = progress;
        this.kinesis = kinesis;
        this.dynamoDb = dynamoDb;
        this.streamName = streamName;
        this.leaseTableName = leaseTableName;
        this.interval = interval;
        this.maxInterval = interval.multipliedBy(4);
        this.clock = clock;
        this.nextPause = interval;
        this.restartPause = interval;
        this.state = new State(true, null, clock.instant(), false, 0);
    }

    State state() {
        return state;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        mute.install();
        executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("kcl-watch").daemon().factory());
        running = true;
        executor.schedule(this::tickAndReschedule, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        executor.shutdownNow();
        mute.unmute();
        mute.uninstall();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the consumer and stops after it (SmartLifecycle stops higher phases first). */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1;
    }

    private void tickAndReschedule() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.warn("KCL watch: check failed unexpectedly: {}", e.toString());
        }
        if (running) {
            executor.schedule(this::tickAndReschedule, nextPause.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** One check. Package-private for tests. */
    void tick() {
        if (!consumer.isRunning()) {
            return;
        }
        var now = clock.instant();
        var unreachable = unreachable();
        if (Thread.currentThread().isInterrupted() || !running) {
            return; // stopping: an interrupted check says nothing about the stores
        }
        if (unreachable != null) {
            if (outageSince == null) {
                outageSince = now;
                mute.mute();
                LOG.warn(
                        "KCL consumer: {}; KCL keeps retrying by itself, its log lines are muted until the stores"
                                + " answer",
                        unreachable);
            }
            nextPause = min(nextPause.multipliedBy(2), maxInterval);
            state = new State(false, unreachable, outageSince, progress.initialised(), restarts);
            return;
        }
        if (outageSince != null) {
            var dropped = mute.unmute();
            LOG.info(
                    "KCL consumer: Kinesis and DynamoDB answer again after {} s ({} KCL log lines muted meanwhile)",
                    Duration.between(outageSince, now).toSeconds(),
                    dropped);
            outageSince = null;
        }
        nextPause = interval;
        var broken = broken();
        if (broken == null) {
            restartPause = interval;
            if (!state.up()) {
                state = new State(true, null, now, progress.initialised(), restarts);
            } else if (state.initialised() != progress.initialised()) {
                state = new State(true, null, state.since(), progress.initialised(), restarts);
            }
            return;
        }
        if (state.up() || state.problem() == null || !state.problem().equals(broken)) {
            state = new State(false, broken, now, progress.initialised(), restarts);
        }
        if (now.isBefore(nextRestart)) {
            return;
        }
        restarts++;
        LOG.warn("KCL consumer: {}; starting a new scheduler (restart {})", broken, restarts);
        consumer.restartIfRunning();
        nextRestart = now.plus(restartPause);
        restartPause = min(restartPause.multipliedBy(2), MAX_RESTART_PAUSE);
        state = new State(false, broken, state.since(), false, restarts);
    }

    /** Why the scheduler cannot do its work although the stores answer, or null. */
    private String broken() {
        if (!consumer.schedulerAlive()) {
            return "the KCL scheduler is not running";
        }
        if (progress.initialised() && leaseTableMissing) {
            return "the lease table " + leaseTableName + " is gone";
        }
        return null;
    }

    /** A description of what does not answer, or null when both answer. */
    private String unreachable() {
        leaseTableMissing = false;
        try {
            kinesis.describeStreamSummary(
                            r -> r.streamName(streamName).overrideConfiguration(c -> c.apiCallTimeout(PROBE_TIMEOUT)))
                    .get(PROBE_TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return "Kinesis stream " + streamName + " does not answer (" + cause(e) + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        try {
            dynamoDb.describeTable(r ->
                            r.tableName(leaseTableName).overrideConfiguration(c -> c.apiCallTimeout(PROBE_TIMEOUT)))
                    .get(PROBE_TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ResourceNotFoundException) {
                // DynamoDB answers; the table is missing, which a new scheduler re-creates.
                leaseTableMissing = true;
                return null;
            }
            return "DynamoDB does not answer (" + cause(e) + ")";
        } catch (TimeoutException e) {
            return "DynamoDB does not answer (timed out)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        return null;
    }

    private static String cause(Exception e) {
        var failure = Outages.dependencyFailure(e).orElse(e.getCause() != null ? e.getCause() : e);
        var root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName()
                + (root.getMessage() == null
                        ? ""
                        : ": " + root.getMessage().lines().findFirst().orElse(""));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
