package io.badgeflow.cardevents.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.aws.dynamodb.DynamoDbDeliveryFailures;
import io.badgeflow.aws.json.MessageJson;
import io.badgeflow.aws.s3.UnreadableEnvelopeException;
import io.badgeflow.aws.testing.AwsClients;
import io.badgeflow.aws.testing.AwsEnvironment;
import io.badgeflow.aws.testing.LocalAws;
import io.badgeflow.model.command.RegisterEmployee;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.json.JsonMapper;

/** The Lambda entry point as AWS calls it: FunctionInvoker, a recorded SQS event, the real tables. */
@ExtendWith(LocalAws.class)
class ApplyCommandFunctionIntegrationTests {

    private static AwsEnvironment aws;
    private static S3Client s3;
    private static DynamoDbClient dynamoDb;

    @BeforeAll
    static void lambdaEnvironment(AwsEnvironment environment) {
        aws = environment;
        LambdaEnvironment.set(aws, "applyCommand");
        s3 = S3Client.builder()
                .endpointOverride(aws.endpoint())
                .region(AwsEnvironment.REGION)
                .credentialsProvider(AwsEnvironment.CREDENTIALS)
                .forcePathStyle(true)
                .build();
        dynamoDb = AwsClients.dynamoDb(aws);
    }

    @AfterAll
    static void clearEnvironment() {
        LambdaEnvironment.clear();
    }

    @Test
    void appliesTheDocumentAndReportsOnlyTheUnreadableEnvelopeAsFailed() throws Exception {
        // Not the commands bucket: its notifications reach the stack's own function, which would apply the
        // command too (a race this test does not mean to run). The function reads the bucket the event names.
        var bucket = aws.output("ArtifactBucketName");
        var commandId = UUID.randomUUID().toString();
        var employeeId = UUID.randomUUID().toString();
        var key = "commands/" + commandId + ".json";
        var command = new RegisterEmployee(
                commandId,
                "hr-admin",
                Instant.now(),
                employeeId,
                "E-7",
                "Grace",
                "Hopper",
                "grace@example.com",
                "Navy");
        s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(MessageJson.write(command)));
        var event = LambdaEnvironment.recordedEvent(bucket, key);

        var output = new ByteArrayOutputStream();
        new FunctionInvoker()
                .handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), output, null);

        var response = JsonMapper.shared().readTree(output.toByteArray());
        assertThat(response.get("batchItemFailures")).hasSize(1);
        assertThat(response.get("batchItemFailures")
                        .get(0)
                        .get("itemIdentifier")
                        .asString())
                .isEqualTo("0f0e0d0c-0b0a-4909-8807-060504030201");
        var employee = dynamoDb.getItem(r -> r.tableName(aws.output("EmployeesTableName"))
                        .key(Map.of("employeeId", AttributeValue.fromS(employeeId)))
                        .consistentRead(true))
                .item();
        assertThat(employee.get("familyName").s()).isEqualTo("Hopper");
        var status = dynamoDb.getItem(r -> r.tableName(aws.output("CommandsTableName"))
                        .key(Map.of("commandId", AttributeValue.fromS(commandId)))
                        .consistentRead(true))
                .item();
        assertThat(status.get("status").s()).isEqualTo("APPLIED");
        var failure = new DynamoDbDeliveryFailures(
                        AwsClients.enhanced(dynamoDb),
                        aws.output("DeliveryFailuresTableName"),
                        DynamoDbDeliveryFailures.DEFAULT_RETENTION,
                        Clock.systemUTC())
                .find("badgeflow-local-commands", "this is not an SNS notification")
                .orElseThrow();
        assertThat(failure.reason()).startsWith(UnreadableEnvelopeException.class.getName());
        assertThat(failure.messageId()).isEqualTo("0f0e0d0c-0b0a-4909-8807-060504030201");
    }
}
