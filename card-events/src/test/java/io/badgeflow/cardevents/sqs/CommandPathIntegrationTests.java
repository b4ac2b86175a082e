package io.badgeflow.cardevents.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.aws.json.MessageJson;
import io.badgeflow.aws.testing.AwsEnvironment;
import io.badgeflow.aws.testing.LocalAws;
import io.badgeflow.cardevents.StoredCommands;
import io.badgeflow.model.command.RegisterEmployee;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The whole back-office path after admin-service: a document in S3 ends as rows in DynamoDB, applied by the
 * stack's apply-command function (the function package, run by the emulator, fed by the event source mapping).
 */
@SpringBootTest
class CommandPathIntegrationTests {

    @DynamicPropertySource
    static void aws(DynamicPropertyRegistry registry) {
        StoredCommands.stackSettings(registry, LocalAws.environment());
    }

    @Autowired
    S3Client s3;

    @Autowired
    DynamoDbClient dynamoDb;

    private final AwsEnvironment aws = LocalAws.environment();
    private StoredCommands path;

    @BeforeEach
    void stores() {
        path = new StoredCommands(aws, s3, dynamoDb, Duration.ofSeconds(30));
    }

    @Test
    void storesARegisteredEmployeeAndMarksTheCommandApplied() {
        var commandId = UUID.randomUUID().toString();
        var employeeId = UUID.randomUUID().toString();
        path.put(
                commandId,
                MessageJson.write(new RegisterEmployee(
                        commandId,
                        "hr-admin",
                        Instant.now(),
                        employeeId,
                        "E-42",
                        "Ada",
                        "Lovelace",
                        "ada@example.com",
                        "Engineering")));

        var command = path.awaitCommand(commandId);

        assertThat(command.get("status").s()).isEqualTo("APPLIED");
        assertThat(command.get("actor").s()).isEqualTo("hr-admin");
        var employee = path.item("EmployeesTableName", "employeeId", employeeId);
        assertThat(employee.get("givenName").s()).isEqualTo("Ada");
        assertThat(employee.get("status").s()).isEqualTo("ACTIVE");
    }

    @Test
    void rejectsADocumentThatIsNotJsonAndKeepsTheRawDocument() {
        var commandId = UUID.randomUUID().toString();
        path.put(commandId, "{ this is not json".getBytes(StandardCharsets.UTF_8));

        var command = path.awaitCommand(commandId);

        assertThat(command.get("status").s()).isEqualTo("REJECTED");
        assertThat(command.get("reason").s()).isEqualTo("MALFORMED_COMMAND");
        assertThat(command.get("message").s()).isNotBlank();
        var raw = s3.getObjectAsBytes(
                        r -> r.bucket(aws.output("CommandsBucketName")).key("commands/" + commandId + ".json"))
                .asUtf8String();
        assertThat(raw).isEqualTo("{ this is not json");
    }

    @Test
    void rejectsAnUnknownCommandTypeWithItsName() {
        var commandId = UUID.randomUUID().toString();
        path.put(
                commandId,
                ("{\"type\":\"FireEveryone\",\"commandId\":\"" + commandId + "\"}").getBytes(StandardCharsets.UTF_8));

        var command = path.awaitCommand(commandId);

        assertThat(command.get("reason").s()).isEqualTo("UNKNOWN_COMMAND");
        assertThat(command.get("message").s()).contains("FireEveryone");
    }

    @Test
    void appliesADocumentDeliveredTwiceOnce() {
        var commandId = UUID.randomUUID().toString();
        var employeeId = UUID.randomUUID().toString();
        var document = MessageJson.write(new RegisterEmployee(
                commandId, "hr-admin", Instant.now(), employeeId, "E-43", "Alan", "Turing", "alan@example.com", null));
        path.put(commandId, document);
        path.awaitCommand(commandId);

        path.put(commandId, document);
        var second = UUID.randomUUID().toString();
        path.put(
                second,
                MessageJson.write(new RegisterEmployee(
                        second,
                        "hr-admin",
                        Instant.now(),
                        employeeId,
                        "E-44",
                        "Someone",
                        "Else",
                        "else@example.com",
                        null)));

        assertThat(path.awaitCommand(second).get("reason").s()).isEqualTo("EMPLOYEE_ALREADY_EXISTS");
        assertThat(path.item("CommandsTableName", "commandId", commandId)
                        .get("status")
                        .s())
                .isEqualTo("APPLIED");
        assertThat(path.item("EmployeesTableName", "employeeId", employeeId)
                        .get("givenName")
                        .s())
                .isEqualTo("Alan");
    }
}
