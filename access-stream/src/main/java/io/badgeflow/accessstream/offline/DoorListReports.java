package io.badgeflow.accessstream.offline;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.badgeflow.model.alarm.Alarm;
import io.badgeflow.model.alarm.AlarmLedger;
import io.badgeflow.model.alarm.AlarmPublisher;
import io.badgeflow.model.door.AlarmType;
import io.badgeflow.model.door.DoorRegistry;
import io.badgeflow.model.offline.DoorListStatus;
import io.badgeflow.model.offline.DoorListStatuses;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * What this process hears of the doors' allow-lists: the version each door reports with its requests, and when a
 * fetch confirmed a door's list current. Kept in memory as heard (no store call on a door's request), written to
 * the doors' rows every {@link OfflineProperties#statusFlush} for the live page and the other instances, and
 * checked every {@link OfflineProperties#staleCheck}: a door whose list was last confirmed longer ago than
 * {@link OfflineProperties#staleAfter} (by any instance, as stored) raises ALLOW_LIST_STALE, once per confirmation.
 */
final class DoorListReports implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(DoorListReports.class);

    private final DoorListStatuses store;
    private final DoorRegistry doors;
    private final AlarmLedger ledger;
    private final AlarmPublisher publisher;
    private final Clock clock;
    private final OfflineProperties settings;
    private final Cache<String, DoorListStatus> heard;
    private final Set<String> changed = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService executor;
    private volatile boolean running;

    DoorListReports(
            DoorListStatuses store,
            DoorRegistry doors,
            AlarmLedger ledger,
            AlarmPublisher publisher,
            Clock clock,
            OfflineProperties settings) {
        this.store = store;
        this.doors = doors;
        this.ledger = ledger;
        this.publisher = publisher;
        this.clock = clock;
        this.settings = settings;
        this.heard = Caffeine.newBuilder().maximumSize(settings.maxDoors()).build();
    }

    /** The door (authenticated) says it holds {@code version}. */
    void reported(String doorId, long version) {
        merge(new DoorListStatus(doorId, version, clock.instant(), null));
    }

    /** The door (authenticated) was just given its current list, {@code version}. */
    void confirmed(String doorId, long version) {
        var now = clock.instant();
        merge(new DoorListStatus(doorId, version, now, now));
    }

    private void merge(DoorListStatus news) {
        heard.asMap().merge(news.doorId(), news, DoorListStatus::merge);
        changed.add(news.doorId());
    }

    /** Writes what changed since the last flush. Package-private for tests, which flush on their own. */
    void flush() {
        for (var doorId : List.copyOf(changed)) {
            changed.remove(doorId);
            var status = heard.getIfPresent(doorId);
            if (status != null) {
                store.record(status);
            }
        }
    }

    /** Raises ALLOW_LIST_STALE for the doors whose list is stale as stored. Package-private for tests. */
    List<Alarm> checkStaleness() {
        var now = clock.instant();
        var candidates = heard.asMap().values().stream()
                .filter(status -> status.isStale(now, settings.staleAfter()))
                .map(DoorListStatus::doorId)
                .toList();
        var raised = new ArrayList<Alarm>();
        if (candidates.isEmpty()) {
            return raised;
        }
        for (var stored : store.of(candidates)) {
            var status = stored.merge(heard.getIfPresent(stored.doorId()));
            heard.put(status.doorId(), status);
            if (!status.isStale(now, settings.staleAfter())) {
                continue;
            }
            var door = doors.find(status.doorId());
            if (door.isEmpty()) {
                heard.invalidate(status.doorId());
                continue;
            }
            // One alarm per confirmation a door falls behind on: the same id from every instance and every check.
            var alarmId =
                    Alarm.idOf(status.doorId() + "#" + status.confirmedAt().toEpochMilli(), AlarmType.ALLOW_LIST_STALE);
            if (ledger.published(alarmId)) {
                continue;
            }
            var alarm = new Alarm(
                    alarmId,
                    AlarmType.ALLOW_LIST_STALE,
                    status.doorId(),
                    door.get().buildingId(),
                    alarmId,
                    null,
                    null,
                    null,
                    status.confirmedAt(),
                    now);
            publisher.publish(alarm);
            ledger.markPublished(alarm);
            raised.add(alarm);
        }
        return raised;
    }

    /** What this process knows of a door (for tests). */
    DoorListStatus heardOf(String doorId) {
        return heard.getIfPresent(doorId);
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("door-list-status").daemon().factory());
        executor.scheduleWithFixedDelay(
                () -> quietly("write the doors' list statuses", this::flush),
                settings.statusFlush().toMillis(),
                settings.statusFlush().toMillis(),
                TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(
                () -> quietly("check the doors' lists for staleness", this::checkStaleness),
                settings.staleCheck().toMillis(),
                settings.staleCheck().toMillis(),
                TimeUnit.MILLISECONDS);
        running = true;
    }

    private static void quietly(String what, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            // The next round tries again; a store outage is reported by the health checks, not here each time.
            LOG.debug("could not {}: {}", what, e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        executor.shutdownNow();
        quietly("write the doors' list statuses", this::flush);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    Instant now() {
        return clock.instant();
    }
}
