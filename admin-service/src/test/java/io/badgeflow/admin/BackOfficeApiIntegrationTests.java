package io.badgeflow.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.aws.dynamodb.BackOfficeTables;
import io.badgeflow.aws.dynamodb.DynamoDbBackOfficeStore;
import io.badgeflow.aws.dynamodb.DynamoDbCommandLog;
import io.badgeflow.aws.json.MessageJson;
import io.badgeflow.aws.s3.CommandDocumentKey;
import io.badgeflow.model.backoffice.CommandApplier;
import io.badgeflow.model.command.CommandStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The back office end to end against the emulator, without card-events: commands go in through the API with
 * real Cognito tokens, their documents are applied from the real bucket by the model's applier into the real
 * tables (as card-events would), and the read side answers from those tables.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BackOfficeApiIntegrationTests {

    private static String adminToken;
    private static String operatorToken;

    @DynamicPropertySource
    static void aws(DynamicPropertyRegistry registry) {
        LocalAdminService.properties(registry);
    }

    @BeforeAll
    static void users() {
        adminToken = LocalAdminService.accessToken("admin");
        operatorToken = LocalAdminService.accessToken("operator");
    }

    @LocalServerPort
    int port;

    @Autowired
    S3Client s3;

    @Autowired
    DynamoDbClient dynamoDb;

    @Autowired
    DynamoDbEnhancedClient enhanced;

    @Autowired
    AdminServiceStack stack;

    private final HttpClient http = HttpClient.newHttpClient();
    private CommandApplier applier;

    @BeforeEach
    void cardEventsStandIn() {
        var tables = new BackOfficeTables(
                stack.employeesTableName(),
                stack.cardsTableName(),
                stack.buildingsTableName(),
                stack.doorsTableName(),
                stack.grantsTableName(),
                stack.commandsTableName());
        var store = new DynamoDbBackOfficeStore(enhanced, tables, Duration.ofDays(1));
        applier = new CommandApplier(
                store,
                new DynamoDbCommandLog(enhanced, stack.commandsTableName()),
                Clock.systemUTC(),
                Duration.ofMinutes(1));
    }

    @Test
    void registersABuildingAnEmployeeAndACardAndReadsThemBackOnceApplied() throws Exception {
        var suffix = UUID.randomUUID().toString().substring(0, 8);
        var buildingId = "IT-" + suffix;
        var number = "N-" + suffix;
        var familyName = "Zed" + suffix;
        var commands = new ArrayList<String>();

        var building = accepted(
                send(
                        "POST",
                        "/api/v1/buildings",
                        adminToken,
                        "{\"buildingId\":\"" + buildingId
                                + "\",\"name\":\"Integration\",\"timeZone\":\"Europe/Paris\"}"),
                commands);
        assertThat(building.get("buildingId").asString()).isEqualTo(buildingId);
        var employeeId = accepted(
                        send(
                                "POST",
                                "/api/v1/employees",
                                adminToken,
                                "{\"employeeNumber\":\"" + number + "\",\"givenName\":\"Ida\",\"familyName\":\""
                                        + familyName + "\",\"email\":\"ida@example.com\"}"),
                        commands)
                .get("employeeId")
                .asString();
        var cardId = accepted(
                        send(
                                "POST",
                                "/api/v1/cards",
                                adminToken,
                                "{\"cardNumber\":\"C" + suffix + "\",\"employeeId\":\"" + employeeId + "\"}"),
                        commands)
                .get("cardId")
                .asString();
        accepted(
                send(
                        "POST",
                        "/api/v1/employees/" + employeeId + "/grants",
                        adminToken,
                        "{\"buildingId\":\"" + buildingId
                                + "\",\"schedule\":{\"days\":[\"MONDAY\",\"FRIDAY\"],\"from\":\"07:00\",\"until\":\"19:00\"}}"),
                commands);
        var door = accepted(
                send(
                        "POST",
                        "/api/v1/buildings/" + buildingId + "/doors",
                        adminToken,
                        "{\"name\":\"Front\",\"capability\":\"IN\"}"),
                commands);
        assertThat(door.get("deviceKey").asString()).isNotBlank();

        for (var commandId : commands) {
            assertThat(apply(commandId)).as(commandId).isEqualTo(CommandStatus.APPLIED);
            assertThat(json(send("GET", "/api/v1/commands/" + commandId, operatorToken, null))
                            .get("status")
                            .asString())
                    .isEqualTo("APPLIED");
        }

        var details = json(send("GET", "/api/v1/employees/" + employeeId, operatorToken, null));
        assertThat(details.get("employee").get("employeeNumber").asString()).isEqualTo(number);
        assertThat(details.get("employee").get("currentCardId").asString()).isEqualTo(cardId);
        assertThat(details.get("cards").get(0).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(details.get("grants").get(0).get("buildingId").asString()).isEqualTo(buildingId);
        assertThat(types(details.get("commands").get("items")))
                .contains("RegisterEmployee", "IssueCard", "GrantAccess");

        assertThat(json(send("GET", "/api/v1/employees?q=" + number, operatorToken, null))
                        .get("items")
                        .get(0)
                        .get("employeeId")
                        .asString())
                .isEqualTo(employeeId);
        assertThat(json(send("GET", "/api/v1/employees?q=" + familyName.toLowerCase(), operatorToken, null))
                        .get("items")
                        .get(0)
                        .get("employeeId")
                        .asString())
                .isEqualTo(employeeId);

        var card = json(send("GET", "/api/v1/cards/" + cardId, operatorToken, null));
        assertThat(card.get("card").get("employeeId").asString()).isEqualTo(employeeId);
        assertThat(types(card.get("commands").get("items"))).contains("IssueCard");

        var site = send("GET", "/api/v1/buildings/" + buildingId, operatorToken, null);
        assertThat(json(site).get("building").get("timeZone").asString()).isEqualTo("Europe/Paris");
        assertThat(json(site).get("doors").get(0).get("doorId").asString())
                .isEqualTo(door.get("doorId").asString());
        assertThat(site.body()).doesNotContain("keyHash");
        assertThat(json(send("GET", "/api/v1/buildings/" + buildingId + "/grants", operatorToken, null))
                        .get("items")
                        .get(0)
                        .get("employeeId")
                        .asString())
                .isEqualTo(employeeId);
        assertThat(json(send("GET", "/api/v1/doors/" + door.get("doorId").asString(), operatorToken, null))
                        .get("capability")
                        .asString())
                .isEqualTo("IN");
    }

    @Test
    void answersARetryFromTheIdempotencyTableWithTheSameCommand() throws Exception {
        var key = "itest-" + UUID.randomUUID();
        var body = "{\"buildingId\":\"R-" + key.substring(6, 14) + "\",\"name\":\"Retry\",\"timeZone\":\"UTC\"}";

        var first = sendWithKey("/api/v1/buildings", body, key);
        var retry = sendWithKey("/api/v1/buildings", body, key);
        var reused = sendWithKey("/api/v1/buildings", body.replace("Retry", "Other"), key);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(retry.headers().firstValue("Location"))
                .isEqualTo(first.headers().firstValue("Location"));
        assertThat(json(retry).get("commandId").asString())
                .isEqualTo(json(first).get("commandId").asString());
        assertThat(reused.statusCode()).isEqualTo(409);
        assertThat(reused.headers().firstValue("Content-Type")).contains("application/problem+json");

        var claims = dynamoDb.scan(r -> r.tableName(stack.idempotencyTableName())).items().stream()
                .filter(item -> item.get("id").s().endsWith(":" + key))
                .toList();
        assertThat(claims).singleElement().satisfies(item -> {
            assertThat(item.get("commandId").s())
                    .isEqualTo(json(first).get("commandId").asString());
            assertThat(Instant.ofEpochSecond(
                            Long.parseLong(item.get("expiresAt").n())))
                    .isBetween(
                            Instant.now().plus(Duration.ofHours(23)),
                            Instant.now().plus(Duration.ofHours(25)));
        });
    }

    private CommandStatus apply(String commandId) {
        var bucket = stack.commandsBucketName();
        var key = CommandDocumentKey.of(commandId);
        var command = MessageJson.readCommand(
                s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray());
        return applier.apply(command, key).status();
    }

    private static JsonNode accepted(HttpResponse<String> response, List<String> commands) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        var body = json(response);
        commands.add(body.get("commandId").asString());
        assertThat(response.headers().firstValue("Location"))
                .contains("/api/v1/commands/" + body.get("commandId").asString());
        return body;
    }

    private static List<String> types(JsonNode items) {
        var types = new ArrayList<String>();
        items.forEach(item -> types.add(item.get("type").asString()));
        return types;
    }

    private HttpResponse<String> sendWithKey(String path, String body, String key) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer " + adminToken)
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        var response = http.send(
                request.method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400) {
            throw new AssertionError(method + " " + path + " -> " + response.statusCode() + " " + response.body());
        }
        return response;
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JsonMapper.shared().readTree(response.body());
    }
}
