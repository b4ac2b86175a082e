package io.badgeflow.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.aws.dynamodb.BackOfficeTables;
import io.badgeflow.aws.dynamodb.DynamoDbBackOfficeStore;
import io.badgeflow.aws.dynamodb.DynamoDbCommandLog;
import io.badgeflow.aws.json.MessageJson;
import io.badgeflow.model.backoffice.BackOfficeDirectory;
import io.badgeflow.model.backoffice.CommandApplier;
import io.badgeflow.model.command.CommandLog;
import io.badgeflow.model.employee.EmployeeStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SCIM provisioning against the emulator: a real client-credentials token from the emulator's Cognito, each change
 * a command document in the real commands bucket, applied (by a stand-in for card-events that applies every new
 * document, as the Lambda would), and the stored employee, grants and command log read back.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "badgeflow.admin-service.scim.apply-wait=120s")
class ScimProvisioningIntegrationTests {

    private static String scimToken;
    private static String adminToken;

    @DynamicPropertySource
    static void aws(DynamicPropertyRegistry registry) {
        LocalAdminService.properties(registry);
    }

    @BeforeAll
    static void tokens() {
        scimToken = LocalAdminService.scimAccessToken();
        adminToken = LocalAdminService.accessToken("admin");
    }

    @LocalServerPort
    int port;

    @Autowired
    S3Client s3;

    @Autowired
    DynamoDbEnhancedClient enhanced;

    @Autowired
    AdminServiceStack stack;

    @Autowired
    BackOfficeDirectory directory;

    @Autowired
    CommandLog commandLog;

    private final HttpClient http = HttpClient.newHttpClient();
    private ScheduledExecutorService cardEvents;

    /** Applies every command document as card-events does; applying twice is harmless (the log recognises it). */
    @BeforeEach
    void cardEventsStandIn() {
        var tables = new BackOfficeTables(
                stack.employeesTableName(),
                stack.cardsTableName(),
                stack.buildingsTableName(),
                stack.doorsTableName(),
                stack.grantsTableName(),
                stack.commandsTableName());
        var applier = new CommandApplier(
                new DynamoDbBackOfficeStore(enhanced, tables, Duration.ofDays(1)),
                new DynamoDbCommandLog(enhanced, stack.commandsTableName()),
                Clock.systemUTC(),
                Duration.ofMinutes(1));
        Set<String> applied = new HashSet<>();
        cardEvents = Executors.newSingleThreadScheduledExecutor();
        cardEvents.scheduleWithFixedDelay(
                () -> {
                    try {
                        var bucket = stack.commandsBucketName();
                        for (var object : s3.listObjectsV2Paginator(
                                        r -> r.bucket(bucket).prefix("commands/"))
                                .contents()) {
                            if (applied.add(object.key())) {
                                applier.apply(
                                        MessageJson.readCommand(s3.getObjectAsBytes(
                                                        r -> r.bucket(bucket).key(object.key()))
                                                .asByteArray()),
                                        object.key());
                            }
                        }
                    } catch (RuntimeException failed) {
                        // The next round tries again; a test that needs the command waits for it.
                    }
                },
                0,
                200,
                TimeUnit.MILLISECONDS);
    }

    @AfterEach
    void stopStandIn() {
        cardEvents.shutdownNow();
    }

    @Test
    void createsFindsChangesAndOffboardsAPersonThroughTheSameCommands() throws Exception {
        var number = "S-" + UUID.randomUUID().toString().substring(0, 8);
        var externalId = "okta-" + UUID.randomUUID();

        var created = send(
                "POST",
                "/scim/v2/Users",
                scimToken,
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + number
                        + "\",\"externalId\":\"" + externalId
                        + "\",\"name\":{\"givenName\":\"Grace\",\"familyName\":\"Hopper\"},"
                        + "\"emails\":[{\"value\":\"grace@example.com\",\"type\":\"work\",\"primary\":true}],"
                        + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"department\":\"Navy\"}}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/scim+json"));
        var id = json(created).get("id").asString();
        assertThat(created.headers().firstValue("Location"))
                .contains("http://127.0.0.1:" + port + "/scim/v2/Users/" + id);
        var stored = directory.employee(id).orElseThrow();
        assertThat(stored.employeeNumber()).isEqualTo(number);
        assertThat(stored.email()).isEqualTo("grace@example.com");
        assertThat(stored.department()).isEqualTo("Navy");
        assertThat(stored.status()).isEqualTo(EmployeeStatus.ACTIVE);
        var registration = commandLog
                .find(directory.employee(id).orElseThrow().registeredBy())
                .orElseThrow();
        assertThat(registration.type()).isEqualTo("RegisterEmployee");
        assertThat(registration.actor()).isEqualTo(stack.scimClientId());

        var byUserName =
                json(send("GET", "/scim/v2/Users?filter=" + encode("userName eq \"" + number + "\""), scimToken, null));
        assertThat(byUserName.get("totalResults").asInt()).isEqualTo(1);
        assertThat(byUserName.get("Resources").get(0).get("id").asString()).isEqualTo(id);
        var byExternalId = json(send(
                "GET", "/scim/v2/Users?filter=" + encode("externalId eq \"" + externalId + "\""), scimToken, null));
        assertThat(byExternalId.get("Resources").get(0).get("userName").asString())
                .isEqualTo(number);

        var patched = send(
                "PATCH",
                "/scim/v2/Users/" + id,
                scimToken,
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
                        + "{\"op\":\"Replace\",\"path\":\"name.givenName\",\"value\":\"Amazing Grace\"},"
                        + "{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"grace.hopper@example.com\"}]}");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        stored = directory.employee(id).orElseThrow();
        assertThat(stored.givenName()).isEqualTo("Amazing Grace");
        assertThat(stored.email()).isEqualTo("grace.hopper@example.com");

        var offboarded = send(
                "PATCH",
                "/scim/v2/Users/" + id,
                scimToken,
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
                        + "{\"op\":\"replace\",\"value\":{\"active\":false}}]}");
        assertThat(offboarded.statusCode()).as(offboarded.body()).isEqualTo(200);
        assertThat(json(offboarded).get("active").asBoolean()).isFalse();
        assertThat(directory.employee(id).orElseThrow().status()).isEqualTo(EmployeeStatus.OFFBOARDED);

        var reactivated = send(
                "PATCH",
                "/scim/v2/Users/" + id,
                scimToken,
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
                        + "{\"op\":\"replace\",\"path\":\"active\",\"value\":true}]}");
        assertThat(reactivated.statusCode()).isEqualTo(400);
        assertThat(json(reactivated).get("scimType").asString()).isEqualTo("mutability");

        assertThat(send("DELETE", "/scim/v2/Users/" + id, scimToken, null).statusCode())
                .isEqualTo(204);
        var gone = send("GET", "/scim/v2/Users/" + id, scimToken, null);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(json(gone).get("status").asString()).isEqualTo("404");
        assertThat(json(gone).get("schemas").get(0).asString())
                .isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        // The back office keeps the offboarded person and their history.
        assertThat(directory.employee(id).orElseThrow().status()).isEqualTo(EmployeeStatus.OFFBOARDED);
    }

    @Test
    void groupMembershipIsTheBuildingsAccessGrants() throws Exception {
        var suffix = UUID.randomUUID().toString().substring(0, 8);
        var buildingId = "SC-" + suffix;
        var building = send(
                "POST",
                "/api/v1/buildings",
                adminToken,
                "{\"buildingId\":\"" + buildingId + "\",\"name\":\"Scim " + suffix
                        + "\",\"timeZone\":\"Europe/Paris\"}");
        assertThat(building.statusCode()).isEqualTo(202);
        var user = json(send(
                "POST",
                "/scim/v2/Users",
                scimToken,
                "{\"userName\":\"G-" + suffix + "\",\"name\":{\"givenName\":\"Alan\",\"familyName\":\"Turing\"},"
                        + "\"emails\":[{\"value\":\"alan@example.com\"}]}"));
        var id = user.get("id").asString();
        await(() -> directory.building(buildingId).isPresent());

        var byName = json(send(
                "GET", "/scim/v2/Groups?filter=" + encode("displayName eq \"Scim " + suffix + "\""), scimToken, null));
        assertThat(byName.get("totalResults").asInt()).isEqualTo(1);

        var added = send(
                "PATCH",
                "/scim/v2/Groups/" + buildingId,
                scimToken,
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
                        + "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + id + "\"}]}]}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        assertThat(directory.grantsOf(id))
                .extracting(grant -> grant.buildingId())
                .containsExactly(buildingId);
        assertThat(json(added).get("members").get(0).get("value").asString()).isEqualTo(id);

        var removed = send(
                "PATCH",
                "/scim/v2/Groups/" + buildingId,
                scimToken,
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
                        + "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + id + "\\\"]\"}]}");
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
        assertThat(directory.grantsOf(id)).isEmpty();
    }

    @Test
    void acceptsOnlyTheScimClientsTokensAndOnlyOnScim() throws Exception {
        var userToken = send("GET", "/scim/v2/Users", adminToken, null);
        assertThat(userToken.statusCode()).isEqualTo(401);
        assertThat(json(userToken).get("status").asString()).isEqualTo("401");

        assertThat(send("GET", "/api/v1/employees", scimToken, null).statusCode())
                .isEqualTo(401);
        assertThat(send("GET", "/scim/v2/ServiceProviderConfig", scimToken, null)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void answersAnUnsupportedFilterWithInvalidFilter() throws Exception {
        var response = send("GET", "/scim/v2/Users?filter=" + encode("name.familyName co \"x\""), scimToken, null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("scimType").asString()).isEqualTo("invalidFilter");
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        var deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited two minutes").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/scim+json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JsonMapper.shared().readTree(response.body());
    }
}
