package io.badgeflow.accessstream.simulator;

import io.badgeflow.accessstream.AccessStreamProperties;
import io.badgeflow.accessstream.offline.OfflineProperties;
import io.badgeflow.accessstream.simulator.PlannedSwipe.Kind;
import io.badgeflow.model.door.DecisionReason;
import io.badgeflow.model.door.Direction;
import io.badgeflow.model.door.DoorEventStream;
import io.badgeflow.model.door.DoorState;
import io.badgeflow.model.door.DoorStateChanged;
import io.badgeflow.model.onboarding.ImportId;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Door readers and their people, for demos and benchmarks. It provisions through the back office's public API
 * (a building, its doors, whose keys it gets by registering or rotating them, and its people with cards and
 * grants as one CSV import), then plays a profile against the real decision API at the rate it is given,
 * open loop: each request is due at its moment whatever the previous answers took. Forced doors go straight on
 * the stream, as a reader that only reports would put them. Logs progress, and a summary line a benchmark can
 * read ({@code SIMULATOR-SUMMARY {json}}).
 */
@Component
@ConditionalOnBooleanProperty("badgeflow.access-stream.simulator.enabled")
class DoorSimulator implements SmartLifecycle {

    static final String SUMMARY_PREFIX = "SIMULATOR-SUMMARY ";
    private static final Logger LOG = LoggerFactory.getLogger(DoorSimulator.class);
    private static final JsonMapper JSON = JsonMapper.shared();
    /** The share of people whose cards a MISUSE run revokes at the start (at least one). */
    private static final int REVOKED_PER_THOUSAND = 20;

    private final AccessStreamProperties.Simulator settings;
    /** Whether the doors run the door-controller library (offline fallback) instead of plain HTTP calls. */
    private final boolean controlledDoors;

    private final DoorEventStream stream;
    private final ApplicationContext context;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final LoadStats stats = new LoadStats();
    private final LoadStats warmUpStats = new LoadStats();
    private Thread runner;
    private volatile boolean running;

    DoorSimulator(
            AccessStreamProperties properties,
            OfflineProperties offline,
            DoorEventStream stream,
            ApplicationContext context) {
        this.settings = properties.simulator();
        this.controlledDoors = offline.simulatorDoors();
        this.stream = stream;
        this.context = context;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        runner = Thread.ofPlatform().name("door-simulator").start(this::run);
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        runner.interrupt();
        try {
            runner.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        var exitCode = 0;
        try {
            var site = provision();
            play(site);
        } catch (RuntimeException e) {
            if (running) {
                LOG.error("simulator stopped: {}", e.getMessage(), e);
                exitCode = 1;
            }
        }
        if (settings.exitWhenDone() && running) {
            var code = exitCode;
            Thread.ofPlatform().start(() -> System.exit(SpringApplication.exit(context, () -> code)));
        }
    }

    /** The doors and their keys, the regular people's cards and the revoked ones, as the back office has them. */
    private Site provision() {
        var backOffice = new BackOfficeClient(http, settings.adminUrl());
        backOffice.signIn(settings.adminUser(), settings.adminPassword());
        var building = settings.buildingId();
        backOffice.ensureBuilding(building);
        var doors = new ArrayList<String>();
        var keys = new ArrayList<String>();
        for (var i = 1; i <= settings.doors(); i++) {
            var doorId = building + "-door-" + i;
            doors.add(doorId);
            keys.add(backOffice.doorKey(building, doorId));
        }
        var csv = peopleCsv(building, settings.people());
        LOG.info("simulator: importing {} people into {}", settings.people(), building);
        backOffice.importPeople(csv);
        var importId = ImportId.of(csv.getBytes(StandardCharsets.UTF_8));
        var cards = new ArrayList<String>();
        var revoked = new ArrayList<String>();
        var revokeFrom = settings.playing() == Profile.MISUSE
                ? settings.people() - Math.max(1, settings.people() * REVOKED_PER_THOUSAND / 1000)
                : settings.people();
        for (var row = 1; row <= settings.people(); row++) {
            if (row > revokeFrom) {
                backOffice.revokeCard(
                        UUID.nameUUIDFromBytes(("card:" + importId + ":" + row).getBytes(StandardCharsets.UTF_8))
                                .toString());
                revoked.add(cardNumber(building, row));
            } else {
                cards.add(cardNumber(building, row));
            }
        }
        LOG.info(
                "simulator: {} doors, {} people ({} cards revoked) ready in {}; playing {} at {}/s",
                doors.size(),
                cards.size(),
                revoked.size(),
                building,
                settings.profile(),
                settings.ratePerSecond());
        var controllers = controlledDoors ? controlled(building, doors, keys) : null;
        return new Site(building, doors, keys, new Population(cards, revoked), controllers);
    }

    /** The doors as controllers; without them (a service that serves no lists) as plain callers, said once. */
    private ControlledDoors controlled(String building, List<String> doors, List<String> keys) {
        try {
            return new ControlledDoors(http, settings.baseUrl(), building, doors, keys);
        } catch (RuntimeException e) {
            LOG.warn("simulator: the doors call the decision API directly, without offline lists: {}", e.getMessage());
            return null;
        }
    }

    private void play(Site site) {
        var plan = new SwipePlan(settings.playing(), site.people(), site.doors().size(), new SplittableRandom());
        var warmingUntil = System.nanoTime() + settings.warmUp().toNanos();
        if (!settings.warmUp().isZero()) {
            LOG.info("simulator: warming up for {}", settings.warmUp());
        }
        var started = warmingUntil;
        var lastProgress = started;
        long due = System.nanoTime();
        long sent = 0;
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            while (running && !finished(plan, System.nanoTime() < warmingUntil ? 0 : sent, started)) {
                due += periodNanos(site);
                LockSupport.parkNanos(due - System.nanoTime());
                if (Thread.currentThread().isInterrupted()) {
                    break;
                }
                var next = plan.next();
                if (next.isPresent()) {
                    sent++;
                    var swipe = next.get();
                    var dueAt = due;
                    var counted = dueAt >= warmingUntil;
                    senders.execute(() -> perform(site, swipe, dueAt, counted ? stats : warmUpStats));
                }
                if (System.nanoTime() - lastProgress
                        >= settings.progressInterval().toNanos()) {
                    lastProgress = System.nanoTime();
                    LOG.info("simulator: {} inside, {}", site.people().insideCount(), stats.summary(seconds(started)));
                }
            }
            senders.shutdown();
            senders.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (site.controllers() != null) {
                site.controllers().close();
            }
        }
        var summary = stats.summary(seconds(started));
        summary.put("profile", settings.profile());
        summary.put("people", settings.people());
        summary.put("inside", site.people().insideCount());
        LOG.info("simulator finished: {}", summary);
        System.out.println(SUMMARY_PREFIX + JSON.writeValueAsString(summary));
    }

    private boolean finished(SwipePlan plan, long sent, long started) {
        return plan.finished()
                || settings.count() > 0 && sent >= settings.count()
                || settings.duration() != null
                        && System.nanoTime() - started >= settings.duration().toNanos();
    }

    /** The gap between two actions; an evacuation's exits are spread over its window. */
    private long periodNanos(Site site) {
        if (settings.playing() == Profile.EVACUATION && site.people().everyoneEntered()) {
            return settings.evacuationWindow().toNanos()
                    / Math.max(1, site.people().size());
        }
        return (long) (1_000_000_000L / settings.ratePerSecond());
    }

    private void perform(Site site, PlannedSwipe swipe, long dueNanos, LoadStats stats) {
        var doorId = site.doors().get(swipe.door());
        try {
            if (swipe.kind() == Kind.FORCED_DOOR) {
                stream.publish(new DoorStateChanged(
                        UUID.randomUUID().toString(), doorId, site.buildingId(), DoorState.FORCED, Instant.now()));
                stats.forcedDoor();
                return;
            }
            if (site.controllers() != null) {
                var result = site.controllers().swipe(swipe.door(), swipe.cardNumber(), swipe.direction());
                stats.answered(result.reason().name(), System.nanoTime() - dueNanos);
                var insideByTheDoors =
                        result.reason() == DecisionReason.ANTI_PASSBACK && swipe.direction() == Direction.IN;
                settle(site, swipe, result.granted() || insideByTheDoors);
                return;
            }
            var body = JSON.writeValueAsString(Map.of(
                    "eventId",
                    UUID.randomUUID().toString(),
                    "cardNumber",
                    swipe.cardNumber(),
                    "direction",
                    swipe.direction().name(),
                    "occurredAt",
                    Instant.now().toString()));
            var request = HttpRequest.newBuilder(
                            BaseUrls.under(settings.baseUrl(), "/door-api/v1/doors/" + doorId + "/decisions"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("X-Door-Key", site.keys().get(swipe.door()))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            var latency = System.nanoTime() - dueNanos;
            if (response.statusCode() != 200) {
                stats.failed();
                settle(site, swipe, false);
                LOG.debug("simulator: {} answered {}", doorId, response.body());
                return;
            }
            var answer = JSON.readTree(response.body());
            var reason = answer.get("reason").asString();
            stats.answered(reason, latency);
            // Refused for anti-passback, the person is inside as far as the doors know (an earlier entry whose
            // answer timed out here was granted after all): the simulator takes the doors' word for it.
            var insideByTheDoors = "ANTI_PASSBACK".equals(reason) && swipe.direction() == Direction.IN;
            settle(site, swipe, "GRANTED".equals(answer.get("decision").asString()) || insideByTheDoors);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            stats.failed();
            settle(site, swipe, false);
            LOG.debug("simulator: passage at {} failed: {}", doorId, e.toString());
        }
    }

    /** Where the person is after the answer: a granted entry is in, a granted exit out, a refusal unchanged. */
    private static void settle(Site site, PlannedSwipe swipe, boolean granted) {
        if (swipe.person() < 0) {
            return;
        }
        var wasInside = swipe.kind() == Kind.TAILGATE || swipe.direction() == Direction.OUT;
        var nowInside = granted ? swipe.direction() == Direction.IN : wasInside;
        site.people().settle(swipe.person(), nowInside);
    }

    static String peopleCsv(String building, int people) {
        var csv = new StringBuilder(
                "employee number,given name,family name,email,department,building codes," + "card number\n");
        for (var row = 1; row <= people; row++) {
            csv.append("%s-E%06d,Sim,Person %d,sim.%d@example.test,Simulation,%s,%s\n"
                    .formatted(building, row, row, row, building, cardNumber(building, row)));
        }
        return csv.toString();
    }

    static String cardNumber(String building, int row) {
        return "%s-C%06d".formatted(building, row);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** {@code controllers} null: the doors call the decision API themselves, as the benchmarks measure it. */
    private record Site(
            String buildingId, List<String> doors, List<String> keys, Population people, ControlledDoors controllers) {}
}
