package io.badgeflow.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.aws.dynamodb.DynamoDbAdminAuditTrail;
import io.badgeflow.aws.dynamodb.DynamoDbAlarmLedger;
import io.badgeflow.aws.testing.AwsClients;
import io.badgeflow.aws.testing.LocalAws;
import io.badgeflow.model.alarm.Alarm;
import io.badgeflow.model.audit.AuditBlock;
import io.badgeflow.model.door.AlarmType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
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
 * The alarms and alarm-subscriptions API against the emulator: an alarm the consumer's ledger stored is listed,
 * acknowledged and resolved by an operator with who, when and a note, refused a second time (409) and to an auditor
 * (403), and each action is in the admin audit trail; subscriptions are added (email through SNS, a webhook with its
 * secret once, stored encrypted), validated (400), rotated and removed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AlarmsApiIntegrationTests {

    private static String operatorToken;
    private static String auditorToken;
    private static String adminToken;

    @DynamicPropertySource
    static void aws(DynamicPropertyRegistry registry) {
        LocalAdminService.properties(registry);
        registry.add("badgeflow.admin-service.webhooks.allow-loopback-http", () -> "true");
    }

    @BeforeAll
    static void users() {
        operatorToken = LocalAdminService.accessToken("operator");
        auditorToken = LocalAdminService.accessToken("auditor");
        adminToken = LocalAdminService.accessToken("admin");
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JsonMapper.shared().readTree(response.body());
    }

    private static Alarm raised() {
        var aws = LocalAws.environment();
        var dynamoDb = AwsClients.dynamoDb(aws);
        var eventId = UUID.randomUUID().toString();
        var now = Instant.now();
        var alarm = new Alarm(
                Alarm.idOf(eventId, AlarmType.DOOR_FORCED),
                AlarmType.DOOR_FORCED,
                "door-" + UUID.randomUUID(),
                "HQ-ALARMS",
                eventId,
                null,
                null,
                null,
                now,
                now);
        new DynamoDbAlarmLedger(
                        AwsClients.enhanced(dynamoDb),
                        dynamoDb,
                        aws.output("AlarmsTableName"),
                        DynamoDbAlarmLedger.DEFAULT_RETENTION,
                        Clock.systemUTC())
                .markPublished(alarm);
        return alarm;
    }

    @Test
    void anOperatorAcknowledgesThenResolvesAnAlarmAndBothAreAudited() throws Exception {
        var alarm = raised();

        var open = call("GET", "/api/v1/alarms?limit=200", auditorToken, null);
        assertThat(open.statusCode()).isEqualTo(200);
        assertThat(json(open).get("alarms").findValuesAsString("alarmId")).contains(alarm.alarmId());

        var denied = call("POST", "/api/v1/alarms/" + alarm.alarmId() + "/acknowledge", auditorToken, "{}");
        assertThat(denied.statusCode()).isEqualTo(403);

        var acked = call(
                "POST",
                "/api/v1/alarms/" + alarm.alarmId() + "/acknowledge",
                operatorToken,
                "{\"note\":\"on my way\"}");
        assertThat(acked.statusCode()).isEqualTo(200);
        assertThat(json(acked).get("status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(json(acked).get("acknowledgedBy").asString()).startsWith("itest-operator-");
        assertThat(json(acked).get("acknowledgeNote").asString()).isEqualTo("on my way");

        var again = call("POST", "/api/v1/alarms/" + alarm.alarmId() + "/acknowledge", operatorToken, "{}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));

        var resolved = call(
                "POST", "/api/v1/alarms/" + alarm.alarmId() + "/resolve", operatorToken, "{\"note\":\"door shut\"}");
        assertThat(resolved.statusCode()).isEqualTo(200);
        assertThat(json(resolved).get("status").asString()).isEqualTo("RESOLVED");

        var history = call("GET", "/api/v1/alarms?doorId=" + alarm.doorId(), auditorToken, null);
        assertThat(json(history).get("alarms").get(0).get("resolveNote").asString())
                .isEqualTo("door shut");
        var unresolved = call("GET", "/api/v1/alarms?limit=200", auditorToken, null);
        assertThat(json(unresolved).get("alarms").findValuesAsString("alarmId")).doesNotContain(alarm.alarmId());

        var aws = LocalAws.environment();
        var audit = new DynamoDbAdminAuditTrail(
                AwsClients.dynamoDb(aws), aws.output("AdminAuditTableName"), Clock.systemUTC());
        assertThat(audit.latest(100))
                .extracting(AuditBlock::blockId)
                .contains("alarm:" + alarm.alarmId() + ":ACKNOWLEDGED", "alarm:" + alarm.alarmId() + ":RESOLVED");
    }

    @Test
    void anUnknownAlarmIs404AndBadListParametersAre400() throws Exception {
        assertThat(call("POST", "/api/v1/alarms/no-such-alarm/resolve", operatorToken, "{}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(call("GET", "/api/v1/alarms?limit=0", operatorToken, null).statusCode())
                .isEqualTo(400);
        assertThat(call("GET", "/api/v1/alarms?doorId=a&buildingId=b", operatorToken, null)
                        .statusCode())
                .isEqualTo(400);
        // acknowledge and resolve take an object: JSON null is not one
        assertThat(call("POST", "/api/v1/alarms/no-such-alarm/resolve", operatorToken, "null")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void anAdminAddsAWebhookSeesItsSecretOnceRotatesAndRemovesIt() throws Exception {
        var created = call(
                "POST",
                "/api/v1/alarm-subscriptions",
                adminToken,
                "{\"protocol\":\"WEBHOOK\",\"endpoint\":\"http://127.0.0.1:9/hook\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        var id = json(created).get("id").asString();
        var secret = json(created).get("secret").asString();
        assertThat(id).startsWith("webhook-");
        assertThat(secret).startsWith("whsec_");

        var listed = call("GET", "/api/v1/alarm-subscriptions", auditorToken, null);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains(id).doesNotContain(secret);

        var aws = LocalAws.environment();
        var stored = AwsClients.dynamoDb(aws)
                .getItem(r -> r.tableName(aws.output("WebhooksTableName"))
                        .consistentRead(true)
                        .key(Map.of("subscriptionId", AttributeValue.fromS(id))))
                .item();
        // KMS ciphertext: the secret's bytes appear nowhere in what is stored.
        assertThat(new String(stored.get("secret").b().asByteArray(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(secret)
                .doesNotContain(secret.substring(6));

        var rotated = call("POST", "/api/v1/alarm-subscriptions/" + id + "/rotate-secret", adminToken, null);
        assertThat(rotated.statusCode()).isEqualTo(200);
        assertThat(json(rotated).get("secret").asString()).startsWith("whsec_").isNotEqualTo(secret);

        assertThat(call("DELETE", "/api/v1/alarm-subscriptions/" + id, operatorToken, null)
                        .statusCode())
                .isEqualTo(403);
        assertThat(call("DELETE", "/api/v1/alarm-subscriptions/" + id, adminToken, null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(call("DELETE", "/api/v1/alarm-subscriptions/" + id, adminToken, null)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void anEmailSubscriptionGoesToTheTopicAndTheQueueThatFeedsTheWebhooksStays() throws Exception {
        var email = "security-" + UUID.randomUUID() + "@example.com";
        var created = call(
                "POST",
                "/api/v1/alarm-subscriptions",
                adminToken,
                "{\"protocol\":\"EMAIL\",\"endpoint\":\"" + email + "\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json(created).get("protocol").asString()).isEqualTo("EMAIL");

        var listed = json(call("GET", "/api/v1/alarm-subscriptions", adminToken, null))
                .get("subscriptions");
        var queue = findBy(listed, "protocol", "SQS");
        assertThat(queue.get("removable").asBoolean()).isFalse();
        assertThat(call(
                                "DELETE",
                                "/api/v1/alarm-subscriptions/" + queue.get("id").asString(),
                                adminToken,
                                null)
                        .statusCode())
                .isEqualTo(409);

        var id = findBy(listed, "endpoint", email).get("id").asString();
        assertThat(call("DELETE", "/api/v1/alarm-subscriptions/" + id, adminToken, null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(call("GET", "/api/v1/alarm-subscriptions", adminToken, null).body())
                .doesNotContain(email);
    }

    @Test
    void endpointsThatAreNotAnEmailAPhoneOrAnHttpsUrlAre400() throws Exception {
        for (var body : new String[] {
            "{\"protocol\":\"SMS\",\"endpoint\":\"07700900123\"}",
            "{\"protocol\":\"EMAIL\",\"endpoint\":\"not-an-address\"}",
            "{\"protocol\":\"WEBHOOK\",\"endpoint\":\"http://hooks.example.com/x\"}",
            "{\"protocol\":\"WEBHOOK\",\"endpoint\":\"https://user:pw@hooks.example.com/x\"}",
            "{\"protocol\":\"PIGEON\",\"endpoint\":\"x\"}",
            "{\"protocol\":\"EMAIL\"}"
        }) {
            var answer = call("POST", "/api/v1/alarm-subscriptions", adminToken, body);
            assertThat(answer.statusCode()).as(body).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
    }

    private static JsonNode findBy(JsonNode list, String field, String value) {
        for (var item : list) {
            if (item.hasNonNull(field) && item.get(field).asString().equals(value)) {
                return item;
            }
        }
        throw new AssertionError("no subscription with " + field + " " + value + " in " + list);
    }
}
