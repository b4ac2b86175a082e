package io.badgeflow.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.aws.dynamodb.BackOfficeTables;
import io.badgeflow.aws.dynamodb.DynamoDbBackOfficeStore;
import io.badgeflow.aws.dynamodb.DynamoDbPresenceLedger;
import io.badgeflow.aws.dynamodb.DynamoDbSwipeLog;
import io.badgeflow.model.backoffice.Change;
import io.badgeflow.model.building.Building;
import io.badgeflow.model.card.Card;
import io.badgeflow.model.card.CardStatus;
import io.badgeflow.model.door.DecisionReason;
import io.badgeflow.model.door.DeviceKey;
import io.badgeflow.model.door.DeviceKeyHash;
import io.badgeflow.model.door.Direction;
import io.badgeflow.model.door.Door;
import io.badgeflow.model.door.DoorCapability;
import io.badgeflow.model.door.EntryDecided;
import io.badgeflow.model.door.Outcome;
import io.badgeflow.model.employee.Affiliation;
import io.badgeflow.model.employee.Employee;
import io.badgeflow.model.employee.EmployeeStatus;
import io.badgeflow.model.grant.AccessGrant;
import io.badgeflow.model.presence.Presence;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read side against the emulator: back-office records committed by card-events' adapter, door events and
 * presence written by the stream consumer's adapters, and the API answering from those stored rows — the muster
 * list with names, the swipe audit in pages and as a CSV longer than one page, the rules' answers, the live feed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReadSideApiIntegrationTests {

    private static String operatorToken;
    private static String auditorToken;

    @DynamicPropertySource
    static void aws(DynamicPropertyRegistry registry) {
        LocalAdminService.properties(registry);
    }

    @BeforeAll
    static void users() {
        operatorToken = LocalAdminService.accessToken("operator");
        auditorToken = LocalAdminService.accessToken("auditor");
    }

    @LocalServerPort
    int port;

    @Autowired
    DynamoDbEnhancedClient enhanced;

    @Autowired
    AdminServiceStack stack;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private String buildingId;
    private Door door;
    private Employee ada;
    private Employee bob;

    @BeforeEach
    void aBuildingWithADoorAndTwoEmployeesOneRevoked() {
        var tables = new BackOfficeTables(
                stack.employeesTableName(),
                stack.cardsTableName(),
                stack.buildingsTableName(),
                stack.doorsTableName(),
                stack.grantsTableName(),
                stack.commandsTableName());
        var store = new DynamoDbBackOfficeStore(enhanced, tables, Duration.ofDays(1));
        buildingId = "RS-" + suffix;
        door = new Door(
                "door-" + suffix,
                buildingId,
                "Front " + suffix,
                DoorCapability.BOTH,
                DeviceKeyHash.of(DeviceKey.generate()),
                1);
        ada = employee("ada-" + suffix, "Ada", "Aardvark" + suffix, "card-a-" + suffix);
        bob = employee("bob-" + suffix, "Bob", "Zebra" + suffix, "card-b-" + suffix);
        store.commit(
                List.of(
                        new Change.SaveBuilding(
                                new Building(buildingId, "Read side " + suffix, ZoneId.of("Europe/Paris"), 1)),
                        new Change.SaveDoor(door),
                        new Change.SaveEmployee(ada),
                        new Change.SaveEmployee(bob),
                        new Change.SaveCard(new Card(
                                ada.currentCardId(),
                                "NA" + suffix,
                                CardStatus.ACTIVE,
                                ada.employeeId(),
                                null,
                                null,
                                now,
                                now,
                                1)),
                        new Change.SaveCard(new Card(
                                bob.currentCardId(),
                                "NB" + suffix,
                                CardStatus.REVOKED,
                                bob.employeeId(),
                                null,
                                null,
                                now,
                                now,
                                1)),
                        new Change.SaveGrant(
                                new AccessGrant(ada.employeeId(), buildingId, null, null, null, now, "itest", 1)),
                        new Change.SaveGrant(
                                new AccessGrant(bob.employeeId(), buildingId, null, null, null, now, "itest", 1))),
                List.of());
    }

    @Test
    void listsWhoIsInsideWithNamesFromStoredPresence() throws Exception {
        var presence = new DynamoDbPresenceLedger(enhanced, stack.presenceTableName());
        var inside = Presence.unknown(ada.employeeId(), buildingId).entered("evt-in-" + suffix, door.doorId(), now);
        assertThat(presence.replace(Presence.unknown(ada.employeeId(), buildingId), inside))
                .isTrue();
        var left = Presence.unknown(bob.employeeId(), buildingId)
                .entered("evt-b1-" + suffix, door.doorId(), now)
                .left("evt-b2-" + suffix, door.doorId(), now.plusSeconds(1));
        assertThat(presence.replace(Presence.unknown(bob.employeeId(), buildingId), left))
                .isTrue();

        var occupancy = json(get("/api/v1/buildings/" + buildingId + "/occupancy", operatorToken, 200));
        assertThat(occupancy.get("inside").asLong()).isEqualTo(1);

        var muster = json(get("/api/v1/buildings/" + buildingId + "/muster", operatorToken, 200));
        assertThat(muster.get("inside").asInt()).isEqualTo(1);
        var person = muster.get("people").get(0);
        assertThat(person.get("employeeId").asString()).isEqualTo(ada.employeeId());
        assertThat(person.get("familyName").asString()).isEqualTo(ada.familyName());
        assertThat(person.get("lastDoorName").asString()).isEqualTo(door.name());
        assertThat(Instant.parse(person.get("since").asString())).isEqualTo(now);

        get("/api/v1/buildings/" + buildingId + "/muster", auditorToken, 403);
    }

    @Test
    void auditsStoredSwipesInPagesAndStreamsThemAsCsvBeyondOnePage() throws Exception {
        var log = new DynamoDbSwipeLog(enhanced, stack.swipesTableName(), Duration.ofDays(1));
        var from = now.minus(Duration.ofHours(1));
        var written = new ArrayList<String>();
        for (var i = 0; i < 130; i++) {
            var denied = i % 10 == 0;
            var holder = denied ? bob : ada;
            var event = new EntryDecided(
                    "evt-" + i + "-" + suffix,
                    door.doorId(),
                    buildingId,
                    denied ? "NB" + suffix : "NA" + suffix,
                    Direction.IN,
                    holder.currentCardId(),
                    denied ? CardStatus.REVOKED : CardStatus.ACTIVE,
                    holder.employeeId(),
                    denied ? Outcome.DENIED : Outcome.GRANTED,
                    denied ? DecisionReason.CARD_NOT_ACTIVE : DecisionReason.GRANTED,
                    denied ? "card-active" : "all-rules-passed",
                    "2026-11-24.1",
                    List.of(),
                    from.plusSeconds(i),
                    now);
            assertThat(log.record(event)).isTrue();
            written.add(event.eventId());
        }
        var range = "&from=" + from + "&to=" + now;

        var first =
                json(get("/api/v1/audit/swipes?employeeId=" + bob.employeeId() + range + "&size=5", auditorToken, 200));
        assertThat(first.get("items").size()).isEqualTo(5);
        assertThat(first.get("items").get(0).get("eventId").asString()).isEqualTo(written.get(0));
        assertThat(first.get("items").get(0).get("reason").asString()).isEqualTo("CARD_NOT_ACTIVE");
        assertThat(first.get("items").get(0).get("familyName").asString()).isEqualTo(bob.familyName());
        var second = json(get(
                "/api/v1/audit/swipes?employeeId=" + bob.employeeId() + range + "&size=5&cursor="
                        + first.get("next").asString(),
                auditorToken,
                200));
        assertThat(second.get("items").get(0).get("eventId").asString()).isEqualTo(written.get(50));
        assertThat(second.get("items").get(4).get("eventId").asString()).isEqualTo(written.get(90));

        var csv = get("/api/v1/audit/swipes.csv?buildingId=" + buildingId + range, auditorToken, 200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        var lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(1 + 130);
        assertThat(lines[0]).startsWith("occurredAt,eventId,type,buildingId,doorId,doorName,employeeId");
        assertThat(lines[1]).contains(written.get(0)).contains(bob.familyName()).contains("DENIED,CARD_NOT_ACTIVE");
        assertThat(lines[130])
                .contains(written.get(129))
                .contains(ada.familyName())
                .contains(door.name());

        get("/api/v1/audit/swipes?doorId=" + door.doorId() + range, operatorToken, 403);
        var tooLong = get(
                "/api/v1/audit/swipes?doorId=" + door.doorId() + "&from=" + now.minus(Duration.ofDays(40)) + "&to="
                        + now,
                auditorToken,
                400);
        assertThat(tooLong.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    @Test
    void feedsTheLatestStoredEventsAndTheBuildingsOccupancyToTheLiveView() throws Exception {
        var log = new DynamoDbSwipeLog(enhanced, stack.swipesTableName(), Duration.ofDays(1));
        var revoked = new EntryDecided(
                "evt-live-" + suffix,
                door.doorId(),
                buildingId,
                "NB" + suffix,
                Direction.IN,
                bob.currentCardId(),
                CardStatus.REVOKED,
                bob.employeeId(),
                Outcome.DENIED,
                DecisionReason.CARD_NOT_ACTIVE,
                "card-active",
                "2026-11-24.1",
                List.of(io.badgeflow.model.door.AlarmType.REVOKED_CARD_USED),
                now.minusSeconds(2),
                now);
        log.record(revoked);

        var live = json(get("/api/v1/live", operatorToken, 200));

        var event = live.get("events")
                .valueStream()
                .filter(e -> e.get("eventId").asString().equals(revoked.eventId()))
                .findFirst()
                .orElseThrow();
        assertThat(event.get("familyName").asString()).isEqualTo(bob.familyName());
        assertThat(event.get("reason").asString()).isEqualTo("CARD_NOT_ACTIVE");
        assertThat(live.get("alarms").findValuesAsString("eventId")).contains(revoked.eventId());
        assertThat(live.get("buildings").findValuesAsString("buildingId")).contains(buildingId);
        get("/api/v1/live", auditorToken, 403);
    }

    @Test
    void answersWhoCanEnterAndCanEnterByTheEntryRules() throws Exception {
        var who = json(get("/api/v1/doors/" + door.doorId() + "/who-can-enter", operatorToken, 200));
        assertThat(who.get("granted").findValuesAsString("employeeId")).containsExactly(ada.employeeId());
        assertThat(who.get("refused").get(0).get("employeeId").asString()).isEqualTo(bob.employeeId());
        assertThat(who.get("refused").get(0).get("reason").asString()).isEqualTo("CARD_NOT_ACTIVE");

        var can = json(get("/api/v1/employees/" + ada.employeeId() + "/can-enter", auditorToken, 200));
        assertThat(can.get("buildings").get(0).get("buildingId").asString()).isEqualTo(buildingId);
        assertThat(can.get("buildings").get(0).get("decision").asString()).isEqualTo("GRANTED");
        assertThat(json(get("/api/v1/employees/" + bob.employeeId() + "/can-enter", auditorToken, 200))
                        .get("buildings")
                        .get(0)
                        .get("rule")
                        .asString())
                .isEqualTo("card-active");
    }

    private Employee employee(String employeeId, String givenName, String familyName, String cardId) {
        return new Employee(
                employeeId,
                "E" + employeeId,
                givenName,
                familyName,
                employeeId + "@example.com",
                null,
                EmployeeStatus.ACTIVE,
                cardId,
                List.of(cardId),
                now,
                "itest",
                now,
                1,
                Affiliation.EMPLOYEE);
    }

    private HttpResponse<String> get(String path, String token, int expectedStatus) throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("GET %s: %s", path, response.body())
                .isEqualTo(expectedStatus);
        return response;
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JsonMapper.shared().readTree(response.body());
    }
}
