package io.badgeflow.accessstream.kinesis;

import io.badgeflow.accessstream.AccessStreamProperties;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.kinesis.common.ConfigsBuilder;
import software.amazon.kinesis.common.InitialPositionInStream;
import software.amazon.kinesis.common.InitialPositionInStreamExtended;
import software.amazon.kinesis.coordinator.Scheduler;
import software.amazon.kinesis.metrics.MetricsLevel;
import software.amazon.kinesis.processor.ShardRecordProcessorFactory;
import software.amazon.kinesis.processor.SingleStreamTracker;
import software.amazon.kinesis.retrieval.polling.PollingConfig;

/**
 * Owns the KCL 3 {@link Scheduler} of the swipe stream: builds it from the properties, runs it on its own thread
 * when the context starts, and shuts it down gracefully (processors checkpoint in {@code shutdownRequested}) when
 * the context stops, falling back to an immediate shutdown after the deadline.
 */
final class SwipeStreamConsumer implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(SwipeStreamConsumer.class);

    private final KinesisAsyncClient kinesis;
    private final DynamoDbAsyncClient dynamoDb;
    private final CloudWatchAsyncClient cloudWatch;
    private final String streamName;
    private final AccessStreamProperties properties;
    private final ShardRecordProcessorFactory processors;
    private final ConsumerProgress progress;
    private final KclLeaseBootstrap bootstrap;
    private volatile Scheduler scheduler;
    private volatile Thread thread;
    private final Object runGate = new Object();
    private boolean stopping;
    private boolean ran;

    SwipeStreamConsumer(
            KinesisAsyncClient kinesis,
            DynamoDbAsyncClient dynamoDb,
            CloudWatchAsyncClient cloudWatch,
            String streamName,
            AccessStreamProperties properties,
            ShardRecordProcessorFactory processors,
            ConsumerProgress progress,
            KclLeaseBootstrap bootstrap) {
        this.kinesis = kinesis;
        this.dynamoDb = dynamoDb;
        this.cloudWatch = cloudWatch;
        this.streamName = streamName;
        this.properties = properties;
        this.processors = processors;
        this.progress = progress;
        this.bootstrap = bootstrap;
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        synchronized (runGate) {
            stopping = false;
            ran = false;
        }
        progress.schedulerStarting();
        var configs = configs();
        var newScheduler = scheduler(configs);
        scheduler = newScheduler;
        thread = Thread.ofPlatform().name("kcl-scheduler").daemon(true).start(() -> {
            if (properties.kcl().bootstrapLeases()) {
                bootstrap.createLeasesIfTableEmpty(configs);
            }
            synchronized (runGate) {
                if (stopping) {
                    return;
                }
                ran = true;
            }
            newScheduler.run();
        });
        LOG.info(
                "KCL scheduler starting: application {}, stream {}, worker {}",
                configs.applicationName(),
                streamName,
                configs.workerIdentifier());
    }

    @Override
    public synchronized void stop() {
        var running = scheduler;
        if (running == null) {
            return;
        }
        var deadline = properties.kcl().shutdownTimeout();
        boolean schedulerRan;
        synchronized (runGate) {
            stopping = true;
            schedulerRan = ran;
        }
        if (schedulerRan) {
            shutDown(running, deadline);
        }
        try {
            thread.join(deadline.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scheduler = null;
        thread = null;
    }

    private static void shutDown(Scheduler running, Duration deadline) {
        try {
            var done = running.startGracefulShutdown().get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("KCL scheduler shut down gracefully: {}", done);
        } catch (TimeoutException e) {
            LOG.warn("KCL graceful shutdown took longer than {}; shutting down now", deadline);
            running.shutdown();
        } catch (ExecutionException e) {
            LOG.warn("KCL graceful shutdown failed; shutting down now", e.getCause());
            running.shutdown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.shutdown();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    /** True while the scheduler's thread runs: KCL's run loop returns only on shutdown or a failed initialisation. */
    boolean schedulerAlive() {
        var running = thread;
        return running != null && running.isAlive();
    }

    /**
     * Replaces the scheduler with a new one, unless the context has stopped the consumer meanwhile. For the watch,
     * when the scheduler died or lost its lease table: a Scheduler cannot be run twice.
     */
    synchronized void restartIfRunning() {
        if (scheduler == null) {
            return;
        }
        stop();
        start();
    }

    private ConfigsBuilder configs() {
        var position = InitialPositionInStreamExtended.newInitialPosition(
                InitialPositionInStream.valueOf(properties.kcl().initialPosition()));
        return new ConfigsBuilder(
                new SingleStreamTracker(streamName, position),
                properties.kclApplicationName(),
                kinesis,
                dynamoDb,
                cloudWatch,
                workerId(),
                processors);
    }

    private Scheduler scheduler(ConfigsBuilder configs) {
        var kcl = properties.kcl();
        var leases = configs.leaseManagementConfig()
                .failoverTimeMillis(kcl.failoverTime().toMillis())
                .leaseAssignmentIntervalMillis(kcl.leaseAssignmentInterval().toMillis())
                .shardSyncIntervalMillis(kcl.shardSyncInterval().toMillis())
                .dynamoDbLockBasedLeaderLeaseDurationInMillis(
                        kcl.leaderLockDuration().toMillis())
                .dynamoDbLockBasedLeaderHeartbeatPeriodInMillis(
                        kcl.leaderLockHeartbeat().toMillis());
        // The first report goes out two capture intervals after start, and the leader assigns leases only to
        // workers that have reported: capture at most a quarter of the report interval (KCL's default: 1 s).
        var reportMillis = kcl.workerMetricsReportInterval().toMillis();
        leases.workerUtilizationAwareAssignmentConfig()
                .workerMetricsReporterFreqInMillis(reportMillis)
                .inMemoryWorkerMetricsCaptureFrequencyMillis(Math.max(50, Math.min(1000, reportMillis / 4)));
        var coordinator = configs.coordinatorConfig()
                .shardConsumerDispatchPollIntervalMillis(
                        kcl.dispatchPollInterval().toMillis())
                .workerStateChangeListener(progress);
        var retrieval = configs.retrievalConfig()
                .retrievalSpecificConfig(new PollingConfig(streamName, kinesis)
                        .idleTimeBetweenReadsInMillis(kcl.idleTimeBetweenReads().toMillis()));
        var metrics = configs.metricsConfig().metricsLevel(MetricsLevel.valueOf(kcl.metricsLevel()));
        return new Scheduler(
                configs.checkpointConfig(),
                coordinator,
                leases,
                configs.lifecycleConfig(),
                metrics,
                configs.processorConfig(),
                retrieval);
    }

    private static String workerId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + ":" + UUID.randomUUID();
    }
}
