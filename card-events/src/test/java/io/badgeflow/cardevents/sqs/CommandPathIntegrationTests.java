package io.badgeflow.cardevents.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.badgeflow.aws.json.MessageJson;
import io.badgeflow.aws.testing.AwsEnvironment;
import io.badgeflow.aws.testing.LocalAws;
import io.badgeflow.cardevents.CardEventsTestProperties;
import io.badgeflow.model.command.RegisterEmployee;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/** The whole back-office path after admin-service: a document in S3 ends as rows in DynamoDB. */
@SpringBootTest
class CommandPathIntegrationTests {

    @DynamicPropertySource
    static void aws(DynamicPropertyRegistry registry) {
        var aws = LocalAws.environment();
        CardEventsTestProperties.of(aws).forEach((key, value) -> registry.add(key, () -> value));
        registry.add("badgeflow.card-events.local-poller.enabled", () -> "true");
        registry.add("badgeflow.card-events.local-poller.retry-delay", () -> "1s");
        registry.add("badgeflow.card-events.local-poller.queues[0].queue-url", () -> aws.output("CommandsQueueUrl"));
        registry.add("badgeflow.card-events.local-poller.queues[0].queue-arn", () -> aws.output("CommandsQueueArn"));
        registry.add("badgeflow.card-events.local-poller.queues[0].function", () -> "applyCommand");
    }

    @Autowired
    S3Client s3;

    @Autowired
    DynamoDbClient dynamoDb;

    private final AwsEnvironment aws = LocalAws.environment();

    @Test
    void storesARegisteredEmployeeAndMarksTheCommandApplied() {
        var commandId = UUID.randomUUID().toString();
        var employeeId = UUID.randomUUID().toString();
        put(commandId, MessageJson.write(new RegisterEmployee(commandId, "hr-admin", Instant.now(), employeeId,
                "E-42", "Ada", "Lovelace", "ada@example.com", "Engineering")));

        var command = awaitCommand(commandId);

        assertThat(command.get("status").s()).isEqualTo("APPLIED");
        assertThat(command.get("actor").s()).isEqualTo("hr-admin");
        var employee = item("EmployeesTableName", "employeeId", employeeId);
        assertThat(employee.get("givenName").s()).isEqualTo("Ada");
        assertThat(employee.get("status").s()).isEqualTo("ACTIVE");
    }

    @Test
    void rejectsADocumentThatIsNotJsonAndKeepsTheRawDocument() {
        var commandId = UUID.randomUUID().toString();
        put(commandId, "{ this is not json".getBytes(StandardCharsets.UTF_8));

        var command = awaitCommand(commandId);

        assertThat(command.get("status").s()).isEqualTo("REJECTED");
        assertThat(command.get("reason").s()).isEqualTo("MALFORMED_COMMAND");
        assertThat(command.get("message").s()).isNotBlank();
        var raw = s3.getObjectAsBytes(r -> r.bucket(aws.output("CommandsBucketName"))
                .key("commands/" + commandId + ".json")).asUtf8String();
        assertThat(raw).isEqualTo("{ this is not json");
    }

    @Test
    void rejectsAnUnknownCommandTypeWithItsName() {
        var commandId = UUID.randomUUID().toString();
        put(commandId, ("{\"type\":\"FireEveryone\",\"commandId\":\"" + commandId + "\"}")
                .getBytes(StandardCharsets.UTF_8));

        var command = awaitCommand(commandId);

        assertThat(command.get("reason").s()).isEqualTo("UNKNOWN_COMMAND");
        assertThat(command.get("message").s()).contains("FireEveryone");
    }

    @Test
    void appliesADocumentDeliveredTwiceOnce() {
        var commandId = UUID.randomUUID().toString();
        var employeeId = UUID.randomUUID().toString();
        var document = MessageJson.write(new RegisterEmployee(commandId, "hr-admin", Instant.now(), employeeId,
                "E-43", "Alan", "Turing", "alan@example.com", null));
        put(commandId, document);
        awaitCommand(commandId);

        put(commandId, document);
        var second = UUID.randomUUID().toString();
        put(second, MessageJson.write(new RegisterEmployee(second, "hr-admin", Instant.now(), employeeId,
                "E-44", "Someone", "Else", "else@example.com", null)));

        assertThat(awaitCommand(second).get("reason").s()).isEqualTo("EMPLOYEE_ALREADY_EXISTS");
        assertThat(item("CommandsTableName", "commandId", commandId).get("status").s()).isEqualTo("APPLIED");
        assertThat(item("EmployeesTableName", "employeeId", employeeId).get("givenName").s()).isEqualTo("Alan");
    }

    private void put(String commandId, byte[] document) {
        s3.putObject(r -> r.bucket(aws.output("CommandsBucketName")).key("commands/" + commandId + ".json"),
                RequestBody.fromBytes(document));
    }

    private Map<String, AttributeValue> awaitCommand(String commandId) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> item("CommandsTableName", "commandId", commandId), item -> !item.isEmpty());
    }

    private Map<String, AttributeValue> item(String table, String keyName, String key) {
        return dynamoDb.getItem(r -> r.tableName(aws.output(table)).key(Map.of(keyName, AttributeValue.fromS(key)))
                .consistentRead(true)).item();
    }
}
