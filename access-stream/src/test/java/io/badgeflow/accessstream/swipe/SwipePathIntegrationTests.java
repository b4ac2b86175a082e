package io.badgeflow.accessstream.swipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.badgeflow.accessstream.RunningApplication;
import io.badgeflow.model.door.DeviceKey;
import io.badgeflow.model.door.DeviceKeyHash;
import io.badgeflow.model.door.Door;
import io.badgeflow.model.door.DoorRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A door's swipe through the real API, stream and consumer, asserted in the swipes table. */
class SwipePathIntegrationTests extends RunningApplication {

    @Autowired
    DoorRegistry doors;

    private final String doorId = "door-" + UUID.randomUUID();
    private final DeviceKey key = DeviceKey.generate();

    @BeforeEach
    void registerDoor() {
        doors.register(new Door(doorId, "bldg-it", DeviceKeyHash.of(key)));
    }

    @Test
    void storesAnAcceptedSwipe() {
        var eventId = UUID.randomUUID().toString();

        var answer = post(key.reveal(), swipe(eventId, "CARD-1", "IN"));

        assertThat(answer.status()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(answer.body())
                .contains("\"eventId\":\"" + eventId + "\"", "\"doorId\":\"" + doorId + "\"", "\"receivedAt\"");
        var stored = awaitSwipes(1).getFirst();
        assertThat(stored.get("doorId").s()).isEqualTo(doorId);
        assertThat(stored.get("eventId").s()).isEqualTo(eventId);
        assertThat(stored.get("cardNumber").s()).isEqualTo("CARD-1");
        assertThat(stored.get("direction").s()).isEqualTo("IN");
        assertThat(stored.get("buildingId").s()).isEqualTo("bldg-it");
    }

    @Test
    void storesAnEventPostedTwiceOnce() {
        var eventId = UUID.randomUUID().toString();
        var body = swipe(eventId, "CARD-2", "OUT");

        assertThat(post(key.reveal(), body).status()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(post(key.reveal(), body).status()).isEqualTo(HttpStatus.ACCEPTED);
        // Same card, same shard: once the marker is stored, both copies before it have been consumed.
        var marker = UUID.randomUUID().toString();
        post(key.reveal(), swipe(marker, "CARD-2", "IN"));

        var stored = awaitSwipes(2);
        assertThat(stored).extracting(item -> item.get("eventId").s()).containsExactlyInAnyOrder(eventId, marker);
    }

    @Test
    void rejectsAWrongKeyAndPutsNothingOnTheStream() {
        var rejected = UUID.randomUUID().toString();

        var answer = post(DeviceKey.generate().reveal(), swipe(rejected, "CARD-3", "IN"));

        assertThat(answer.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(answer.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        var marker = UUID.randomUUID().toString();
        post(key.reveal(), swipe(marker, "CARD-3", "IN"));
        assertThat(awaitSwipes(1)).extracting(item -> item.get("eventId").s()).containsExactly(marker);
    }

    @Test
    void rejectsAMalformedBodyNamingTheField() {
        var answer = post(key.reveal(), """
                {"eventId": "evt-x", "cardNumber": "CARD-4", "direction": "UP", "occurredAt": "2026-03-02T08:00:00Z"}""");

        assertThat(answer.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.body()).contains("\"field\":\"direction\"");
    }

    private Answer post(String deviceKey, String body) {
        return http().post()
                .uri("/door-api/v1/doors/{doorId}/swipes", doorId)
                .header("X-Door-Key", deviceKey)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange((request, response) -> new Answer(
                        HttpStatus.valueOf(response.getStatusCode().value()),
                        response.getHeaders().getContentType(),
                        new String(response.getBody().readAllBytes())));
    }

    private List<Map<String, AttributeValue>> awaitSwipes(int count) {
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(this::storedSwipes, items -> items.size() >= count);
    }

    private List<Map<String, AttributeValue>> storedSwipes() {
        return dynamoDb.query(r -> r.tableName(aws.output("SwipesTableName"))
                        .consistentRead(true)
                        .keyConditionExpression("doorId = :door")
                        .expressionAttributeValues(Map.of(":door", AttributeValue.fromS(doorId))))
                .items();
    }

    private static String swipe(String eventId, String card, String direction) {
        return """
                {"eventId": "%s", "cardNumber": "%s", "direction": "%s", "occurredAt": "%s"}""".formatted(eventId, card, direction, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    record Answer(HttpStatus status, MediaType contentType, String body) {}
}
