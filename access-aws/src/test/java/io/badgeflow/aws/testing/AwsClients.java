package io.badgeflow.aws.testing;

import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** SDK clients for tests, pointed at the shared environment; tests assert stored state through them. */
public final class AwsClients {

    private AwsClients() {}

    public static DynamoDbClient dynamoDb(AwsEnvironment aws) {
        return DynamoDbClient.builder()
                .endpointOverride(aws.endpoint())
                .region(AwsEnvironment.REGION)
                .credentialsProvider(AwsEnvironment.CREDENTIALS)
                .build();
    }

    public static DynamoDbEnhancedClient enhanced(DynamoDbClient client) {
        return DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
    }

    /** Path-style addressing: the emulator serves buckets under its own host, not as subdomains. */
    public static S3Client s3(AwsEnvironment aws) {
        return S3Client.builder()
                .endpointOverride(aws.endpoint())
                .region(AwsEnvironment.REGION)
                .credentialsProvider(AwsEnvironment.CREDENTIALS)
                .forcePathStyle(true)
                .build();
    }
}
