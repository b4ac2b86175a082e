package io.badgeflow.cardevents.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.badgeflow.aws.json.MessageJson;
import io.badgeflow.aws.testing.AwsClients;
import io.badgeflow.aws.testing.AwsEnvironment;
import io.badgeflow.aws.testing.LocalAws;
import io.badgeflow.model.command.RegisterEmployee;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The release path on the stack's own resources: a function package uploaded to the artifacts bucket reaches the
 * release function (S3 -> SNS -> SQS -> event source mapping), which publishes a version of each card-events
 * function, smoke-invokes it and moves the live alias the mappings invoke; the next command is applied by the new
 * version (its record names it). A package that fails its smoke invoke is not promoted: the alias stays and the
 * announcement rests in the releases DLQ.
 */
@ExtendWith(LocalAws.class)
class ReleaseIntegrationTests {

    private static AwsEnvironment aws;
    private static S3Client s3;
    private static LambdaClient lambda;
    private static DynamoDbClient dynamoDb;
    private static SqsClient sqs;

    @BeforeAll
    static void clients(AwsEnvironment environment) {
        aws = environment;
        s3 = AwsClients.s3(aws);
        dynamoDb = AwsClients.dynamoDb(aws);
        lambda = LambdaClient.builder()
                .endpointOverride(aws.endpoint())
                .region(AwsEnvironment.REGION)
                .credentialsProvider(AwsEnvironment.CREDENTIALS)
                .build();
        sqs = SqsClient.builder()
                .endpointOverride(aws.endpoint())
                .region(AwsEnvironment.REGION)
                .credentialsProvider(AwsEnvironment.CREDENTIALS)
                .build();
    }

    @AfterAll
    static void close() {
        s3.close();
        dynamoDb.close();
        lambda.close();
        sqs.close();
    }

    @Test
    void aChangedPackageUploadedGoesLiveAndAppliesTheNextCommand() throws Exception {
        var applyCommand = aws.output("ApplyCommandFunctionName");
        var importEmployees = aws.output("ImportEmployeesFunctionName");
        var before = liveVersion(applyCommand);

        var key = upload(repackaged(false));

        await("the changed package live on both functions")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> livePackage(applyCommand).equals(key)
                        && livePackage(importEmployees).equals(key));
        var live = liveVersion(applyCommand);
        assertThat(live).isNotEqualTo(before);
        var commandId = UUID.randomUUID().toString();
        s3.putObject(
                r -> r.bucket(aws.output("CommandsBucketName")).key("commands/" + commandId + ".json"),
                RequestBody.fromBytes(MessageJson.write(new RegisterEmployee(
                        commandId,
                        "hr-admin",
                        Instant.now(),
                        UUID.randomUUID().toString(),
                        "R-" + commandId.substring(0, 8),
                        "Grace",
                        "Hopper",
                        "grace@example.com",
                        null))));
        var record = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> dynamoDb.getItem(r -> r.tableName(aws.output("CommandsTableName"))
                                        .key(Map.of("commandId", AttributeValue.fromS(commandId)))
                                        .consistentRead(true))
                                .item(),
                        item -> !item.isEmpty());
        assertThat(record.get("status").s()).isEqualTo("APPLIED");
        assertThat(record.get("appliedBy").s()).isEqualTo(applyCommand + ":" + live);
    }

    @Test
    void aPackageThatFailsItsSmokeInvokeIsNotPromoted() throws Exception {
        var applyCommand = aws.output("ApplyCommandFunctionName");
        var dlq = aws.output("ReleasesDlqUrl");
        var parkedBefore = depth(dlq);
        var liveBefore = liveVersion(applyCommand);

        var key = upload(repackaged(true));

        await("the refused announcement in the releases DLQ")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> depth(dlq) > parkedBefore);
        assertThat(liveVersion(applyCommand)).isEqualTo(liveBefore);
        assertThat(livePackage(applyCommand)).isNotEqualTo(key);
    }

    private static String liveVersion(String function) {
        return lambda.getAlias(r -> r.functionName(function).name("live")).functionVersion();
    }

    private static String livePackage(String function) {
        return lambda.getFunctionConfiguration(r -> r.functionName(function).qualifier(liveVersion(function)))
                .description();
    }

    private static long depth(String queueUrl) {
        return Long.parseLong(sqs.getQueueAttributes(
                        r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                .attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    private static String upload(byte[] pkg) throws Exception {
        var key = "card-events/"
                + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pkg)) + "-lambda.zip";
        s3.putObject(r -> r.bucket(aws.output("ArtifactBucketName")).key(key), RequestBody.fromBytes(pkg));
        return key;
    }

    /**
     * The built function package with one file added (a different package, the same code), or, broken, without
     * its jar (the runtime cannot find the handler).
     */
    private static byte[] repackaged(boolean broken) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var in = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(functionPackage())));
                var zip = new ZipOutputStream(out)) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                var content = in.readAllBytes();
                if (broken && entry.getName().startsWith("lib/")) {
                    continue;
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(content);
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("release-note.txt"));
            zip.write(("release " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static Path functionPackage() throws IOException {
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("card-events-.*-lambda\\.zip"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no target/card-events-*-lambda.zip: package first"));
        }
    }
}
