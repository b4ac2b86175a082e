package io.badgeflow.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.aws.archive.S3EventArchive;
import io.badgeflow.aws.testing.AwsClients;
import io.badgeflow.aws.testing.LocalAws;
import io.badgeflow.model.archive.ArchivedEvent;
import io.badgeflow.model.card.CardStatus;
import io.badgeflow.model.door.DecisionReason;
import io.badgeflow.model.door.Direction;
import io.badgeflow.model.door.EntryDecided;
import io.badgeflow.model.door.ExitRecorded;
import io.badgeflow.model.door.Outcome;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Who was inside" against the emulator: passages archived by the adapter the consumer uses, the building and the
 * employee rows as the back office stores them, the answer through the API with a real auditor token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InsideAtIntegrationTests {

    private static String auditorToken;

    @LocalServerPort
    int port;

    private final String building = "bldg-" + UUID.randomUUID();
    private final String employee = "emp-" + UUID.randomUUID();
    private final String leaver = "emp-" + UUID.randomUUID();

    @DynamicPropertySource
    static void aws(DynamicPropertyRegistry registry) {
        LocalAdminService.properties(registry);
    }

    @BeforeAll
    static void users() {
        auditorToken = LocalAdminService.accessToken("auditor");
    }

    @Test
    void rebuildsWhoWasInsideFromTheArchiveWithNamesFromTheEmployeesTable() throws Exception {
        var aws = LocalAws.environment();
        var dynamoDb = AwsClients.dynamoDb(aws);
        dynamoDb.putItem(r -> r.tableName(aws.output("BuildingsTableName"))
                .item(Map.of(
                        "buildingId",
                        s(building),
                        "name",
                        s("Archive test"),
                        "timeZone",
                        s("Europe/London"),
                        "version",
                        AttributeValue.fromN("1"))));
        dynamoDb.putItem(r -> r.tableName(aws.output("EmployeesTableName"))
                .item(Map.of(
                        "employeeId",
                        s(employee),
                        "employeeNumber",
                        s("E-" + employee),
                        "givenName",
                        s("Grace"),
                        "familyName",
                        s("Hopper"),
                        "email",
                        s("grace@example.com"),
                        "status",
                        s("ACTIVE"),
                        "registeredAt",
                        s("2026-01-01T00:00:00Z"),
                        "registeredBy",
                        s("itest"),
                        "version",
                        AttributeValue.fromN("1"))));
        var nine = Instant.now().minus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        new S3EventArchive(AwsClients.s3(aws), aws.output("ArchiveBucketName"))
                .store(
                        "shardId-000000000000",
                        List.of(
                                new ArchivedEvent("10", entry(employee, nine.plusSeconds(60))),
                                new ArchivedEvent("11", entry(leaver, nine.plusSeconds(120))),
                                new ArchivedEvent("12", exit(leaver, nine.plusSeconds(3700)))));

        var answer = get("/api/v1/buildings/" + building + "/inside-at?at=" + nine.plusSeconds(7200));

        assertThat(answer.statusCode()).isEqualTo(200);
        var body = JsonMapper.shared().readTree(answer.body());
        assertThat(body.get("lookBackFrom").asString())
                .isEqualTo(nine.plusSeconds(7200).minusSeconds(86_400).toString());
        assertThat(body.get("people")).hasSize(1);
        JsonNode person = body.get("people").get(0);
        assertThat(person.get("employeeId").asString()).isEqualTo(employee);
        assertThat(person.get("employeeNumber").asString()).isEqualTo("E-" + employee);
        assertThat(person.get("name").asString()).isEqualTo("Grace Hopper");
        assertThat(person.get("since").asString())
                .isEqualTo(nine.plusSeconds(60).toString());
        assertThat(person.get("lastDoorId").asString()).isEqualTo("door-in");
        assertThat(body.get("eventsRead").asLong()).isGreaterThanOrEqualTo(3);

        var before = get("/api/v1/buildings/" + building + "/inside-at?at=" + nine.plusSeconds(3600));
        assertThat(JsonMapper.shared().readTree(before.body()).get("people")).hasSize(2);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .header("Authorization", "Bearer " + auditorToken)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private EntryDecided entry(String who, Instant at) {
        return new EntryDecided(
                UUID.randomUUID().toString(),
                "door-in",
                building,
                "card-" + who,
                Direction.IN,
                "card-" + who,
                CardStatus.ACTIVE,
                who,
                Outcome.GRANTED,
                DecisionReason.GRANTED,
                "all-rules-passed",
                "2026-11-24.1",
                List.of(),
                at,
                at);
    }

    private ExitRecorded exit(String who, Instant at) {
        return new ExitRecorded(
                UUID.randomUUID().toString(),
                "door-out",
                building,
                "card-" + who,
                "card-" + who,
                who,
                List.of(),
                at,
                at);
    }
}
