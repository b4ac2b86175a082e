package io.badgeflow.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.aws.testing.AwsEnvironment;
import io.badgeflow.aws.testing.LocalAws;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The template properties the emulator ignores are effective after a local deploy (applied by
 * scripts/local_compensation.py), and the wiring the application relies on behaves as on AWS: a message that
 * fails three receives lands in the dead-letter queue, short-lived items carry a TTL, and a command document in
 * the commands bucket reaches the commands queue inside its SNS envelope. The stack's functions consume these
 * queues through their event source mappings, so a test that reads a queue itself pauses its function's mapping
 * first (and resumes it, also when it fails), as an operator would on AWS.
 */
@ExtendWith(LocalAws.class)
class LocalCompensationIntegrationTests {

    private static SqsClient sqs;
    private static DynamoDbClient dynamoDb;
    private static S3Client s3;
    private static LambdaClient lambda;

    @BeforeAll
    static void clients(AwsEnvironment aws) {
        sqs = SqsClient.builder()
                .endpointOverride(aws.endpoint())
                .region(AwsEnvironment.REGION)
                .credentialsProvider(AwsEnvironment.CREDENTIALS)
                .build();
        dynamoDb = DynamoDbClient.builder()
                .endpointOverride(aws.endpoint())
                .region(AwsEnvironment.REGION)
                .credentialsProvider(AwsEnvironment.CREDENTIALS)
                .build();
        s3 = S3Client.builder()
                .endpointOverride(aws.endpoint())
                .region(AwsEnvironment.REGION)
                .credentialsProvider(AwsEnvironment.CREDENTIALS)
                .forcePathStyle(true)
                .build();
        lambda = LambdaClient.builder()
                .endpointOverride(aws.endpoint())
                .region(AwsEnvironment.REGION)
                .credentialsProvider(AwsEnvironment.CREDENTIALS)
                .build();
    }

    @AfterAll
    static void closeClients() {
        sqs.close();
        dynamoDb.close();
        s3.close();
        lambda.close();
    }

    @Test
    void commandsQueueRedrivesToItsDeadLetterQueueAfterThreeReceives(AwsEnvironment aws) {
        assertThat(redrivePolicy(aws.output("CommandsQueueUrl")))
                .isEqualTo(Map.of("deadLetterTargetArn", aws.output("CommandsDlqArn"), "maxReceiveCount", 3));
    }

    @Test
    void importsQueueRedrivesToItsDeadLetterQueueAfterThreeReceives(AwsEnvironment aws) {
        assertThat(redrivePolicy(aws.output("ImportsQueueUrl")))
                .isEqualTo(Map.of("deadLetterTargetArn", aws.output("ImportsDlqArn"), "maxReceiveCount", 3));
    }

    @Test
    void aMessageThatFailsThreeReceivesMovesToTheDeadLetterQueue(AwsEnvironment aws) {
        whileMappingPaused(aws.output("ImportEmployeesFunctionName"), () -> threeFailedReceivesDeadLetter(aws));
    }

    private static void threeFailedReceivesDeadLetter(AwsEnvironment aws) {
        var queue = aws.output("ImportsQueueUrl");
        var deadLetterQueue = aws.output("ImportsDlqUrl");
        var body = "poison-" + UUID.randomUUID();
        sqs.sendMessage(request -> request.queueUrl(queue).messageBody(body));

        for (var receive = 1; receive <= 3; receive++) {
            // visibility 0: the message is visible again at once, as if the consumer had failed it
            var received = receiveUntil(queue, body, 0, Duration.ofSeconds(10));
            assertThat(received).as("receive %d", receive).isNotNull();
        }
        // the fourth receive finds the receive count above maxReceiveCount and moves the message instead
        assertThat(receiveUntil(queue, body, 0, Duration.ofSeconds(2)))
                .as("a fourth delivery")
                .isNull();
        var moved = receiveUntil(deadLetterQueue, body, 30, Duration.ofSeconds(10));
        assertThat(moved)
                .as("the message in the dead-letter queue after three failed receives")
                .isNotNull();
        sqs.deleteMessage(request -> request.queueUrl(deadLetterQueue).receiptHandle(moved.receiptHandle()));
    }

    @Test
    void shortLivedItemsExpireByTheirExpiresAtAttribute(AwsEnvironment aws) {
        for (var table : List.of(
                "CommandsTableName",
                "SwipesTableName",
                "IdempotencyTableName",
                "DeliveryFailuresTableName",
                "ImportsTableName",
                "ParkedRecordsTableName",
                "AlarmsTableName",
                "DoorDecisionsTableName")) {
            var ttl = dynamoDb.describeTimeToLive(request -> request.tableName(aws.output(table)))
                    .timeToLiveDescription();
            assertThat(ttl.timeToLiveStatus()).as(table).isIn(TimeToLiveStatus.ENABLED, TimeToLiveStatus.ENABLING);
            assertThat(ttl.attributeName()).as(table).isEqualTo("expiresAt");
        }
    }

    @Test
    void theTablesTheDecisionPathWritesStreamTheirChangesToTheSwipeStream(AwsEnvironment aws) {
        for (var table : List.of("PresenceTableName", "DoorDecisionsTableName")) {
            var destinations = dynamoDb.describeKinesisStreamingDestination(
                            request -> request.tableName(aws.output(table)))
                    .kinesisDataStreamDestinations();
            assertThat(destinations).as(table).singleElement().satisfies(destination -> {
                assertThat(destination.streamArn()).isEqualTo(aws.output("SwipeStreamArn"));
                assertThat(destination.destinationStatusAsString()).isIn("ACTIVE", "ENABLING");
            });
        }
    }

    @Test
    void longLivedItemsHaveNoTimeToLive(AwsEnvironment aws) {
        for (var table : List.of(
                "EmployeesTableName",
                "CardsTableName",
                "BuildingsTableName",
                "DoorsTableName",
                "GrantsTableName",
                "AdminAuditTableName")) {
            var ttl = dynamoDb.describeTimeToLive(request -> request.tableName(aws.output(table)))
                    .timeToLiveDescription();
            assertThat(ttl.timeToLiveStatus()).as(table).isIn(TimeToLiveStatus.DISABLED, null);
        }
    }

    @Test
    void aCommandDocumentReachesTheCommandsQueueInsideItsSnsEnvelope(AwsEnvironment aws) {
        whileMappingPaused(aws.output("ApplyCommandFunctionName"), () -> commandDocumentNotified(aws));
    }

    private static void commandDocumentNotified(AwsEnvironment aws) {
        var key = "commands/" + UUID.randomUUID() + ".json";
        s3.putObject(
                request -> request.bucket(aws.output("CommandsBucketName")).key(key),
                RequestBody.fromString("{\"type\":\"Probe\"}"));
        s3.putObject(
                request -> request.bucket(aws.output("CommandsBucketName")).key(key + ".txt"),
                RequestBody.fromString("not a command"));

        var message = receiveUntil(aws.output("CommandsQueueUrl"), key, 30, Duration.ofSeconds(15));
        assertThat(message).as("notification of %s", key).isNotNull();
        assertThat(message.body())
                .contains("Notification")
                .contains(aws.output("CommandsTopicArn"))
                .contains("ObjectCreated");
        sqs.deleteMessage(
                request -> request.queueUrl(aws.output("CommandsQueueUrl")).receiptHandle(message.receiptHandle()));
        assertThat(receiveUntil(aws.output("CommandsQueueUrl"), key + ".txt", 30, Duration.ofSeconds(2)))
                .as("a .txt object under commands/ is filtered out by the suffix rule")
                .isNull();
    }

    /** Runs {@code body} while the function's SQS event source mapping is disabled, then enables it again. */
    private static void whileMappingPaused(String functionName, Runnable body) {
        var mappings = lambda.listEventSourceMappings(request -> request.functionName(functionName))
                .eventSourceMappings();
        assertThat(mappings).as("event source mappings of %s", functionName).hasSize(1);
        var uuid = mappings.getFirst().uuid();
        lambda.updateEventSourceMapping(request -> request.uuid(uuid).enabled(false));
        try {
            body.run();
        } finally {
            lambda.updateEventSourceMapping(request -> request.uuid(uuid).enabled(true));
        }
    }

    private static Map<String, Object> redrivePolicy(String queueUrl) {
        var attributes = sqs.getQueueAttributes(
                        request -> request.queueUrl(queueUrl).attributeNames(QueueAttributeName.REDRIVE_POLICY))
                .attributes();
        var json = attributes.get(QueueAttributeName.REDRIVE_POLICY);
        assertThat(json).as("RedrivePolicy of %s", queueUrl).isNotBlank();
        var target = json.replaceAll(".*\"deadLetterTargetArn\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        var count = json.replaceAll(".*\"maxReceiveCount\"\\s*:\\s*\"?(\\d+)\"?.*", "$1");
        return Map.of("deadLetterTargetArn", target, "maxReceiveCount", Integer.parseInt(count));
    }

    /** Receives from the queue until a message whose body contains {@code marker} arrives, or the deadline. */
    private static Message receiveUntil(String queueUrl, String marker, int visibilitySeconds, Duration limit) {
        var deadline = Instant.now().plus(limit);
        var others = new ArrayList<Message>();
        try {
            do {
                var messages = sqs.receiveMessage(request -> request.queueUrl(queueUrl)
                                .maxNumberOfMessages(10)
                                .visibilityTimeout(visibilitySeconds)
                                .waitTimeSeconds(1))
                        .messages();
                for (var message : messages) {
                    if (message.body().contains(marker)) {
                        return message;
                    }
                    others.add(message);
                }
            } while (Instant.now().isBefore(deadline));
            return null;
        } finally {
            // messages of other tests (or the s3:TestEvent) become visible again for their owners
            for (var other : others) {
                sqs.changeMessageVisibility(request -> request.queueUrl(queueUrl)
                        .receiptHandle(other.receiptHandle())
                        .visibilityTimeout(0));
            }
        }
    }
}
