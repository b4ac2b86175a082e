package io.badgeflow.accessstream.simulator;

import io.badgeflow.accessstream.AccessStreamProperties;
import io.badgeflow.model.door.DeviceKey;
import io.badgeflow.model.door.DeviceKeyHash;
import io.badgeflow.model.door.Direction;
import io.badgeflow.model.door.Door;
import io.badgeflow.model.door.DoorRegistry;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * A door that swipes: provisions one demo door with a fresh device key, then posts swipes to the swipe API over
 * real HTTP at a fixed rate, cycling through a set of cards and alternating IN and OUT per card. Logs progress
 * periodically and a summary when it stops. Starts after the web server (last lifecycle phase), so it can drive
 * the API of its own process.
 */
@Component
@ConditionalOnBooleanProperty("badgeflow.access-stream.simulator.enabled")
class DoorSimulator implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(DoorSimulator.class);

    private final DoorRegistry doors;
    private final AccessStreamProperties.Simulator settings;
    private final RestClient http;
    private final Direction[] lastDirection;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private ScheduledExecutorService executor;
    private DeviceKey key;
    private long startedNanos;
    private volatile boolean running;

    DoorSimulator(DoorRegistry doors, AccessStreamProperties properties, ObjectProvider<RestClient.Builder> http) {
        this.doors = doors;
        this.settings = properties.simulator();
        this.http = http.getIfAvailable(RestClient::builder).baseUrl(settings.baseUrl().toString()).build();
        this.lastDirection = new Direction[settings.cards()];
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        key = DeviceKey.generate();
        doors.register(new Door(settings.doorId(), settings.buildingId(), DeviceKeyHash.of(key)));
        LOG.info("simulator: door {} of building {} provisioned; swiping {} cards at {}/s to {}",
                settings.doorId(), settings.buildingId(), settings.cards(), settings.ratePerSecond(),
                settings.baseUrl());
        startedNanos = System.nanoTime();
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("door-simulator").factory());
        var periodNanos = (long) (1_000_000_000L / settings.ratePerSecond());
        executor.scheduleAtFixedRate(this::swipeOnce, 0, periodNanos, TimeUnit.NANOSECONDS);
        var progressMillis = settings.progressInterval().toMillis();
        executor.scheduleAtFixedRate(() -> LOG.info("simulator: {}", summary()), progressMillis, progressMillis,
                TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("simulator stopped: {}", summary());
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Sent, accepted (202), rejected (4xx) and failed (5xx or no answer) swipes so far. */
    Map<String, Long> summary() {
        var summary = new LinkedHashMap<String, Long>();
        summary.put("sent", sent.get());
        summary.put("accepted", accepted.get());
        summary.put("rejected", rejected.get());
        summary.put("failed", failed.get());
        summary.put("seconds", (System.nanoTime() - startedNanos) / 1_000_000_000L);
        return summary;
    }

    private void swipeOnce() {
        if (finished()) {
            LOG.info("simulator finished: {}", summary());
            executor.shutdown();
            return;
        }
        var card = (int) (sent.getAndIncrement() % settings.cards());
        var direction = lastDirection[card] == Direction.IN ? Direction.OUT : Direction.IN;
        lastDirection[card] = direction;
        var body = Map.of("eventId", UUID.randomUUID().toString(), "cardNumber", "SIM-%05d".formatted(card + 1),
                "direction", direction.name(), "occurredAt", Instant.now().toString());
        try {
            var status = http.post().uri("/api/v1/doors/{doorId}/swipes", settings.doorId())
                    .header("X-Door-Key", key.reveal()).contentType(MediaType.APPLICATION_JSON).body(body)
                    .exchange((request, response) -> response.getStatusCode());
            if (status.is2xxSuccessful()) {
                accepted.incrementAndGet();
            } else if (status.is4xxClientError()) {
                rejected.incrementAndGet();
            } else {
                failed.incrementAndGet();
            }
        } catch (RuntimeException e) {
            failed.incrementAndGet();
            LOG.debug("simulator: swipe not delivered: {}", e.toString());
        }
    }

    private boolean finished() {
        var countReached = settings.count() > 0 && sent.get() >= settings.count();
        var timeUp = settings.duration() != null
                && System.nanoTime() - startedNanos >= settings.duration().toNanos();
        return countReached || timeUp;
    }
}
