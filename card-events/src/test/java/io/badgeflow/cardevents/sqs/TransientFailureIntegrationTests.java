package io.badgeflow.cardevents.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.badgeflow.aws.delivery.DeliveryFailures;
import io.badgeflow.aws.json.MessageJson;
import io.badgeflow.aws.testing.AwsEnvironment;
import io.badgeflow.aws.testing.LocalAws;
import io.badgeflow.cardevents.CardEventsTestProperties;
import io.badgeflow.model.command.RegisterEmployee;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.json.JsonMapper;

/**
 * A store that cannot be written (here: the employees table does not exist) is a transient failure: the
 * message is retried and, after maxReceiveCount, rests in the DLQ, intact, with the reason of its failures
 * in the delivery-failures table. It runs through Lambda as on AWS: a variant of the stack's apply-command
 * function (same package, handler and environment, but an employees table that does not exist and no retry
 * delay) fed by an event source mapping with ReportBatchItemFailures from a queue pair of its own, whose
 * redrive policy makes the emulator move the message, as SQS does.
 */
@SpringBootTest
class TransientFailureIntegrationTests {

    private static final int MAX_RECEIVE_COUNT = 3;
    private static String queueUrl;
    private static String dlqUrl;
    private static String queueName;
    private static String functionName;
    private static String mappingId;

    @DynamicPropertySource
    static void aws(DynamicPropertyRegistry registry) {
        var aws = LocalAws.environment();
        var suffix = UUID.randomUUID().toString().substring(0, 8);
        String queueArn;
        try (var sqs = SqsClient.builder()
                .endpointOverride(aws.endpoint())
                .region(AwsEnvironment.REGION)
                .credentialsProvider(AwsEnvironment.CREDENTIALS)
                .build()) {
            dlqUrl =
                    sqs.createQueue(r -> r.queueName("transient-dlq-" + suffix)).queueUrl();
            var dlqArn = sqs.getQueueAttributes(r -> r.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes()
                    .get(QueueAttributeName.QUEUE_ARN);
            queueName = "transient-" + suffix;
            queueUrl = sqs.createQueue(r -> r.queueName(queueName)
                            .attributes(Map.of(
                                    QueueAttributeName.REDRIVE_POLICY,
                                    "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\""
                                            + MAX_RECEIVE_COUNT + "\"}")))
                    .queueUrl();
            queueArn = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes()
                    .get(QueueAttributeName.QUEUE_ARN);
        }
        try (var lambda = lambda(aws)) {
            var deployed = lambda.getFunctionConfiguration(r -> r.functionName(aws.output("ApplyCommandFunctionName")));
            var environment = new HashMap<>(deployed.environment().variables());
            environment.put("BADGEFLOW_STACK_EMPLOYEESTABLENAME", "no-such-table-" + suffix);
            environment.put("BADGEFLOW_CARDEVENTS_RETRYDELAY", "0s");
            functionName = "transient-apply-command-" + suffix;
            lambda.createFunction(r -> r.functionName(functionName)
                    .runtime(deployed.runtime())
                    .handler(deployed.handler())
                    .role(deployed.role())
                    .memorySize(deployed.memorySize())
                    .timeout(deployed.timeout())
                    .environment(e -> e.variables(environment))
                    .code(c -> c.s3Bucket(aws.output("ArtifactBucketName")).s3Key(aws.output("CardEventsPackageKey"))));
            mappingId = lambda.createEventSourceMapping(r -> r.functionName(functionName)
                            .eventSourceArn(queueArn)
                            .batchSize(10)
                            .functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES))
                    .uuid();
        }
        CardEventsTestProperties.of(aws).forEach((key, value) -> registry.add(key, () -> value));
    }

    @AfterAll
    static void removeTheFunction() {
        try (var lambda = lambda(LocalAws.environment())) {
            lambda.deleteEventSourceMapping(r -> r.uuid(mappingId));
            lambda.deleteFunction(r -> r.functionName(functionName));
        }
    }

    private static LambdaClient lambda(AwsEnvironment aws) {
        return LambdaClient.builder()
                .endpointOverride(aws.endpoint())
                .region(AwsEnvironment.REGION)
                .credentialsProvider(AwsEnvironment.CREDENTIALS)
                .build();
    }

    @Autowired
    SqsClient sqs;

    @Autowired
    S3Client s3;

    @Autowired
    DynamoDbClient dynamoDb;

    @Autowired
    DeliveryFailures failures;

    @Test
    void retriesAnUnwritableCommandAndParksItInTheDlqWithNothingLost() {
        var aws = LocalAws.environment();
        // Not the commands bucket: its notifications reach the stack's own function, which would apply the command
        // first, and the variant would then find it recorded. The variant reads whichever bucket the message names.
        var bucket = aws.output("ArtifactBucketName");
        var commandId = UUID.randomUUID().toString();
        var key = "commands/" + commandId + ".json";
        s3.putObject(
                r -> r.bucket(bucket).key(key),
                RequestBody.fromBytes(MessageJson.write(new RegisterEmployee(
                        commandId,
                        "hr-admin",
                        Instant.now(),
                        UUID.randomUUID().toString(),
                        "E-9",
                        "Ada",
                        "L",
                        "ada@example.com",
                        null))));
        var body = snsNotificationOf(bucket, key);

        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(body));

        var parked = await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> sqs.receiveMessage(r -> r.queueUrl(dlqUrl)
                                        .maxNumberOfMessages(1)
                                        .messageSystemAttributeNames(
                                                MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                                .messages(),
                        messages -> !messages.isEmpty())
                .getFirst();
        assertThat(parked.body()).isEqualTo(body);
        var status = dynamoDb.getItem(r -> r.tableName(aws.output("CommandsTableName"))
                        .key(Map.of("commandId", AttributeValue.fromS(commandId)))
                        .consistentRead(true))
                .item();
        assertThat(status).as("a transient failure is not a final outcome").isEmpty();
        assertThat(s3.headObject(r -> r.bucket(bucket).key(key)).contentLength())
                .isPositive();
        var failure = failures.find(queueName, parked.body()).orElseThrow();
        assertThat(failure.attempts()).as("one recorded attempt per receive").isEqualTo(MAX_RECEIVE_COUNT);
        assertThat(failure.reason()).contains("ResourceNotFoundException");
        assertThat(failure.queue()).isEqualTo(queueName);
        assertThat(failure.firstFailedAt()).isBeforeOrEqualTo(failure.lastFailedAt());
    }

    private static String snsNotificationOf(String bucket, String key) {
        var s3Event = "{\"Records\":[{\"eventVersion\":\"2.1\",\"eventSource\":\"aws:s3\",\"eventName\":"
                + "\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"" + bucket + "\"},\"object\":{\"key\":\""
                + key + "\"}}}]}";
        return "{\"Type\":\"Notification\",\"MessageId\":\"" + UUID.randomUUID() + "\",\"Message\":"
                + JsonMapper.shared().writeValueAsString(s3Event) + "}";
    }
}
