package io.badgeflow.accessstream.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.badgeflow.accessstream.RunningApplication;
import io.badgeflow.aws.json.MessageJson;
import io.badgeflow.aws.testing.AwsEnvironment;
import io.badgeflow.model.alarm.Alarm;
import io.badgeflow.model.door.AlarmType;
import io.badgeflow.model.door.DecisionReason;
import io.badgeflow.model.door.Direction;
import io.badgeflow.model.door.DoorEvent;
import io.badgeflow.model.door.DoorState;
import io.badgeflow.model.door.DoorStateChanged;
import io.badgeflow.model.door.EntryDecided;
import io.badgeflow.model.door.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Door alarms end to end: decisions through the real door API and events put straight on the stream, consumed by
 * the KCL consumer and published to the alarms topic, read back from an SQS queue subscribed to it here (the SNS
 * envelope, as every subscriber of the topic receives it).
 */
class DoorAlarmsIntegrationTests extends RunningApplication {

    private static String queueUrl;
    /** Every alarm this class received so far: the topic is shared, so tests pick theirs by event or door id. */
    private static final List<Received> RECEIVED = new ArrayList<>();

    @Autowired
    DynamoDbEnhancedClient enhanced;

    @Autowired
    KinesisClient kinesis;

    @Autowired
    SnsClient sns;

    private final SqsClient sqs = SqsClient.builder()
            .endpointOverride(aws.endpoint())
            .region(AwsEnvironment.REGION)
            .credentialsProvider(AwsEnvironment.CREDENTIALS)
            .build();

    private BackOffice.Site site;

    @BeforeEach
    void siteAndSubscribedQueue() {
        site = new BackOffice(enhanced, aws).site(null, 0);
        if (queueUrl == null) {
            queueUrl = sqs.createQueue(r -> r.queueName("alarms-it-" + UUID.randomUUID()))
                    .queueUrl();
            var queueArn = sqs.getQueueAttributes(
                            r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes()
                    .get(QueueAttributeName.QUEUE_ARN);
            sns.subscribe(r ->
                    r.topicArn(aws.output("AlarmsTopicArn")).protocol("sqs").endpoint(queueArn));
        }
    }

    @Test
    void anUnknownCardDenialRaisesExactlyOneAlarmAlsoWhenItsRecordIsPutThreeTimesMore() {
        var eventId = BackOffice.id();
        var cardNumber = "NOPE-" + UUID.randomUUID().toString().substring(0, 8);

        var answer = decide(eventId, cardNumber);
        assertThat(answer.get("reason").asString()).isEqualTo("UNKNOWN_CARD");
        var first = awaitAlarms(alarm -> alarm.eventId().equals(eventId), 1).getFirst();

        var stored = decisionAsStored(eventId, cardNumber);
        for (var copy = 0; copy < 3; copy++) {
            put(stored.partitionKey(), stored);
        }
        // Behind the copies on the same shard: once its alarm is out, the copies have been consumed.
        var sentinel = new DoorStateChanged(BackOffice.id(), site.doorB(), site.buildingId(), DoorState.FORCED, now());
        put(stored.partitionKey(), sentinel);
        awaitAlarms(alarm -> alarm.eventId().equals(sentinel.eventId()), 1);

        assertThat(alarms(alarm -> alarm.eventId().equals(eventId)))
                .singleElement()
                .satisfies(received -> {
                    assertThat(received.alarm().type()).isEqualTo(AlarmType.UNKNOWN_CARD);
                    assertThat(received.alarm().alarmId()).isEqualTo(Alarm.idOf(eventId, AlarmType.UNKNOWN_CARD));
                    assertThat(received.alarmIdAttribute())
                            .isEqualTo(received.alarm().alarmId());
                    assertThat(received.alarm().doorId()).isEqualTo(site.doorA());
                    assertThat(received.alarm().buildingId()).isEqualTo(site.buildingId());
                    assertThat(received.alarm().cardNumber()).isEqualTo(cardNumber);
                    assertThat(received.alarm().employeeId()).isNull();
                });
        assertThat(first.alarm().eventId()).isEqualTo(eventId);
        assertThat(alarmRow(first.alarm().alarmId()))
                .containsKey("publishedAt")
                .containsEntry("type", AttributeValue.fromS("UNKNOWN_CARD"));
    }

    @Test
    void anEventIdReusedForAnotherCardIsRefusedStoredAndRaisesEventIdReused() {
        var eventId = BackOffice.id();
        var occurredAt = now();
        var first = post("/decisions", eventId, site.cardNumber(), occurredAt);
        var forgedCard = "FORGED-" + UUID.randomUUID().toString().substring(0, 8);

        var reused = post("/decisions", eventId, forgedCard, occurredAt);
        var swipeReused = post("/swipes", eventId + "-s", site.cardNumber(), occurredAt);
        var swipeForged = post("/swipes", eventId + "-s", forgedCard, occurredAt);

        assertThat(first.status()).isEqualTo(200);
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(reused.json().get("field").asString()).isEqualTo("eventId");
        assertThat(reused.json().get("type").asString()).isNotBlank();
        assertThat(swipeReused.status()).isEqualTo(202);
        assertThat(swipeForged.status()).isEqualTo(409);
        var alarms = awaitAlarms(
                alarm -> alarm.type() == AlarmType.EVENT_ID_REUSED
                        && alarm.doorId().equals(site.doorA()),
                2);
        assertThat(alarms).extracting(r -> r.alarm().eventId()).containsExactlyInAnyOrder(eventId, eventId + "-s");
        assertThat(alarms).allSatisfy(received -> {
            assertThat(received.alarm().cardNumber()).isEqualTo(forgedCard);
            assertThat(received.alarm().buildingId()).isEqualTo(site.buildingId());
            assertThat(alarmRow(received.alarm().alarmId()))
                    .containsEntry("type", AttributeValue.fromS("EVENT_ID_REUSED"))
                    .containsEntry(
                            "eventId", AttributeValue.fromS(received.alarm().eventId()));
        });
    }

    @Test
    void aForcedDoorPutOnTheStreamRaisesDoorForcedAndAnOpenedDoorNothing() {
        var opened = new DoorStateChanged(BackOffice.id(), site.doorA(), site.buildingId(), DoorState.OPENED, now());
        var forced = new DoorStateChanged(BackOffice.id(), site.doorA(), site.buildingId(), DoorState.FORCED, now());

        put(opened.partitionKey(), opened);
        put(forced.partitionKey(), forced);

        var received = awaitAlarms(alarm -> alarm.doorId().equals(site.doorA()), 1);
        assertThat(received).singleElement().satisfies(alarm -> {
            assertThat(alarm.alarm().type()).isEqualTo(AlarmType.DOOR_FORCED);
            assertThat(alarm.alarm().eventId()).isEqualTo(forced.eventId());
            assertThat(alarm.alarm().buildingId()).isEqualTo(site.buildingId());
            assertThat(alarm.alarmIdAttribute()).isEqualTo(Alarm.idOf(forced.eventId(), AlarmType.DOOR_FORCED));
            assertThat(alarm.alarmTypeAttribute()).isEqualTo("DOOR_FORCED");
            assertThat(alarm.contentType()).isEqualTo("application/json");
            assertThat(alarm.subject()).isEqualTo("badgeflow alarm DOOR_FORCED");
        });
    }

    @Test
    void threeDenialsAtOneDoorRaiseRepeatedDenialsOnce() {
        var at = Instant.parse("2026-03-03T10:00:00Z");
        var denials = new ArrayList<EntryDecided>();
        for (var i = 0; i < 4; i++) {
            denials.add(new EntryDecided(
                    BackOffice.id(),
                    site.doorB(),
                    site.buildingId(),
                    "C-" + i,
                    Direction.IN,
                    null,
                    null,
                    null,
                    Outcome.DENIED,
                    DecisionReason.NO_ACCESS_TO_BUILDING,
                    "grant-for-building",
                    "v",
                    List.of(),
                    at.plusSeconds(i),
                    at.plusSeconds(i)));
        }

        // One partition key keeps them in order on one shard; the last one is a redelivery of the first.
        denials.forEach(denial -> put("door:" + site.doorB(), denial));
        put("door:" + site.doorB(), denials.getFirst());

        var received = awaitAlarms(alarm -> alarm.doorId().equals(site.doorB()), 1);
        var sentinel =
                new DoorStateChanged(BackOffice.id(), site.doorB(), site.buildingId(), DoorState.HELD_OPEN, now());
        put("door:" + site.doorB(), sentinel);
        awaitAlarms(alarm -> alarm.eventId().equals(sentinel.eventId()), 1);

        assertThat(alarms(alarm -> alarm.type() == AlarmType.REPEATED_DENIALS
                        && alarm.doorId().equals(site.doorB())))
                .singleElement()
                .satisfies(alarm -> {
                    assertThat(alarm.alarm().alarmId())
                            .isEqualTo(Alarm.repeatedDenialsIdOf(site.doorB(), Instant.parse("2026-03-03T10:00:00Z")));
                    assertThat(alarm.alarm().eventId()).isEqualTo(denials.get(2).eventId());
                });
        assertThat(received).extracting(r -> r.alarm().type()).containsExactly(AlarmType.REPEATED_DENIALS);
    }

    private JsonNode decide(String eventId, String cardNumber) {
        var body = """
                {"eventId": "%s", "cardNumber": "%s", "direction": "IN", "occurredAt": "%s"}""".formatted(eventId, cardNumber, now());
        var text = http().post()
                .uri("/door-api/v1/doors/{doorId}/decisions", site.doorA())
                .header("X-Door-Key", site.keyA().reveal())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(String.class);
        return JsonMapper.shared().readTree(text);
    }

    private Posted post(String operation, String eventId, String cardNumber, Instant occurredAt) {
        var body = """
                {"eventId": "%s", "cardNumber": "%s", "direction": "IN", "occurredAt": "%s"}""".formatted(eventId, cardNumber, occurredAt);
        return http().post()
                .uri("/door-api/v1/doors/{doorId}" + operation, site.doorA())
                .header("X-Door-Key", site.keyA().reveal())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange((request, response) -> new Posted(
                        response.getStatusCode().value(),
                        String.valueOf(response.getHeaders().getContentType()),
                        new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    record Posted(int status, String contentType, String body) {
        JsonNode json() {
            return JsonMapper.shared().readTree(body);
        }
    }

    /** The decision as the consumer stored it, rebuilt into the event the door API put on the stream. */
    private EntryDecided decisionAsStored(String eventId, String cardNumber) {
        var row = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> dynamoDb
                                .query(r -> r.tableName(aws.output("SwipesTableName"))
                                        .consistentRead(true)
                                        .keyConditionExpression("doorId = :door")
                                        .expressionAttributeValues(Map.of(":door", AttributeValue.fromS(site.doorA()))))
                                .items()
                                .stream()
                                .filter(item -> item.get("eventId").s().equals(eventId))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        return new EntryDecided(
                eventId,
                site.doorA(),
                site.buildingId(),
                cardNumber,
                Direction.IN,
                null,
                null,
                null,
                Outcome.DENIED,
                DecisionReason.UNKNOWN_CARD,
                row.get("rule").s(),
                row.get("policyVersion").s(),
                List.of(AlarmType.UNKNOWN_CARD),
                Instant.parse(row.get("occurredAt").s()),
                Instant.parse(row.get("receivedAt").s()));
    }

    private Map<String, AttributeValue> alarmRow(String alarmId) {
        return dynamoDb.getItem(r -> r.tableName(aws.output("AlarmsTableName"))
                        .consistentRead(true)
                        .key(Map.of("alarmId", AttributeValue.fromS(alarmId))))
                .item();
    }

    private void put(String partitionKey, DoorEvent event) {
        kinesis.putRecord(r -> r.streamName(aws.output("SwipeStreamName"))
                .partitionKey(partitionKey)
                .data(SdkBytes.fromByteArray(MessageJson.write(event))));
    }

    /** Waits until {@code count} alarms matching {@code which} arrived, then a moment longer for any extra one. */
    private List<Received> awaitAlarms(Predicate<Alarm> which, int count) {
        await().atMost(Duration.ofSeconds(45))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    drain();
                    return alarms(which).size() >= count;
                });
        drain();
        return alarms(which);
    }

    private static List<Received> alarms(Predicate<Alarm> which) {
        synchronized (RECEIVED) {
            return RECEIVED.stream()
                    .filter(received -> which.test(received.alarm()))
                    .toList();
        }
    }

    private void drain() {
        var messages = sqs.receiveMessage(
                        r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages();
        for (var message : messages) {
            var envelope = JsonMapper.shared().readTree(message.body());
            var alarm = MessageJson.readAlarm(envelope.get("Message").asString().getBytes(StandardCharsets.UTF_8));
            var attributes = envelope.path("MessageAttributes");
            var received = new Received(
                    alarm,
                    attributes.path("alarmId").path("Value").asString(),
                    attributes.path("alarmType").path("Value").asString(),
                    attributes.path("contentType").path("Value").asString(),
                    envelope.path("Subject").asString());
            synchronized (RECEIVED) {
                RECEIVED.add(received);
            }
            sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    record Received(
            Alarm alarm, String alarmIdAttribute, String alarmTypeAttribute, String contentType, String subject) {}
}
