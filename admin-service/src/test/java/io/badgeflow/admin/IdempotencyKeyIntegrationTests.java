package io.badgeflow.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.aws.s3.CommandDocumentKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The back office's {@code Idempotency-Key} against the emulator: the same key on a different payload is refused
 * 409 problem+json, the refusal is stored in the idempotency table and raises an alarm on the alarms topic; the same
 * key and payload sent concurrently gets one command.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdempotencyKeyIntegrationTests {

    private static String adminToken;

    @DynamicPropertySource
    static void aws(DynamicPropertyRegistry registry) {
        LocalAdminService.properties(registry);
    }

    @BeforeAll
    static void users() {
        adminToken = LocalAdminService.accessToken("admin");
    }

    @LocalServerPort
    int port;

    @Autowired
    DynamoDbClient dynamoDb;

    @Autowired
    S3Client s3;

    @Autowired
    SnsClient sns;

    @Autowired
    SqsClient sqs;

    @Autowired
    AdminServiceStack stack;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void refusesTheSameKeyWithAnotherPayloadAndRecordsAndAlarmsTheRefusal() throws Exception {
        var alarms = subscribedQueue();
        var key = "it-" + UUID.randomUUID();
        var ada = employee("Ada");
        var first = register(key, ada);
        assertThat(first.statusCode()).isEqualTo(202);
        var commandId = json(first).get("commandId").asString();

        var reused = register(key, employee("Grace"));

        assertThat(reused.statusCode()).as(reused.body()).isEqualTo(409);
        assertThat(reused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        var problem = json(reused);
        assertThat(problem.get("type").asString()).isEqualTo("about:blank");
        assertThat(problem.get("status").asInt()).isEqualTo(409);
        assertThat(problem.get("title").asString()).isEqualTo("Idempotency-Key reused");

        var subject = LocalAdminService.subjectOf(adminToken);
        var stored = dynamoDb.scan(r -> r.tableName(stack.idempotencyTableName())
                        .filterExpression("begins_with(id, :prefix) AND actor = :actor AND commandId = :command")
                        .expressionAttributeValues(Map.of(
                                ":prefix", AttributeValue.fromS("refusal#admin-service#"),
                                ":actor", AttributeValue.fromS(subject),
                                ":command", AttributeValue.fromS(commandId))))
                .items();
        assertThat(stored).hasSize(1);
        var refusal = stored.getFirst();
        assertThat(refusal.get("claimId").s()).endsWith(":" + key);
        assertThat(refusal.get("heldRequest").s()).startsWith("POST /api/v1/employees ");
        assertThat(refusal.get("refusedRequest").s())
                .startsWith("POST /api/v1/employees ")
                .isNotEqualTo(refusal.get("heldRequest").s());
        assertThat(refusal.get("expiresAt").n()).isNotBlank();

        var refusalId = refusal.get("refusalId").s();
        var alarm = Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> alarmsIn(alarms, refusalId), found -> found != null);
        assertThat(alarm.get("type").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(alarm.get("actor").asString()).isEqualTo(subject);
        assertThat(alarm.get("commandId").asString()).isEqualTo(commandId);

        // The key still holds the first request: a true retry is answered as before.
        var retry = register(key, ada);
        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(json(retry).get("commandId").asString()).isEqualTo(commandId);
    }

    @Test
    void concurrentRepeatsOfOneKeyAndPayloadMakeOneCommand() throws Exception {
        var key = "it-" + UUID.randomUUID();
        var body = employee("Lin");
        var attempts = 8;
        var start = new CountDownLatch(1);
        var calls = new ArrayList<Callable<HttpResponse<String>>>();
        for (var i = 0; i < attempts; i++) {
            calls.add(() -> {
                start.await();
                return register(key, body);
            });
        }
        try (var pool = Executors.newFixedThreadPool(attempts)) {
            var futures = calls.stream().map(pool::submit).toList();
            start.countDown();
            var commandIds = new java.util.HashSet<String>();
            var employeeIds = new java.util.HashSet<String>();
            for (var future : futures) {
                var response = future.get();
                assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
                commandIds.add(json(response).get("commandId").asString());
                employeeIds.add(json(response).get("employeeId").asString());
            }

            assertThat(commandIds).hasSize(1);
            assertThat(employeeIds).hasSize(1);
            var commandId = commandIds.iterator().next();
            var subject = LocalAdminService.subjectOf(adminToken);
            var claim = dynamoDb.getItem(r -> r.tableName(stack.idempotencyTableName())
                            .key(Map.of(
                                    "id",
                                    AttributeValue.fromS(
                                            "admin-service:" + subject.length() + ":" + subject + ":" + key)))
                            .consistentRead(true))
                    .item();
            assertThat(claim.get("commandId").s()).isEqualTo(commandId);
            assertThat(s3.headObject(r -> r.bucket(stack.commandsBucketName()).key(CommandDocumentKey.of(commandId)))
                            .contentLength())
                    .isPositive();
        }
    }

    private HttpResponse<String> register(String key, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/employees"))
                        .header("Authorization", "Bearer " + adminToken)
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String employee(String givenName) {
        return """
                {"employeeNumber": "IK-%s", "givenName": "%s", "familyName": "Tester", "email": "ik@example.com"}""".formatted(UUID.randomUUID().toString().substring(0, 8), givenName);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JsonMapper.shared().readTree(response.body());
    }

    private String subscribedQueue() {
        var url = sqs.createQueue(r -> r.queueName("admin-alarms-it-" + UUID.randomUUID()))
                .queueUrl();
        var arn = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        sns.subscribe(r -> r.topicArn(stack.alarmsTopicArn()).protocol("sqs").endpoint(arn));
        return url;
    }

    /** The alarm with this id among the queue's messages (SNS envelopes), or null. */
    private JsonNode alarmsIn(String queueUrl, String alarmId) {
        for (Message message : sqs.receiveMessage(
                        r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages()) {
            var envelope = JsonMapper.shared().readTree(message.body());
            var alarm = JsonMapper.shared().readTree(envelope.get("Message").asString());
            if (alarmId.equals(alarm.get("alarmId").asString())) {
                return alarm;
            }
        }
        return null;
    }
}
