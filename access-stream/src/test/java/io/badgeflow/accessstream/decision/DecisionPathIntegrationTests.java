package io.badgeflow.accessstream.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.badgeflow.accessstream.RunningApplication;
import io.badgeflow.aws.json.MessageJson;
import io.badgeflow.model.command.RevokeCard;
import io.badgeflow.model.door.DeviceKey;
import io.badgeflow.model.door.ExitRecorded;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Entry decisions through the real door API against a back office written by card-events' own applier: the
 * answer, the presence it commits, the stream record the consumer stores, and how the API refuses devices.
 */
class DecisionPathIntegrationTests extends RunningApplication {

    @Autowired
    DynamoDbEnhancedClient enhanced;

    @Autowired
    KinesisClient kinesis;

    private BackOffice backOffice;
    private BackOffice.Site site;

    @BeforeEach
    void site() {
        backOffice = new BackOffice(enhanced, aws);
        site = backOffice.site(null, 0);
    }

    @Test
    void grantsAnEntryCommitsPresenceAndRecordsTheDecisionForAudit() {
        var eventId = BackOffice.id();

        var answer = decide(site.doorA(), site.keyA(), eventId, site.cardNumber(), "IN");

        assertThat(answer.status()).isEqualTo(HttpStatus.OK);
        assertThat(answer.json().get("decision").asString()).isEqualTo("GRANTED");
        assertThat(answer.json().get("reason").asString()).isEqualTo("GRANTED");
        assertThat(answer.json().get("rule").asString()).isEqualTo("all-rules-passed");
        assertThat(answer.json().get("policyVersion").asString()).isNotBlank();
        assertThat(answer.json().get("cardStatus").asString()).isEqualTo("ACTIVE");
        var presence = presence();
        assertThat(presence.get("inside").bool()).isTrue();
        assertThat(presence.get("lastDoorId").s()).isEqualTo(site.doorA());
        assertThat(presence.get("insideBuildingId").s()).isEqualTo(site.buildingId());
        var row = awaitRows(site.doorA(), 1).getFirst();
        assertThat(row.get("eventId").s()).isEqualTo(eventId);
        assertThat(row.get("type").s()).isEqualTo("EntryDecided");
        assertThat(row.get("decision").s()).isEqualTo("GRANTED");
        assertThat(row.get("employeeId").s()).isEqualTo(site.employeeId());
        assertThat(row).doesNotContainKeys("givenName", "familyName", "email");
    }

    @Test
    void answersTheSameEventTwiceAlikeAndRecordsItOnce() {
        var eventId = BackOffice.id();
        var body = body(eventId, site.cardNumber(), "IN");
        var first = post(site.doorA(), site.keyA().reveal(), body);

        var second = post(site.doorA(), site.keyA().reveal(), body);

        assertThat(second.json()).isEqualTo(first.json());
        var marker = BackOffice.id();
        decide(site.doorA(), site.keyA(), marker, site.cardNumber(), "OUT");
        assertThat(awaitRows(site.doorA(), 2))
                .extracting(row -> row.get("eventId").s())
                .containsExactlyInAnyOrder(eventId, marker);
        assertThat(presence().get("version").n()).isEqualTo("2");
    }

    @Test
    void givesConcurrentRepeatsOfOneEventOneAnswerWithOneDecidedAtAndOnePassage() throws Exception {
        var body = body(BackOffice.id(), site.cardNumber(), "IN");
        var start = new CountDownLatch(1);
        var answers = new java.util.ArrayList<java.util.concurrent.Future<Answer>>();
        try (var executor = Executors.newFixedThreadPool(8)) {
            for (var i = 0; i < 8; i++) {
                answers.add(executor.submit(() -> {
                    start.await();
                    return post(site.doorA(), site.keyA().reveal(), body);
                }));
            }
            start.countDown();
            var bodies = new java.util.HashSet<JsonNode>();
            for (var answer : answers) {
                assertThat(answer.get().status()).isEqualTo(HttpStatus.OK);
                bodies.add(answer.get().json());
            }
            assertThat(bodies).singleElement().satisfies(json -> {
                assertThat(json.get("decision").asString()).isEqualTo("GRANTED");
                assertThat(json.get("decidedAt").asString()).isNotBlank();
            });
        }
        assertThat(presence().get("version").n()).as("one passage written").isEqualTo("1");
    }

    @Test
    void refusesAnEventIdRepeatedWithAnotherCardDirectionOrTimeWith409AndKeepsTheFirstPassage() {
        var eventId = BackOffice.id();
        var at = now();
        var first = post(site.doorA(), site.keyA().reveal(), body(eventId, site.cardNumber(), "IN", at));

        var repeats = List.of(
                post(site.doorA(), site.keyA().reveal(), body(eventId, "OTHER-" + eventId, "IN", at)),
                post(site.doorA(), site.keyA().reveal(), body(eventId, site.cardNumber(), "OUT", at)),
                post(site.doorA(), site.keyA().reveal(), body(eventId, site.cardNumber(), "IN", at.minusSeconds(1))),
                post(site.doorB(), site.keyB().reveal(), body(eventId, site.cardNumber(), "IN", at)));

        assertThat(first.json().get("decision").asString()).isEqualTo("GRANTED");
        assertThat(repeats).allSatisfy(repeat -> {
            assertThat(repeat.status()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(repeat.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(repeat.json().get("field").asString()).isEqualTo("eventId");
        });
        assertThat(presence().get("version").n()).as("only the first passage").isEqualTo("1");
        assertThat(presence().get("lastEventId").s()).isEqualTo(eventId);
        assertThat(presence().get("lastDoorId").s()).isEqualTo(site.doorA());
    }

    @Test
    void deniesAReentryAtAnotherDoorUnderTheDefaultHardAntiPassbackAndAllowsItAfterAnExit() {
        decide(site.doorA(), site.keyA(), BackOffice.id(), site.cardNumber(), "IN");

        var again = decide(site.doorB(), site.keyB(), BackOffice.id(), site.cardNumber(), "IN");
        var exit = decide(site.doorB(), site.keyB(), BackOffice.id(), site.cardNumber(), "OUT");
        var afterExit = decide(site.doorB(), site.keyB(), BackOffice.id(), site.cardNumber(), "IN");

        assertThat(again.json().get("reason").asString()).isEqualTo("ANTI_PASSBACK");
        assertThat(again.json().get("decision").asString()).isEqualTo("DENIED");
        assertThat(exit.json().get("reason").asString()).isEqualTo("EXIT");
        assertThat(afterExit.json().get("reason").asString()).isEqualTo("GRANTED");
    }

    @Test
    void judgesAReentryByTheBuildingsAntiPassbackMode() {
        var expected = Map.of(
                "SOFT", "GRANTED anti-passback", "OFF", "GRANTED all-rules-passed", "TIMED", "DENIED anti-passback");
        expected.forEach((mode, outcome) -> {
            var building = backOffice.site(mode, "TIMED".equals(mode) ? 5 : 0);
            decide(building.doorA(), building.keyA(), BackOffice.id(), building.cardNumber(), "IN");

            var again = decide(building.doorB(), building.keyB(), BackOffice.id(), building.cardNumber(), "IN")
                    .json();

            assertThat(again.get("decision").asString() + " "
                            + again.get("rule").asString())
                    .as(mode)
                    .isEqualTo(outcome);
        });
    }

    @Test
    void admitsOneOfTwoEntriesRacingAtTwoDoors() throws Exception {
        for (var round = 0; round < 5; round++) {
            var start = new CountDownLatch(1);
            try (var executor = Executors.newFixedThreadPool(2)) {
                var atA = executor.submit(() -> {
                    start.await();
                    return decide(site.doorA(), site.keyA(), BackOffice.id(), site.cardNumber(), "IN");
                });
                var atB = executor.submit(() -> {
                    start.await();
                    return decide(site.doorB(), site.keyB(), BackOffice.id(), site.cardNumber(), "IN");
                });
                start.countDown();
                var reasons = List.of(
                        atA.get().json().get("reason").asString(),
                        atB.get().json().get("reason").asString());

                assertThat(reasons).as("round %d", round).containsExactlyInAnyOrder("GRANTED", "ANTI_PASSBACK");
            }
            decide(site.doorA(), site.keyA(), BackOffice.id(), site.cardNumber(), "OUT");
        }
        assertThat(presence().get("version").n())
                .as("five entries and five exits")
                .isEqualTo("10");
    }

    @Test
    void deniesARevokedCardOnceTheRevocationIsApplied() {
        assertThat(decide(site.doorA(), site.keyA(), BackOffice.id(), site.cardNumber(), "IN")
                        .json()
                        .get("reason")
                        .asString())
                .isEqualTo("GRANTED");
        decide(site.doorA(), site.keyA(), BackOffice.id(), site.cardNumber(), "OUT");

        backOffice.apply(new RevokeCard(BackOffice.id(), "it", Instant.now(), site.cardId()));
        var revokedAt = System.nanoTime();

        // Swipes before the revocation takes effect may be granted (then refused by anti-passback): the card rule
        // comes first, so the first CARD_NOT_ACTIVE is the moment the revocation reached the door.
        var denied = await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () -> decide(site.doorA(), site.keyA(), BackOffice.id(), site.cardNumber(), "IN")
                                .json(),
                        json -> "CARD_NOT_ACTIVE".equals(json.get("reason").asString()));
        assertThat(denied.get("decision").asString()).isEqualTo("DENIED");
        assertThat(denied.get("cardStatus").asString()).isEqualTo("REVOKED");
        assertThat(Duration.ofNanos(System.nanoTime() - revokedAt))
                .as("time to revoke")
                .isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void deniesAnUnknownCardWithTheReason() {
        var answer = decide(site.doorA(), site.keyA(), BackOffice.id(), "NOPE-" + UUID.randomUUID(), "IN");

        assertThat(answer.json().get("reason").asString()).isEqualTo("UNKNOWN_CARD");
        assertThat(answer.json().get("rule").asString()).isEqualTo("card-known");
    }

    @Test
    void appliesAnExitThatAReaderPutOnTheStreamDirectly() {
        decide(site.doorA(), site.keyA(), BackOffice.id(), site.cardNumber(), "IN");
        var exit = new ExitRecorded(
                BackOffice.id(),
                site.doorB(),
                site.buildingId(),
                site.cardNumber(),
                null,
                null,
                List.of(),
                now(),
                now());

        kinesis.putRecord(r -> r.streamName(aws.output("SwipeStreamName"))
                .partitionKey(exit.partitionKey())
                .data(SdkBytes.fromByteArray(MessageJson.write(exit))));

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> !presence().get("inside").bool());
        assertThat(presence().get("lastEventId").s()).isEqualTo(exit.eventId());
    }

    @Test
    void refusesAValidKeyOnAnUnknownDoorExactlyAsAWrongKey() {
        var body = body(BackOffice.id(), site.cardNumber(), "IN");
        var unknownDoor = "no-such-door-" + BackOffice.id();

        var validKey = post(unknownDoor, site.keyA().reveal(), body);
        var wrongKey = post(unknownDoor, DeviceKey.generate().reveal(), body);

        assertThat(validKey.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(validKey).isEqualTo(wrongKey);
    }

    @Test
    void refusesAMissingOrUnknownKeyWith401AndAnotherDoorsKeyWith403() {
        var missing = post(site.doorA(), null, body(BackOffice.id(), site.cardNumber(), "IN"));
        var unknown = post(site.doorA(), DeviceKey.generate().reveal(), body(BackOffice.id(), site.cardNumber(), "IN"));
        var otherDoors = post(site.doorA(), site.keyB().reveal(), body(BackOffice.id(), site.cardNumber(), "IN"));

        assertThat(missing.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(unknown.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(otherDoors.status()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(List.of(missing, unknown, otherDoors))
                .allSatisfy(answer -> assertThat(answer.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void refusesAMalformedBodyWithAProblemNamingTheField() {
        var answer = post(site.doorA(), site.keyA().reveal(), """
                {"eventId": "evt-x", "cardNumber": "C", "direction": "SIDEWAYS", "occurredAt": "%s"}""".formatted(now()));
        var notJson = post(site.doorA(), site.keyA().reveal(), "not json");

        assertThat(answer.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.json().get("field").asString()).isEqualTo("direction");
        assertThat(notJson.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notJson.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
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

    private List<Map<String, AttributeValue>> awaitRows(String doorId, int count) {
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> dynamoDb.query(r -> r.tableName(aws.output("SwipesTableName"))
                                        .consistentRead(true)
                                        .keyConditionExpression("doorId = :door")
                                        .expressionAttributeValues(Map.of(":door", AttributeValue.fromS(doorId))))
                                .items(),
                        items -> items.size() >= count);
    }

    private Answer decide(String doorId, DeviceKey key, String eventId, String cardNumber, String direction) {
        return post(doorId, key.reveal(), body(eventId, cardNumber, direction));
    }

    private Answer post(String doorId, String key, String body) {
        return http().post()
                .uri("/door-api/v1/doors/{doorId}/decisions", doorId)
                .headers(headers -> {
                    if (key != null) {
                        headers.set("X-Door-Key", key);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange((request, response) -> new Answer(
                        HttpStatus.valueOf(response.getStatusCode().value()),
                        response.getHeaders().getContentType(),
                        new String(response.getBody().readAllBytes())));
    }

    private static String body(String eventId, String cardNumber, String direction) {
        return body(eventId, cardNumber, direction, now());
    }

    private static String body(String eventId, String cardNumber, String direction, Instant occurredAt) {
        return """
                {"eventId": "%s", "cardNumber": "%s", "direction": "%s", "occurredAt": "%s"}""".formatted(eventId, cardNumber, direction, occurredAt);
    }

    /** Now, or a minute earlier in the last minute of a UTC day, which the every-day grant (to 23:59) leaves out. */
    private static Instant now() {
        var now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return LocalTime.ofInstant(now, ZoneOffset.UTC).isBefore(LocalTime.of(23, 59)) ? now : now.minusSeconds(60);
    }

    record Answer(HttpStatus status, MediaType contentType, String body) {
        JsonNode json() {
            return JsonMapper.shared().readTree(body);
        }
    }
}
