package io.badgeflow.accessstream.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.badgeflow.aws.testing.RestartableEmulator;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The AWS endpoint goes away under load and comes back: access-stream says so (readiness DOWN, 503 with
 * Retry-After), keeps its liveness, recovers by itself once the endpoint answers again (no restart), and loses no
 * swipe it accepted. Runs on an emulator of its own (the shared one serves the other tests), stopped and started
 * as an operator would (its state kept), then deployed to again as bin/run would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@DirtiesContext
class EmulatorRestartIntegrationTests {

    private static final String STACKS = "keys,topics,artifacts,storage,messaging,stream,identity";
    private static final RestartableEmulator EMULATOR = RestartableEmulator.start(STACKS);
    private static final String STAGE = "it-restart-"
            + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    private static final Duration OUTAGE = Duration.ofSeconds(8);

    @LocalServerPort
    int port;

    @Autowired
    DynamoDbEnhancedClient enhanced;

    @Autowired
    DynamoDbClient dynamoDb;

    @DynamicPropertySource
    static void aws(DynamicPropertyRegistry registry) {
        var aws = EMULATOR.environment();
        aws.springProperties().forEach((key, value) -> registry.add(key, () -> value));
        aws.stackProperties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("badgeflow.access-stream.stage", () -> STAGE);
        registry.add("badgeflow.health.probe-cache", () -> "500ms");
        registry.add("badgeflow.access-stream.kcl.watch-interval", () -> "1s");
    }

    @AfterAll
    static void stopEmulator() {
        EMULATOR.close();
    }

    @Test
    void saysItIsDownWhileTheEndpointIsGoneAndRecoversByItselfWithoutLosingAnAcceptedSwipe() throws Exception {
        var site = new BackOffice(enhanced, EMULATOR.environment()).site(null, 0);
        var leaseTable = "badgeflow-" + STAGE + "-access-stream";
        await("a shard lease with an owner in " + leaseTable)
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> dynamoDb.scan(r -> r.tableName(leaseTable).consistentRead(true)).items().stream()
                        .anyMatch(item -> item.containsKey("leaseOwner")));
        await("readiness UP").atMost(Duration.ofSeconds(30)).until(() -> status("/readyz") == 200);

        var load = new Load(site);
        var doors = Thread.ofPlatform().name("door-load").start(load);
        try {
            await("accepted swipes before the outage")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> load.accepted.size() >= 20);

            EMULATOR.stop();
            var stopped = Instant.now();
            await("readiness DOWN").atMost(Duration.ofSeconds(15)).until(() -> status("/readyz") == 503);
            var downAfter = Duration.between(stopped, Instant.now());
            await("a 503 with Retry-After to a door")
                    .atMost(Duration.ofSeconds(15))
                    .until(() -> load.unavailableWithRetryAfter.get() > 0);
            assertThat(status("/livez"))
                    .as("liveness knows nothing of the dependencies")
                    .isEqualTo(200);
            var rest = OUTAGE.minus(Duration.between(stopped, Instant.now()));
            if (!rest.isNegative()) {
                Thread.sleep(rest); // the outage itself: this is what the test simulates, not a wait for a result
            }

            EMULATOR.startAgain();
            var back = Instant.now();
            var acceptedBefore = load.accepted.size();
            await("readiness UP again, by itself")
                    .atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> status("/readyz") == 200);
            var readyAfter = Duration.between(back, Instant.now());
            await("swipes accepted again")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> load.accepted.size() > acceptedBefore + 5);
            var servingAfter = Duration.between(back, Instant.now());
            System.out.printf(
                    "recovery after an emulator restart: readiness DOWN %d ms after the stop; after the start,"
                            + " serving again in %d ms, readiness UP in %d ms%n",
                    downAfter.toMillis(), servingAfter.toMillis(), readyAfter.toMillis());
            assertThat(readyAfter).isLessThan(Duration.ofSeconds(60));

            assertThat(EMULATOR.deployAgain())
                    .as("the deploy script finds every stack as it left it")
                    .isEqualTo(EMULATOR.environment().outputs());
        } finally {
            load.stop.set(true);
            doors.join(Duration.ofSeconds(10));
        }

        assertThat(load.failures)
                .as("answers other than 2xx or 503 with Retry-After")
                .isEmpty();
        var swipesTable = EMULATOR.environment().output("SwipesTableName");
        var accepted = Set.copyOf(load.accepted);
        await("every accepted swipe in " + swipesTable)
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(storedEventIds(swipesTable)).containsAll(accepted));
    }

    private Set<String> storedEventIds(String table) {
        var ids = new HashSet<String>();
        dynamoDb.scanPaginator(r -> r.tableName(table).consistentRead(true)).items().stream()
                .map(item -> item.get("eventId"))
                .filter(value -> value != null)
                .map(AttributeValue::s)
                .forEach(ids::add);
        return ids;
    }

    private int status(String path) {
        try {
            return http().get()
                    .uri(path)
                    .exchange((request, response) -> response.getStatusCode().value());
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private RestClient http() {
        return RestClient.create("http://127.0.0.1:" + port);
    }

    /**
     * A door reader's traffic, alternately a decision (entry or exit) and a plain swipe, each with a new event id,
     * about 30 a second, pausing as Retry-After asks. Records every event id answered with 2xx.
     */
    private final class Load implements Runnable {
        final BackOffice.Site site;
        final AtomicBoolean stop = new AtomicBoolean();
        final Set<String> accepted = ConcurrentHashMap.newKeySet();
        final AtomicInteger unavailableWithRetryAfter = new AtomicInteger();
        final List<String> failures = new CopyOnWriteArrayList<>();

        Load(BackOffice.Site site) {
            this.site = site;
        }

        @Override
        public void run() {
            var decisions = true;
            var direction = "IN";
            while (!stop.get()) {
                var eventId = BackOffice.id();
                var path = decisions ? "decisions" : "swipes";
                try {
                    var answer = http().post()
                            .uri("/door-api/v1/doors/{doorId}/" + path, site.doorA())
                            .header("X-Door-Key", site.keyA().reveal())
                            .contentType(MediaType.APPLICATION_JSON)
                            .body("""
                                    {"eventId": "%s", "cardNumber": "%s", "direction": "%s", "occurredAt": "%s"}""".formatted(eventId, site.cardNumber(), direction, now()))
                            .exchange((request, response) -> new Answer(
                                    response.getStatusCode().value(),
                                    response.getHeaders().getFirst("Retry-After"),
                                    String.valueOf(response.getHeaders().getContentType())));
                    if (answer.status() / 100 == 2) {
                        accepted.add(eventId);
                        direction = direction.equals("IN") ? "OUT" : "IN";
                        decisions = !decisions;
                    } else if (answer.status() == 503 && answer.retryAfter() != null) {
                        unavailableWithRetryAfter.incrementAndGet();
                        assertThat(answer.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                        Thread.sleep(Long.parseLong(answer.retryAfter()) * 1000);
                    } else {
                        failures.add(path + " " + answer);
                    }
                    Thread.sleep(20); // a busy door, not a benchmark: the machine runs the emulator too
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException | AssertionError e) {
                    failures.add(path + " " + e);
                }
            }
        }
    }

    record Answer(int status, String retryAfter, String contentType) {}

    /** Now, or a minute earlier in the last minute of a UTC day, which the every-day grant (to 23:59) leaves out. */
    private static Instant now() {
        var now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return LocalTime.ofInstant(now, ZoneOffset.UTC).isBefore(LocalTime.of(23, 59)) ? now : now.minusSeconds(60);
    }
}
