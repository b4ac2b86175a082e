package io.badgeflow.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.aws.dynamodb.DynamoDbParkedRecords;
import io.badgeflow.aws.parking.ParkReason;
import io.badgeflow.aws.parking.ParkedRecord;
import io.badgeflow.aws.testing.AwsClients;
import io.badgeflow.aws.testing.LocalAws;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The parked-records listing against the emulator: what access-stream parked, as an operator reads it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ParkedRecordsIntegrationTests {

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

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void listsWhatTheConsumerParkedNewestFirstToOperatorsOnly() throws Exception {
        var aws = LocalAws.environment();
        var parking = new DynamoDbParkedRecords(
                AwsClients.enhanced(AwsClients.dynamoDb(aws)),
                aws.output("ParkedRecordsTableName"),
                DynamoDbParkedRecords.DEFAULT_RETENTION,
                Clock.systemUTC());
        var shard = "shardId-" + UUID.randomUUID();
        // Ahead of anything else in the table, so it is the newest whatever other tests parked.
        var at = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        parking.park(ParkedRecord.of(
                shard,
                "1",
                "card:C",
                "{\"type\":\"DoorExploded\"}".getBytes(StandardCharsets.UTF_8),
                ParkReason.UNKNOWN_TYPE,
                "unknown door event type 'DoorExploded'",
                at));
        parking.park(ParkedRecord.of(
                shard,
                "2",
                "card:C",
                "oops".getBytes(StandardCharsets.UTF_8),
                ParkReason.MALFORMED,
                "not a JSON object",
                at.plusSeconds(1)));

        var page = json(send("/api/v1/parked-records?size=1", operatorToken, 200));

        var newest = page.get("items").get(0);
        assertThat(newest.get("shardId").asString()).isEqualTo(shard);
        assertThat(newest.get("sequenceNumber").asString()).isEqualTo("2");
        assertThat(newest.get("reason").asString()).isEqualTo("MALFORMED");
        assertThat(newest.get("payloadBase64").asString()).isEqualTo("b29wcw==");
        var next = json(send(
                        "/api/v1/parked-records?size=1&cursor="
                                + page.get("next").asString(),
                        operatorToken,
                        200))
                .get("items")
                .get(0);
        assertThat(next.get("sequenceNumber").asString()).isEqualTo("1");
        assertThat(next.get("reason").asString()).isEqualTo("UNKNOWN_TYPE");
        send("/api/v1/parked-records", auditorToken, 403);
    }

    private HttpResponse<String> send(String path, String token, int expectedStatus) throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(expectedStatus);
        return response;
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JsonMapper.shared().readTree(response.body());
    }
}
