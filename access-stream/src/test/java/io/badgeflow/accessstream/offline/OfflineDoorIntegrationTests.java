package io.badgeflow.accessstream.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.badgeflow.accessstream.RunningApplication;
import io.badgeflow.accessstream.decision.BackOffice;
import io.badgeflow.door.DoorController;
import io.badgeflow.door.DoorControllerSettings;
import io.badgeflow.model.door.DecisionReason;
import io.badgeflow.model.door.Direction;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.json.JsonMapper;

/**
 * The door controller library against the real service: online while the decision API answers, offline from its
 * verified list while the API is out of reach (the door restarts in between, as a power cut would), and once back
 * the offline swipes are uploaded and recorded by the stream consumer, marked offline, with their original times.
 */
class OfflineDoorIntegrationTests extends RunningApplication {

    @Autowired
    DynamoDbEnhancedClient enhanced;

    @TempDir
    Path data;

    private BackOffice.Site site;

    @BeforeEach
    void site() {
        site = new BackOffice(enhanced, aws).site("OFF", 0);
    }

    @Test
    void decidesOnlineThenOfflineFromItsListAndUploadsTheOfflineSwipesOnceTheServiceIsBack() throws Exception {
        var settings = new DoorControllerSettings(
                URI.create("http://127.0.0.1:" + port),
                site.doorA(),
                site.keyA().reveal(),
                publicKey(),
                Duration.ofMillis(2_000),
                data,
                0);

        SwipeOutcomes online;
        try (var door = new DoorController(settings, Clock.systemUTC())) {
            assertThat(door.refreshAllowList()).isTrue();
            online = new SwipeOutcomes(
                    door.swipe(site.cardNumber(), Direction.IN), door.swipe(site.cardNumber(), Direction.OUT));
        }
        io.badgeflow.door.SwipeResult offlineIn;
        io.badgeflow.door.SwipeResult unknown;
        long listVersion;
        try (var door = new DoorController(settings.at(unreachable()), Clock.systemUTC())) {
            listVersion = door.allowList().orElseThrow().version();
            offlineIn = door.swipe(site.cardNumber(), Direction.IN);
            unknown = door.swipe("NOPE-" + BackOffice.id(), Direction.IN);
            assertThat(door.buffered()).isEqualTo(2);
        }
        int uploaded;
        try (var door = new DoorController(settings, Clock.systemUTC())) {
            uploaded = door.uploadOffline();
            assertThat(door.buffered()).isZero();
        }

        assertThat(online.in().offline()).isFalse();
        assertThat(online.in().reason()).isEqualTo(DecisionReason.GRANTED);
        assertThat(online.out().offline()).isFalse();
        assertThat(offlineIn.offline()).isTrue();
        assertThat(offlineIn.reason()).isEqualTo(DecisionReason.GRANTED);
        assertThat(offlineIn.allowListVersion()).isEqualTo(listVersion);
        assertThat(unknown.reason()).isEqualTo(DecisionReason.UNKNOWN_CARD);
        assertThat(uploaded).isEqualTo(2);
        var row = awaitRow(offlineIn.eventId());
        assertThat(row.get("offline").bool()).isTrue();
        assertThat(row.get("type").s()).isEqualTo("EntryDecided");
        assertThat(row.get("decision").s()).isEqualTo("GRANTED");
        assertThat(row.get("employeeId").s()).isEqualTo(site.employeeId());
        assertThat(Instant.parse(row.get("occurredAt").s())).isEqualTo(offlineIn.occurredAt());
        assertThat(awaitRow(unknown.eventId()).get("reason").s()).isEqualTo("UNKNOWN_CARD");
        var onlineRow = awaitRow(online.in().eventId());
        assertThat(onlineRow).doesNotContainKey("offline");
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(
                        () -> assertThat(presence().get("lastEventId").s()).isEqualTo(offlineIn.eventId()));
        assertThat(presence().get("inside").bool()).isTrue();
    }

    private record SwipeOutcomes(io.badgeflow.door.SwipeResult in, io.badgeflow.door.SwipeResult out) {}

    private PublicKey publicKey() throws Exception {
        var body = http().get()
                .uri("/door-api/v1/doors/{doorId}/allow-list/public-key", site.doorA())
                .header("X-Door-Key", site.keyA().reveal())
                .retrieve()
                .body(String.class);
        var der = Base64.getDecoder()
                .decode(JsonMapper.shared().readTree(body).get("publicKey").asString());
        return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
    }

    private Map<String, AttributeValue> awaitRow(String eventId) {
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> rows().stream()
                                .filter(row -> eventId.equals(row.get("eventId").s()))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    private List<Map<String, AttributeValue>> rows() {
        return dynamoDb.query(r -> r.tableName(aws.output("SwipesTableName"))
                        .consistentRead(true)
                        .keyConditionExpression("doorId = :door")
                        .expressionAttributeValues(Map.of(":door", AttributeValue.fromS(site.doorA()))))
                .items();
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

    private static URI unreachable() throws Exception {
        try (var socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }
}
