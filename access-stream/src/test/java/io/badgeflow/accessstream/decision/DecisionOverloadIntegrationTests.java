package io.badgeflow.accessstream.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.aws.testing.AwsEnvironment;
import io.badgeflow.aws.testing.LocalAws;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Graceful overload through the real door API: with room for one decision at a time and no backlog, requests
 * beyond it are refused at once (503, Retry-After), a request whose deadline has passed is dropped before any
 * store call and leaves presence as it was, and good requests are answered again afterwards.
 *
 * <p>A context of its own (the admission bound is tiny) without the KCL consumer, so it starts no second KCL
 * scheduler next to RunningApplication's.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "badgeflow.access-stream.kcl.enabled=false",
            // readiness names the consumer's health, which is not there without it
            "management.endpoint.health.validate-group-membership=false",
            "badgeflow.access-stream.admission.max-concurrent=1",
            "badgeflow.access-stream.admission.backlog=0",
            // More than the shortest deadline a reader may announce (100 ms): such a request is expired on arrival.
            "badgeflow.access-stream.admission.answer-reserve=150ms"
        })
@ActiveProfiles("local")
class DecisionOverloadIntegrationTests {

    private static final String DEADLINE = "X-Door-Deadline-Ms";

    private final AwsEnvironment aws = LocalAws.environment();

    @LocalServerPort
    int port;

    @Autowired
    DynamoDbEnhancedClient enhanced;

    @Autowired
    DynamoDbClient dynamoDb;

    // The process's cumulative registry: a count read through the composite may come from the CloudWatch step
    // registry (the composite answers from any one of its registries), which starts again at each step.
    @Autowired
    SimpleMeterRegistry meters;

    private BackOffice.Site site;
    private RestClient client;

    @DynamicPropertySource
    static void aws(DynamicPropertyRegistry registry) {
        var aws = LocalAws.environment();
        aws.springProperties().forEach((key, value) -> registry.add(key, () -> value));
        aws.stackProperties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add(
                "badgeflow.access-stream.stage",
                () -> "it-ovl-"
                        + HexFormat.of()
                                .toHexDigits((short) ThreadLocalRandom.current().nextInt()));
    }

    @BeforeEach
    void site() {
        site = new BackOffice(enhanced, aws).site(null, 0);
    }

    @Test
    void refusesRequestsBeyondTheBoundAtOnceWith503AndRetryAfterThenAnswersAgain() throws Exception {
        var shedBefore = shed("full");
        var start = new CountDownLatch(1);
        var answers = new ArrayList<Future<Timed>>();
        try (var executor = Executors.newFixedThreadPool(24)) {
            for (var i = 0; i < 24; i++) {
                // Unknown cards: each decision is a denial published to the stream, no presence in the way.
                var body = body(UUID.randomUUID().toString(), "unknown-" + i, "IN");
                answers.add(executor.submit(() -> {
                    start.await();
                    var started = System.nanoTime();
                    var answer = post(body, "10000");
                    return new Timed(answer, (System.nanoTime() - started) / 1_000_000);
                }));
            }
            start.countDown();
            var refused = 0;
            var answered = 0;
            for (var future : answers) {
                var timed = future.get();
                var answer = timed.answer();
                assertThat(answer.status()).isIn(HttpStatus.OK, HttpStatus.SERVICE_UNAVAILABLE);
                if (answer.status() == HttpStatus.OK) {
                    answered++;
                    assertThat(answer.json().get("reason").asString()).isEqualTo("UNKNOWN_CARD");
                    continue;
                }
                refused++;
                assertThat(answer.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                assertThat(answer.retryAfter()).isEqualTo("1");
                assertThat(answer.json().get("title").asString()).isEqualTo("Overloaded");
                assertThat(timed.millis())
                        .as("refused at once, not after waiting out its 10 s deadline (a loaded CI machine is slow)")
                        .isLessThan(5000);
            }
            assertThat(answered).as("the one slot was used").isPositive();
            assertThat(refused).as("24 at once do not fit one slot").isPositive();
            assertThat(shed("full") - shedBefore).isEqualTo(refused);
        }

        var after = post(body(UUID.randomUUID().toString(), site.cardNumber(), "IN"), "10000");

        assertThat(after.status()).isEqualTo(HttpStatus.OK);
        assertThat(after.json().get("decision").asString()).isEqualTo("GRANTED");
    }

    @Test
    void dropsARequestWhoseDeadlineHasPassedBeforeAnyStoreCallAndLeavesPresenceAsItWas() {
        var entry = UUID.randomUUID().toString();
        assertThat(post(body(entry, site.cardNumber(), "IN"), "10000").status()).isEqualTo(HttpStatus.OK);
        var before = presence();
        var expiredBefore = shed("expired");
        var exit = body(UUID.randomUUID().toString(), site.cardNumber(), "OUT");

        // 100 ms is less than the reserve this context keeps for the write and the answer: passed on arrival.
        var late = post(exit, "100");

        assertThat(late.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(late.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(late.retryAfter()).isEqualTo("1");
        assertThat(late.json().get("title").asString()).isEqualTo("Deadline passed");
        assertThat(presence()).as("the stored presence item, unchanged").isEqualTo(before);
        assertThat(before.get("lastEventId").s()).isEqualTo(entry);
        assertThat(shed("expired") - expiredBefore).isEqualTo(1);

        var retried = post(exit, "10000");

        assertThat(retried.status()).isEqualTo(HttpStatus.OK);
        assertThat(retried.json().get("reason").asString()).isEqualTo("EXIT");
        assertThat(presence().get("inside").bool()).isFalse();
        assertThat(presence().get("version").n()).isEqualTo("2");
    }

    @Test
    void refusesADeadlineHeaderThatIsNotWholeMillisecondsInRangeWith400NamingIt() {
        for (var bad : new String[] {"0", "99", "-5", "abc", "1.5", "10001", "99999999999"}) {
            var answer = post(body(UUID.randomUUID().toString(), site.cardNumber(), "IN"), bad);

            assertThat(answer.status()).as(bad).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(answer.json().get("field").asString()).isEqualTo(DEADLINE);
        }
        assertThat(presence()).as("nothing decided").isEmpty();
    }

    private double shed(String reason) {
        var counter =
                meters.find("badgeflow.decisions.shed").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private Map<String, AttributeValue> presence() {
        return dynamoDb.getItem(r -> r.tableName(aws.output("PresenceTableName"))
                        .consistentRead(true)
                        .key(Map.of(
                                "employeeId",
                                AttributeValue.fromS(site.employeeId()),
                                "buildingId",
                                AttributeValue.fromS(site.buildingId()))))
                .item();
    }

    private Answer post(String body, String deadline) {
        return client().post()
                .uri("/door-api/v1/doors/{doorId}/decisions", site.doorA())
                .headers(headers -> {
                    headers.set("X-Door-Key", site.keyA().reveal());
                    if (deadline != null) {
                        headers.set(DEADLINE, deadline);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange((request, response) -> new Answer(
                        HttpStatus.valueOf(response.getStatusCode().value()),
                        response.getHeaders().getContentType(),
                        response.getHeaders().getFirst("Retry-After"),
                        new String(response.getBody().readAllBytes())));
    }

    /**
     * The JDK's client: Apache HttpClient 5 (the default when on the classpath) retries a 503 after its Retry-After
     * by itself, which would hide the refusal this test looks at.
     */
    private RestClient client() {
        if (client == null) {
            client = RestClient.builder()
                    .requestFactory(new JdkClientHttpRequestFactory())
                    .baseUrl("http://127.0.0.1:" + port)
                    .build();
        }
        return client;
    }

    private static String body(String eventId, String cardNumber, String direction) {
        return """
                {"eventId": "%s", "cardNumber": "%s", "direction": "%s", "occurredAt": "%s"}""".formatted(eventId, cardNumber, direction, now());
    }

    /** Now, or a minute earlier in the last minute of a UTC day, which the every-day grant (to 23:59) leaves out. */
    private static Instant now() {
        var now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return LocalTime.ofInstant(now, ZoneOffset.UTC).isBefore(LocalTime.of(23, 59)) ? now : now.minusSeconds(60);
    }

    record Answer(HttpStatus status, MediaType contentType, String retryAfter, String body) {
        JsonNode json() {
            return JsonMapper.shared().readTree(body);
        }
    }

    record Timed(Answer answer, long millis) {}
}
