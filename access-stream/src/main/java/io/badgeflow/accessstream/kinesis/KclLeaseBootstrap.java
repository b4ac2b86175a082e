package io.badgeflow.accessstream.kinesis;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.kinesis.common.ConfigsBuilder;
import software.amazon.kinesis.coordinator.streamInfo.StreamIdCache;
import software.amazon.kinesis.coordinator.streamInfo.StreamIdOnboardingState;
import software.amazon.kinesis.leases.HierarchicalShardSyncer;
import software.amazon.kinesis.leases.dynamodb.DynamoDBLeaseSerializer;
import software.amazon.kinesis.metrics.NullMetricsScope;

/**
 * Creates the shard leases with KCL's own shard syncer before the scheduler starts, when the lease table is
 * empty. KCL's {@code Scheduler.initialize()} waits a random 1-30 s while the lease table is empty (so that a
 * fleet starting together does not race to create the leases); that wait is hard-coded and is most of a local
 * start-up. With the leases present, the scheduler skips both the wait and its own initial shard sync (and the
 * idle time KCL sleeps after it). Lease creation is conditional, so several workers doing this at once is safe;
 * production keeps it off and lets KCL coordinate.
 */
final class KclLeaseBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(KclLeaseBootstrap.class);
    private static final Duration TABLE_WAIT = Duration.ofSeconds(60);
    private static final Duration TABLE_POLL = Duration.ofMillis(50);

    void createLeasesIfTableEmpty(ConfigsBuilder configs) {
        try {
            var leaseConfig = configs.leaseManagementConfig();
            if (leaseConfig.streamIdOnboardingState() != StreamIdOnboardingState.NOT_ONBOARDED) {
                return;
            }
            // KCL's shard syncer reads this process-wide cache, which Scheduler.initialize() sets up later. With
            // stream ids NOT_ONBOARDED (KCL's default, ours) the cache never consults its manager, and
            // initialize() keeps the first instance, so initialising it early with the same state is neutral.
            StreamIdCache.initialize(null, StreamIdOnboardingState.NOT_ONBOARDED);
            var factory = leaseConfig.leaseManagementFactory(new DynamoDBLeaseSerializer(), false);
            var leases = factory.createLeaseRefresher();
            leases.createLeaseTableIfNotExists();
            // KCL's own wait polls in whole seconds; a new table is usually active within milliseconds.
            var deadline = System.nanoTime() + TABLE_WAIT.toNanos();
            boolean active;
            while (!(active = leases.leaseTableExists()) && System.nanoTime() < deadline) {
                Thread.sleep(TABLE_POLL);
            }
            if (!active) {
                LOG.warn(
                        "lease table of {} not active after {}; leaving lease creation to KCL",
                        configs.applicationName(),
                        TABLE_WAIT);
                return;
            }
            if (!leases.isLeaseTableEmpty()) {
                return;
            }
            var stream = configs.streamTracker().streamConfigList().getFirst();
            var created = new HierarchicalShardSyncer()
                    .checkAndCreateLeaseForNewShards(
                            factory.createShardDetector(stream),
                            leases,
                            stream.initialPositionInStreamExtended(),
                            new NullMetricsScope(),
                            false,
                            true);
            LOG.info(
                    "created the shard leases of {} before the scheduler started: {}",
                    stream.streamIdentifier().streamName(),
                    created);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // Never fatal: the scheduler creates the leases itself, only later.
            LOG.warn("could not create the shard leases up front; KCL will: {}", e.toString());
        }
    }
}
