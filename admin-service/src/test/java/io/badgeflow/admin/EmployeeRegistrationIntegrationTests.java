package io.badgeflow.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.aws.testing.AwsClients;
import io.badgeflow.aws.testing.LocalAws;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The back-office entry of the command path against the emulator: a real Cognito access token, the document
 * in the real commands bucket, the status read from the real commands table.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmployeeRegistrationIntegrationTests {

    private static String adminToken;
    private static String auditorToken;

    @DynamicPropertySource
    static void aws(DynamicPropertyRegistry registry) {
        LocalAdminService.properties(registry);
    }

    @BeforeAll
    static void users() {
        adminToken = LocalAdminService.accessToken("admin");
        auditorToken = LocalAdminService.accessToken("auditor");
    }

    @LocalServerPort
    int port;

    @Autowired
    S3Client s3;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void writesTheCommandDocumentAndReportsItPendingThenApplied() throws Exception {
        var aws = LocalAws.environment();
        var response = post(
                "/api/v1/employees",
                adminToken,
                "{\"employeeNumber\":\"E-100\",\"givenName\":\"Ada\",\"familyName\":\"Lovelace\",\"email\":\"ada@example.com\"}");

        assertThat(response.statusCode()).isEqualTo(202);
        var body = json(response);
        var commandId = body.get("commandId").asString();
        assertThat(response.headers().firstValue("Location")).contains("/api/v1/commands/" + commandId);
        var document = JsonMapper.shared()
                .readTree(s3.getObjectAsBytes(
                                r -> r.bucket(aws.output("CommandsBucketName")).key("commands/" + commandId + ".json"))
                        .asByteArray());
        assertThat(document.get("type").asString()).isEqualTo("RegisterEmployee");
        assertThat(document.get("employeeId").asString())
                .isEqualTo(body.get("employeeId").asString());
        assertThat(document.get("actor").asString()).isNotBlank();

        assertThat(json(get("/api/v1/commands/" + commandId, auditorToken))
                        .get("status")
                        .asString())
                .isEqualTo("PENDING");

        // card-events' part, written the way card-events writes it, so this module's test stays independent of it.
        AwsClients.dynamoDb(aws)
                .putItem(r -> r.tableName(aws.output("CommandsTableName"))
                        .item(Map.of(
                                "commandId",
                                AttributeValue.fromS(commandId),
                                "type",
                                AttributeValue.fromS("RegisterEmployee"),
                                "status",
                                AttributeValue.fromS("APPLIED"),
                                "finishedAt",
                                AttributeValue.fromS(Instant.now().toString()))));
        assertThat(json(get("/api/v1/commands/" + commandId, auditorToken))
                        .get("status")
                        .asString())
                .isEqualTo("APPLIED");
    }

    @Test
    void refusesAnAuditorRegisteringAnEmployee() throws Exception {
        var response = post(
                "/api/v1/employees",
                auditorToken,
                "{\"employeeNumber\":\"E-1\",\"givenName\":\"A\",\"familyName\":\"B\",\"email\":\"a@b.co\"}");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    @Test
    void refusesATokenSignedByNobodyWeTrust() throws Exception {
        var forged = "eyJhbGciOiJSUzI1NiIsImtpZCI6ImZha2UifQ.eyJzdWIiOiJ4IiwidG9rZW5fdXNlIjoiYWNjZXNzIn0.c2lnbmF0dXJl";

        var response = post("/api/v1/employees", forged, "{}");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    @Test
    void answersAnUnknownCommandWithNotFound() throws Exception {
        var response = get("/api/v1/commands/" + UUID.randomUUID(), adminToken);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    private HttpResponse<String> post(String path, String token, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JsonMapper.shared().readTree(response.body());
    }
}
