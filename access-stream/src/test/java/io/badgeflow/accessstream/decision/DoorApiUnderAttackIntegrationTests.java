package io.badgeflow.accessstream.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.accessstream.RunningApplication;
import io.badgeflow.accessstream.limit.DoorRateLimit;
import io.badgeflow.model.door.DeviceKey;
import io.badgeflow.model.door.DeviceKeyHash;
import io.badgeflow.model.door.Door;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/**
 * The hardened door API over HTTP, against the running service: an oversized body (413), a flood from one source
 * (429 with Retry-After), 10,000 made-up door ids (401, bounded memory), a wrong-key storm (401) and a door over
 * its own rate (429), each as problem+json, while a genuine reader elsewhere keeps getting its 200. Sources are told
 * apart by X-Forwarded-For, as the load balancer sets it (the local profile trusts loopback as the proxy).
 */
class DoorApiUnderAttackIntegrationTests extends RunningApplication {

    /** badgeflow.access-stream.decisions.max-refusals of the test context (RunningApplication). */
    private static final long MAX_REFUSALS = 1_000;

    private static final String PROBLEM = "application/problem+json";

    @Autowired
    DynamoDbEnhancedClient enhanced;

    @Autowired
    RememberedBackOffice memory;

    @Autowired
    DoorRateLimit doorLimit;

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private BackOffice.Site site;
    private String direction = "IN";

    @BeforeEach
    void site() {
        site = new BackOffice(enhanced, aws).site(null, 0);
    }

    @Test
    void refusesAnOversizedBodyWith413AndStillAnswersAGoodReader() throws Exception {
        var oversized = ("{\"pad\": \"" + "x".repeat(8 * 1024) + "\"}").getBytes();
        var declared = send(decision(site.doorA(), site.keyA().reveal(), "203.0.113.10")
                .POST(HttpRequest.BodyPublishers.ofByteArray(oversized))
                .build());
        // No Content-Length: the body arrives chunked and is cut off at the cap while it is read.
        var chunked = send(decision(site.doorA(), site.keyA().reveal(), "203.0.113.10")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(oversized)))
                .build());

        assertThat(List.of(declared, chunked)).allSatisfy(answer -> assertProblem(answer, 413));
        assertThat(good().statusCode()).isEqualTo(200);
    }

    @Test
    void answersAFloodFromOneSourceWith429AndRetryAfterWhileAnotherSourceIsServed() throws Exception {
        var flooder = "203.0.113.66";
        var goodDuringFlood = new CopyOnWriteArrayList<Integer>();

        var answers = storm(2_000, i -> {
            if (i % 400 == 0) {
                goodDuringFlood.add(good().statusCode());
            }
            return decision("made-up-door", "no-such-key", flooder)
                    .POST(HttpRequest.BodyPublishers.ofString(body()))
                    .build();
        });

        assertThat(answers.statuses()).containsOnlyKeys(401, 429);
        assertThat(answers.statuses().get(429).get()).as("the flood is cut").isGreaterThan(500);
        assertProblem(answers.sample(429), 429);
        assertThat(Long.parseLong(
                        answers.sample(429).headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 60L);
        assertThat(goodDuringFlood).isNotEmpty().containsOnly(200);
    }

    @Test
    void refusesTenThousandMadeUpDoorIdsWith401InBoundedMemory() throws Exception {
        var doorBuckets = doorLimit.buckets();

        var answers = storm(
                10_000,
                i -> decision("made-up-" + i + "-" + site.doorA(), site.keyA().reveal(), source(i))
                        .POST(HttpRequest.BodyPublishers.ofString(body()))
                        .build());

        assertThat(answers.statuses()).containsOnlyKeys(401);
        assertProblem(answers.sample(401), 401);
        assertThat(memory.doorsRemembered().unknownDoors())
                .as("unknown door ids remembered")
                .isLessThanOrEqualTo(MAX_REFUSALS);
        assertThat(memory.refusedKeys().size()).isLessThanOrEqualTo(MAX_REFUSALS);
        assertThat(doorLimit.buckets() - doorBuckets)
                .as("no rate-limit bucket for a door that did not prove its key")
                .isLessThanOrEqualTo(0);
        assertThat(good().statusCode()).isEqualTo(200);
    }

    @Test
    void refusesAWrongKeyStormWith401WhileTheDoorsOwnReaderIsServed() throws Exception {
        var wrong = DeviceKey.generate().reveal();
        var goodDuringStorm = new CopyOnWriteArrayList<Integer>();

        var answers = storm(3_000, i -> {
            if (i % 300 == 0) {
                goodDuringStorm.add(good().statusCode());
            }
            return decision(site.doorA(), wrong, source(i))
                    .POST(HttpRequest.BodyPublishers.ofString(body()))
                    .build();
        });

        assertThat(answers.statuses()).containsOnlyKeys(401);
        assertProblem(answers.sample(401), 401);
        assertThat(goodDuringStorm).isNotEmpty().containsOnly(200);
        // DoorMemoryIntegrationTests counts the store calls of such a storm: one read and one index query in all.
    }

    @Test
    void answersADoorOverItsOwnRateWith429WhileTheNextDoorIsServed() throws Exception {
        var doorA = new Door(site.doorA(), site.buildingId(), DeviceKeyHash.of(site.keyA()));
        // A reader stuck in a loop at door A has spent 1,000 requests' worth: 20 s of its refill (50/s here).
        doorLimit.spend(doorA, 1_000);

        var limited = send(decision(site.doorA(), site.keyA().reveal(), "198.51.100.20")
                .POST(HttpRequest.BodyPublishers.ofString(body()))
                .build());
        var nextDoor = send(decision(site.doorB(), site.keyB().reveal(), "198.51.100.20")
                .POST(HttpRequest.BodyPublishers.ofString(body()))
                .build());

        assertProblem(limited, 429);
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow()))
                .as("until the stuck reader's debt is refilled")
                .isBetween(5L, 30L);
        assertThat(nextDoor.statusCode()).isEqualTo(200);
    }

    /** A genuine reader at door B, from an address of its own: a new entry or exit each time. */
    private synchronized HttpResponse<String> good() {
        try {
            direction = direction.equals("IN") ? "OUT" : "IN";
            return send(decision(site.doorB(), site.keyB().reveal(), "198.51.100.7")
                    .POST(HttpRequest.BodyPublishers.ofString(body(direction)))
                    .build());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder decision(String doorId, String key, String source) {
        return HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/door-api/v1/doors/" + doorId + "/decisions"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Door-Key", key)
                // What the load balancer appends: the address it saw.
                .header("X-Forwarded-For", source)
                // The most a reader may ask for: these floods run on the same two cores as the service, and what is
                // shown here is who gets an answer, not how fast (bin/bench overload measures that).
                .header("X-Door-Deadline-Ms", "10000");
    }

    private String body() {
        return body("IN");
    }

    private String body(String direction) {
        return """
                {"eventId": "%s", "cardNumber": "%s", "direction": "%s", "occurredAt": "%s"}""".formatted(BackOffice.id(), site.cardNumber(), direction, now());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** {@code count} requests from 8 threads; every answer's status counted, one answer of each kept. */
    private Answers storm(int count, IntFunction<HttpRequest> request) throws Exception {
        var answers = new Answers(new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        var next = new AtomicInteger();
        try (var executor = Executors.newFixedThreadPool(8)) {
            for (var thread = 0; thread < 8; thread++) {
                executor.submit(() -> {
                    for (var i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        var answer = send(request.apply(i));
                        answers.statuses()
                                .computeIfAbsent(answer.statusCode(), any -> new AtomicInteger())
                                .incrementAndGet();
                        answers.samples().putIfAbsent(answer.statusCode(), answer);
                    }
                    return null;
                });
            }
        }
        assertThat(answers.statuses().values().stream()
                        .mapToInt(AtomicInteger::get)
                        .sum())
                .as("every request answered")
                .isEqualTo(count);
        return answers;
    }

    /** A different address per request, as many sources as requests. */
    private static String source(int i) {
        return "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
    }

    private static void assertProblem(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue(PROBLEM);
        assertThat(answer.body()).contains("\"status\":" + status);
    }

    /** Now, or a minute earlier in the last minute of a UTC day, which the every-day grant (to 23:59) leaves out. */
    private static Instant now() {
        var now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return LocalTime.ofInstant(now, ZoneOffset.UTC).isBefore(LocalTime.of(23, 59)) ? now : now.minusSeconds(60);
    }

    record Answers(Map<Integer, AtomicInteger> statuses, Map<Integer, HttpResponse<String>> samples) {
        HttpResponse<String> sample(int status) {
            return samples.get(status);
        }
    }
}
