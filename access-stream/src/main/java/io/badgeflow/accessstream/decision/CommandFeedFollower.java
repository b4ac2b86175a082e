package io.badgeflow.accessstream.decision;

import io.badgeflow.accessstream.AccessStreamProperties;
import io.badgeflow.model.command.CommandFeed;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Follows the back office's finished commands and makes the decision path forget what each one changed. Each
 * poll asks from a little before the start of the last poll that succeeded, so neither index lag nor a failed
 * poll loses a command; a command seen again is not forgotten twice.
 *
 * <p>Publishes {@code badgeflow.decisions.change.lag}: from a command's finish to the moment decisions stop
 * using what it changed; and {@code badgeflow.commands.apply.latency}: from the back office accepting a command to
 * card-events having applied (or rejected) it, read from the feed so that the functions need no metrics client.
 * Hands each revoking command to the {@link RevocationWatch}, which times it to its first use at a door.
 */
final class CommandFeedFollower implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(CommandFeedFollower.class);
    private static final int SEEN_LIMIT = 100_000;
    /** Beyond this since the last successful read, the follower forgets everything instead of catching up. */
    static final Duration MAX_CATCH_UP = Duration.ofMinutes(1);
    /** The longest pause between polls while the feed fails: also how late a recovery is noticed at most. */
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final CommandFeed feed;
    private final RememberedBackOffice backOffice;
    private final BackOfficeChanges changes;
    private final Clock clock;
    private final Duration interval;
    private final Duration overlap;
    private final Timer lag;
    private final Timer applyLatency;
    private final RevocationWatch revocations;
    private final Set<String> seen = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > SEEN_LIMIT;
        }
    });
    private ScheduledExecutorService executor;
    private Instant lastSuccessfulStart;
    private volatile boolean running;
    /** Failed polls in a row; while above 0 the follower waits longer between polls and logs only the change. */
    private int failures;

    private Instant nextAttempt = Instant.MIN;

    CommandFeedFollower(
            CommandFeed feed,
            RememberedBackOffice backOffice,
            BackOfficeChanges changes,
            Clock clock,
            AccessStreamProperties.Decisions settings,
            MeterRegistry meters) {
        this(feed, backOffice, changes, clock, settings, meters, new RevocationWatch(meters, clock));
    }

    CommandFeedFollower(
            CommandFeed feed,
            RememberedBackOffice backOffice,
            BackOfficeChanges changes,
            Clock clock,
            AccessStreamProperties.Decisions settings,
            MeterRegistry meters,
            RevocationWatch revocations) {
        this.feed = feed;
        this.revocations = revocations;
        this.backOffice = backOffice;
        this.changes = changes;
        this.clock = clock;
        this.interval = settings.feedInterval();
        this.overlap = settings.feedOverlap();
        this.lag = Timer.builder("badgeflow.decisions.change.lag")
                .description("From a back-office command's finish to the decision path forgetting what it changed")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
        this.applyLatency = Timer.builder("badgeflow.commands.apply.latency")
                .description("From the back office accepting a command to card-events having finished it")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        lastSuccessfulStart = clock.instant();
        executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("command-feed").daemon().factory());
        executor.scheduleWithFixedDelay(this::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        executor.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Public for tests, which poll on their own schedule. */
    void poll() {
        var start = clock.instant();
        if (start.isBefore(nextAttempt)) {
            return;
        }
        if (Duration.between(lastSuccessfulStart, start).compareTo(MAX_CATCH_UP) > 0) {
            // The feed failed for long: reading every second since is dearer than reading the back office again.
            LOG.warn(
                    "decisions: the command feed was last read at {}; forgetting everything remembered",
                    lastSuccessfulStart);
            backOffice.forgetAll();
            changes.changed(start);
            lastSuccessfulStart = start;
        }
        try {
            for (var command : feed.finishedSince(lastSuccessfulStart.minus(overlap))) {
                if (seen.add(command.commandId())) {
                    backOffice.forget(command);
                    changes.changed(clock.instant());
                    revocations.changed(command);
                    if (command.acceptedAt() != null && !command.finishedAt().isBefore(command.acceptedAt())) {
                        applyLatency.record(Duration.between(command.acceptedAt(), command.finishedAt()));
                    }
                    if (command.finishedAt() != null) {
                        lag.record(Duration.between(command.finishedAt(), clock.instant())
                                .abs());
                    }
                }
            }
            lastSuccessfulStart = start;
            if (failures > 0) {
                LOG.info("decisions: the command feed answers again, after {} failed polls", failures);
            }
            failures = 0;
            nextAttempt = Instant.MIN;
        } catch (RuntimeException e) {
            if (!running || Thread.currentThread().isInterrupted()) {
                return; // stopping: the interrupted read says nothing about the feed
            }
            failures++;
            // Once per outage, not once per poll: the next polls fail the same way until the store is back.
            if (failures == 1) {
                LOG.warn(
                        "decisions: the command feed did not answer ({}); asking again from {}, less often while it"
                                + " fails",
                        e.toString(),
                        lastSuccessfulStart.minus(overlap));
            }
            nextAttempt = start.plus(backoff(failures));
        }
    }

    /** The interval, doubled per failure in a row, at most {@link #MAX_BACKOFF}. */
    private Duration backoff(int failuresInARow) {
        var wait = interval.multipliedBy(1L << Math.min(failuresInARow, 16));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }
}
