package io.badgeflow.cardevents;

import static org.awaitility.Awaitility.await;

import io.badgeflow.aws.testing.AwsEnvironment;
import java.time.Duration;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What the command-path tests do to the emulator's stacks: put a document where admin-service would, wait for
 * its record, and read single items back (strongly consistent).
 */
public final class StoredCommands {

    private final AwsEnvironment aws;
    private final S3Client s3;
    private final DynamoDbClient dynamoDb;
    private final Duration patience;

    public StoredCommands(AwsEnvironment aws, S3Client s3, DynamoDbClient dynamoDb, Duration patience) {
        this.aws = aws;
        this.s3 = s3;
        this.dynamoDb = dynamoDb;
        this.patience = patience;
    }

    /**
     * Gives the test's Spring context the stack's names and the emulator's endpoint. The commands themselves are
     * applied by the stack's own apply-command function, invoked by its event source mapping, as on AWS.
     */
    public static void stackSettings(DynamicPropertyRegistry registry, AwsEnvironment aws) {
        CardEventsTestProperties.of(aws).forEach((key, value) -> registry.add(key, () -> value));
    }

    public void put(String commandId, byte[] document) {
        s3.putObject(
                r -> r.bucket(aws.output("CommandsBucketName")).key("commands/" + commandId + ".json"),
                RequestBody.fromBytes(document));
    }

    public Map<String, AttributeValue> awaitCommand(String commandId) {
        return await().atMost(patience)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> item("CommandsTableName", "commandId", commandId), item -> !item.isEmpty());
    }

    public Map<String, AttributeValue> item(String tableOutput, String keyName, String key) {
        return dynamoDb.getItem(r -> r.tableName(aws.output(tableOutput))
                        .key(Map.of(keyName, AttributeValue.fromS(key)))
                        .consistentRead(true))
                .item();
    }
}
