package io.badgeflow.accessstream.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.badgeflow.accessstream.RunningApplication;
import io.badgeflow.aws.json.SwipeStreamRecords;
import io.badgeflow.model.command.GrantAccess;
import io.badgeflow.model.command.IssueCard;
import io.badgeflow.model.command.RegisterEmployee;
import io.badgeflow.model.grant.Schedule;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * The decision path's durability promise (docs/decisions/0015): a decision a door got an answer for is on the
 * swipe stream, even when the deciding process is killed with SIGKILL right after answering, while its publication
 * is off the answer path. The process is the built service jar, started as bin/run starts it (without a stream
 * consumer, so nothing but the decision path writes), flooded from several doors' threads, and killed mid-flood.
 */
class DecisionDurabilityIntegrationTests extends RunningApplication {

    private static final int PEOPLE = 6;
    private static final int ANSWERS_BEFORE_KILL = 150;

    @Autowired
    DynamoDbEnhancedClient enhanced;

    @Autowired
    KinesisClient kinesis;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void everyAnsweredDecisionIsOnTheStreamAfterTheDecidingProcessIsKilledMidFlood() throws Exception {
        var backOffice = new BackOffice(enhanced, aws);
        var site = backOffice.site(null, 0);
        var cards = new ArrayList<String>(List.of(site.cardNumber()));
        for (var i = 1; i < PEOPLE; i++) {
            cards.add(person(backOffice, site));
        }
        var port = freePort();
        var service = startService(port);
        var answered = ConcurrentHashMap.<String>newKeySet();
        try {
            awaitAnswering(port, site, answered);
            var killed = new AtomicBoolean();
            try (var doors = Executors.newVirtualThreadPerTaskExecutor()) {
                for (var i = 0; i < cards.size() * 2; i++) {
                    // Each person at one door, going in and out; every other thread an unknown card (a refusal).
                    var card = i % 2 == 0 ? cards.get(i / 2) : "UNKNOWN-" + i;
                    doors.submit(() -> swipeUntilKilled(port, site, card, answered, killed));
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> answered.size() >= ANSWERS_BEFORE_KILL);
                service.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
                killed.set(true);
            }
            assertThat(service.waitFor(10, java.util.concurrent.TimeUnit.SECONDS))
                    .isTrue();
        } finally {
            service.destroyForcibly();
        }

        var streamed = new HashSet<String>();
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    streamed.addAll(streamedEventIds());
                    assertThat(answered)
                            .as("answered decisions missing from the stream")
                            .allMatch(streamed::contains);
                });
        assertThat(answered).hasSizeGreaterThanOrEqualTo(ANSWERS_BEFORE_KILL);
    }

    private void swipeUntilKilled(
            int port, BackOffice.Site site, String card, Set<String> answered, AtomicBoolean killed) {
        var in = true;
        while (!killed.get()) {
            var eventId = BackOffice.id();
            try {
                if (decide(port, site, eventId, card, in ? "IN" : "OUT") == 200) {
                    answered.add(eventId);
                    in = !in;
                }
            } catch (IOException | InterruptedException gone) {
                return; // the service was killed under this request: it was never answered
            }
        }
    }

    private void awaitAnswering(int port, BackOffice.Site site, Set<String> answered) {
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    var eventId = BackOffice.id();
                    try {
                        if (decide(port, site, eventId, "UNKNOWN-warm-up", "IN") == 200) {
                            answered.add(eventId);
                            return true;
                        }
                    } catch (IOException notYet) {
                        // not listening yet
                    }
                    return false;
                });
    }

    private int decide(int port, BackOffice.Site site, String eventId, String card, String direction)
            throws IOException, InterruptedException {
        var body = """
                {"eventId":"%s","cardNumber":"%s","direction":"%s","occurredAt":"%s"}""".formatted(eventId, card, direction, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        var request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/door-api/v1/doors/" + site.doorA() + "/decisions"))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header("X-Door-Key", site.keyA().reveal())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Every event id on the swipe stream now, read from the start of each shard. */
    private Set<String> streamedEventIds() {
        var stream = aws.output("SwipeStreamName");
        var ids = new HashSet<String>();
        for (var shard : kinesis.listShards(r -> r.streamName(stream)).shards()) {
            var iterator = kinesis.getShardIterator(r -> r.streamName(stream)
                            .shardId(shard.shardId())
                            .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                    .shardIterator();
            while (iterator != null) {
                var from = iterator;
                var page = kinesis.getRecords(r -> r.shardIterator(from).limit(10_000));
                page.records()
                        .forEach(record -> SwipeStreamRecords.read(record.data().asByteArray())
                                .ifPresent(streamed -> ids.add(streamed.event().eventId())));
                if (page.records().isEmpty() || (page.millisBehindLatest() != null && page.millisBehindLatest() == 0)) {
                    break;
                }
                iterator = page.nextShardIterator();
            }
        }
        return ids;
    }

    private String person(BackOffice backOffice, BackOffice.Site site) {
        var id = BackOffice.id().substring(0, 8);
        backOffice.apply(new RegisterEmployee(
                BackOffice.id(),
                "it",
                Instant.now(),
                "emp-" + id,
                "E-" + id,
                "Test",
                "Person",
                id + "@example.test",
                "Security"));
        backOffice.apply(
                new IssueCard(BackOffice.id(), "it", Instant.now(), "card-" + id, "N-" + id, "emp-" + id, null, null));
        backOffice.apply(new GrantAccess(
                BackOffice.id(),
                "it",
                Instant.now(),
                "emp-" + id,
                site.buildingId(),
                new Schedule(EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, LocalTime.of(23, 59)),
                null,
                null));
        return "N-" + id;
    }

    /** The built jar, as bin/run starts it, with no stream consumer: only the decision path writes. */
    private Process startService(int port) throws IOException {
        var java = ProcessHandle.current().info().command().orElse("java");
        var command =
                new ArrayList<>(List.of(java, "-Xmx256m", "-jar", serviceJar().toString()));
        command.add("--spring.profiles.active=local");
        command.add("--server.port=" + port);
        command.add("--badgeflow.access-stream.kcl.enabled=false");
        // as the simulator profile: no KCL worker, so no kcl component in readiness
        command.add("--management.endpoint.health.group.readiness.include=readinessState,dynamoDb,kinesis");
        aws.springProperties().forEach((key, value) -> command.add("--" + key + "=" + value));
        aws.stackProperties().forEach((key, value) -> command.add("--" + key + "=" + value));
        var log = Path.of("target", "decision-durability-service.log");
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static Path serviceJar() throws IOException {
        try (var jars = Files.list(Path.of("target"))) {
            return jars.filter(
                            jar -> jar.getFileName().toString().matches("access-stream-[0-9][^-]*(-SNAPSHOT)?\\.jar"))
                    .findFirst()
                    .orElseThrow(
                            () -> new IllegalStateException("no built access-stream jar in target/: package first"));
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
