package io.badgeflow.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.aws.dynamodb.DynamoDbAdminAuditTrail;
import io.badgeflow.aws.testing.AwsClients;
import io.badgeflow.aws.testing.LocalAws;
import io.badgeflow.model.audit.AuditEntry;
import io.badgeflow.model.command.CommandStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin audit views against the emulator: blocks appended by the adapter card-events uses are verified and
 * listed through the API, and a block changed behind the chain's back is reported at its sequence. The test owns
 * its chain (a table with the storage stack's keys), so its tampering breaks no one else's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminAuditApiIntegrationTests {

    private static DynamoDbClient dynamoDb;
    private static String table;
    private static String auditorToken;
    private static String operatorToken;

    @DynamicPropertySource
    static void aws(DynamicPropertyRegistry registry) {
        var aws = LocalAws.environment();
        dynamoDb = AwsClients.dynamoDb(aws);
        var template = dynamoDb.describeTable(r -> r.tableName(aws.output("AdminAuditTableName")))
                .table();
        table = "admin-audit-api-" + UUID.randomUUID();
        dynamoDb.createTable(r -> r.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(template.keySchema())
                .attributeDefinitions(template.attributeDefinitions()));
        dynamoDb.waiter().waitUntilTableExists(r -> r.tableName(table));
        LocalAdminService.properties(registry);
        registry.add("badgeflow.stack.AdminAuditTableName", () -> table);
    }

    @BeforeAll
    static void users() {
        auditorToken = LocalAdminService.accessToken("auditor");
        operatorToken = LocalAdminService.accessToken("operator");
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void verifiesAnIntactChainListsItsBlocksAndReportsABlockChangedBehindItsBack() throws Exception {
        var trail = new DynamoDbAdminAuditTrail(dynamoDb, table, Clock.systemUTC());
        trail.append("cmd-1", List.of(entry("cmd-1", "sub-admin-1")));
        trail.append("cmd-2", List.of(entry("cmd-2", "sub-admin-2")));
        var head = trail.latest(1).getFirst();

        var intact = json(get("/api/v1/admin-audit/verify", auditorToken, 200));
        assertThat(intact.get("intact").asBoolean()).isTrue();
        assertThat(intact.get("blocksChecked").asLong()).isEqualTo(2);
        assertThat(intact.get("headSequence").asLong()).isEqualTo(2);
        assertThat(intact.get("headHash").asString()).isEqualTo(head.hash());

        var blocks = json(get("/api/v1/admin-audit?limit=1", auditorToken, 200)).get("items");
        assertThat(blocks.size()).isEqualTo(1);
        assertThat(blocks.get(0).get("sequence").asLong()).isEqualTo(2);
        assertThat(blocks.get(0).get("blockId").asString()).isEqualTo("cmd-2");
        assertThat(blocks.get(0).get("entries").get(0).get("actor").asString()).isEqualTo("sub-admin-2");

        dynamoDb.updateItem(r -> r.tableName(table)
                .key(Map.of("chain", AttributeValue.fromS("main"), "sequence", AttributeValue.fromN("1")))
                .updateExpression("SET entries[0].actor = :v")
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromS("mallory"))));

        var broken = json(get("/api/v1/admin-audit/verify", auditorToken, 200));
        assertThat(broken.get("intact").asBoolean()).isFalse();
        assertThat(broken.get("sequence").asLong()).isEqualTo(1);
        assertThat(broken.get("blockId").asString()).isEqualTo("cmd-1");
        assertThat(broken.get("problem").asString()).isEqualTo("HASH_MISMATCH");
        assertThat(broken.get("message").asString()).isNotBlank();
    }

    @Test
    void refusesOperators() throws Exception {
        var refused = get("/api/v1/admin-audit/verify", operatorToken, 403);
        assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
        get("/api/v1/admin-audit", operatorToken, 403);
    }

    private static AuditEntry entry(String commandId, String actor) {
        return new AuditEntry(
                commandId, "RegisterEmployee", actor, CommandStatus.APPLIED, null, "emp-" + commandId, Instant.now());
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
