package io.badgeflow.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.aws.delivery.DeliveryFailureKey;
import io.badgeflow.aws.dynamodb.DynamoDbDeliveryFailures;
import io.badgeflow.aws.testing.AwsClients;
import io.badgeflow.aws.testing.AwsEnvironment;
import io.badgeflow.aws.testing.LocalAws;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dead-letter API against the emulator: a message parked in a DLQ is listed with its depth, what it
 * announced and the reason card-events recorded, and a redrive puts the same body back on the source queue.
 * The test owns its queue pair, so nothing else consumes from it or sends to it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeadLettersIntegrationTests {

    private static String queueUrl;
    private static String dlqUrl;
    private static String operatorToken;
    private static String auditorToken;

    @DynamicPropertySource
    static void aws(DynamicPropertyRegistry registry) {
        var aws = LocalAws.environment();
        try (var sqs = SqsClient.builder()
                .endpointOverride(aws.endpoint())
                .region(AwsEnvironment.REGION)
                .credentialsProvider(AwsEnvironment.CREDENTIALS)
                .build()) {
            var suffix = UUID.randomUUID().toString().substring(0, 8);
            dlqUrl = sqs.createQueue(r -> r.queueName("dead-letters-dlq-" + suffix))
                    .queueUrl();
            queueUrl =
                    sqs.createQueue(r -> r.queueName("dead-letters-" + suffix)).queueUrl();
        }
        LocalAdminService.properties(registry);
        // The commands pair is this test's own; the output keys as the fixture registers them, so these replace them.
        registry.add("badgeflow.stack.CommandsQueueUrl", () -> queueUrl);
        registry.add("badgeflow.stack.CommandsDlqUrl", () -> dlqUrl);
    }

    @BeforeAll
    static void users() {
        operatorToken = LocalAdminService.accessToken("operator");
        auditorToken = LocalAdminService.accessToken("auditor");
    }

    @LocalServerPort
    int port;

    @Autowired
    SqsClient sqs;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void listsAParkedMessageWithItsReasonThenRedrivesItToItsSourceQueue() throws Exception {
        var aws = LocalAws.environment();
        var commandId = UUID.randomUUID().toString();
        var body = snsNotificationOf("badgeflow-local-commands", "commands/" + commandId + ".json");
        sqs.sendMessage(r -> r.queueUrl(dlqUrl).messageBody(body));
        var failedAt = Instant.now();
        new DynamoDbDeliveryFailures(
                        AwsClients.enhanced(AwsClients.dynamoDb(aws)),
                        aws.output("DeliveryFailuresTableName"),
                        DynamoDbDeliveryFailures.DEFAULT_RETENTION,
                        Clock.systemUTC())
                .record(
                        DeliveryFailureKey.queueName(queueUrl),
                        body,
                        "m-1",
                        "software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException: no table",
                        failedAt);

        var listed = json(send("GET", "/api/v1/dead-letters", operatorToken, 200));

        var queue = listed.get("queues").get(0);
        assertThat(queue.get("name").asString()).isEqualTo("commands");
        assertThat(queue.get("sourceQueue").asString()).isEqualTo(DeliveryFailureKey.queueName(queueUrl));
        assertThat(queue.get("depth").asLong()).isEqualTo(1);
        var message = queue.get("messages").get(0);
        assertThat(message.get("objectKeys").get(0).asString()).isEqualTo("commands/" + commandId + ".json");
        assertThat(message.get("commandIds").get(0).asString()).isEqualTo(commandId);
        assertThat(message.get("reason").asString()).contains("ResourceNotFoundException");
        assertThat(message.get("attempts").asLong()).isEqualTo(1);
        assertThat(message.get("lastFailedAt").isNull()).isFalse();
        assertThat(json(send("GET", "/api/v1/dead-letters", operatorToken, 200))
                        .get("queues")
                        .get(0)
                        .get("depth")
                        .asLong())
                .as("a look takes nothing out")
                .isEqualTo(1);

        var redriven = json(send("POST", "/api/v1/dead-letters/commands/redrive", operatorToken, 200));

        assertThat(redriven.get("moved").asInt()).isEqualTo(1);
        assertThat(depth(dlqUrl)).isZero();
        var back = sqs.receiveMessage(
                        r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages();
        assertThat(back).singleElement().satisfies(m -> assertThat(m.body()).isEqualTo(body));
    }

    @Test
    void showsAMessageWithoutARecordedReasonAsSuch() throws Exception {
        var body = "not an SNS notification " + UUID.randomUUID();
        var otherDlq = dlqUrl;
        sqs.sendMessage(r -> r.queueUrl(otherDlq).messageBody(body));
        try {
            var messages = json(send("GET", "/api/v1/dead-letters?limit=100", operatorToken, 200))
                    .get("queues")
                    .get(0)
                    .get("messages");
            var shown = messages.valueStream()
                    .filter(m -> m.get("envelopeProblem").isString())
                    .findFirst()
                    .orElseThrow();
            assertThat(shown.get("reason").asString()).isEqualTo("no reason recorded");
            assertThat(shown.get("envelopeProblem").asString()).contains("unreadable");
        } finally {
            sqs.purgeQueue(r -> r.queueUrl(otherDlq));
        }
    }

    @Test
    void answersAnUnknownQueueWithNotFoundAndAnAuditorWithForbidden() throws Exception {
        var unknown = send("POST", "/api/v1/dead-letters/nope/redrive", operatorToken, 404);
        assertThat(unknown.headers().firstValue("Content-Type")).contains("application/problem+json");
        send("GET", "/api/v1/dead-letters", auditorToken, 403);
        send("GET", "/api/v1/dead-letters?limit=101", operatorToken, 400);
    }

    private long depth(String url) {
        var attributes = sqs.getQueueAttributes(r -> r.queueUrl(url)
                        .attributeNames(
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        return Long.parseLong(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Long.parseLong(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    private HttpResponse<String> send(String method, String path, String token, int expectedStatus) throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer " + token)
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("%s %s: %s", method, path, response.body())
                .isEqualTo(expectedStatus);
        return response;
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JsonMapper.shared().readTree(response.body());
    }

    private static String snsNotificationOf(String bucket, String key) {
        var s3Event = "{\"Records\":[{\"eventVersion\":\"2.1\",\"eventSource\":\"aws:s3\",\"eventName\":"
                + "\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"" + bucket + "\"},\"object\":{\"key\":\""
                + key + "\"}}}]}";
        return "{\"Type\":\"Notification\",\"MessageId\":\"" + UUID.randomUUID() + "\",\"Message\":"
                + JsonMapper.shared().writeValueAsString(s3Event) + "}";
    }
}
