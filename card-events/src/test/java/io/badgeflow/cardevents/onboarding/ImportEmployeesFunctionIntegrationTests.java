package io.badgeflow.cardevents.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.aws.dynamodb.DynamoDbImportLedger;
import io.badgeflow.aws.testing.AwsClients;
import io.badgeflow.aws.testing.AwsEnvironment;
import io.badgeflow.aws.testing.LocalAws;
import io.badgeflow.cardevents.command.LambdaEnvironment;
import io.badgeflow.model.onboarding.ImportId;
import io.badgeflow.model.onboarding.ImportStatus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.json.JsonMapper;

/** The imports Lambda as AWS calls it: FunctionInvoker with the importEmployees definition and a recorded event. */
@ExtendWith(LocalAws.class)
class ImportEmployeesFunctionIntegrationTests {

    /** A namespace of this run's own, so the metric read back is this import's. */
    private static final String NAMESPACE = "badgeflow-test-" + UUID.randomUUID();

    private static AwsEnvironment aws;

    @BeforeAll
    static void lambdaEnvironment(AwsEnvironment environment) {
        aws = environment;
        LambdaEnvironment.set(aws, "importEmployees");
        System.setProperty("badgeflow.card-events.metrics-namespace", NAMESPACE);
    }

    @AfterAll
    static void clearEnvironment() {
        LambdaEnvironment.clear();
        System.clearProperty("badgeflow.card-events.metrics-namespace");
    }

    @Test
    void importsTheAnnouncedFileAndReportsOnlyTheUnreadableEnvelopeAsFailed() throws Exception {
        // Not the imports bucket: its notifications reach the stack's own import function, which would import the file
        // too. The function reads the bucket the event names.
        var bucket = aws.output("ArtifactBucketName");
        var key = "imports/lambda-" + UUID.randomUUID() + ".csv";
        var csv = ("employee number,given name,family name,email\nL-" + UUID.randomUUID()
                        + ",Ada,Lovelace,ada@example.com\n")
                .getBytes(StandardCharsets.UTF_8);
        try (var s3 = S3Client.builder()
                .endpointOverride(aws.endpoint())
                .region(AwsEnvironment.REGION)
                .credentialsProvider(AwsEnvironment.CREDENTIALS)
                .forcePathStyle(true)
                .build()) {
            s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(csv));

            var response = invoke(LambdaEnvironment.recordedEvent(bucket, key));

            assertThat(response.get("batchItemFailures")).hasSize(1);
            assertThat(response.get("batchItemFailures")
                            .get(0)
                            .get("itemIdentifier")
                            .asString())
                    .isEqualTo("0f0e0d0c-0b0a-4909-8807-060504030201");
            var planned = ledger().find(ImportId.ofDrop(key, csv)).orElseThrow();
            assertThat(planned.status()).isEqualTo(ImportStatus.PLANNED);
            assertThat(planned.plan().create()).isEqualTo(1);
            assertThat(planned.applied()).isZero();

            // The admin's confirmation, as admin-service writes it, applies the plan.
            var confirmationKey = "imports/confirmations/" + planned.importId() + "-"
                    + planned.plan().fingerprint() + ".csv";
            var confirmation = "importId,fingerprint,confirmedBy,overrideLimit,reason\n" + planned.importId() + ","
                    + planned.plan().fingerprint() + ",hr-admin,false,\n";
            s3.putObject(r -> r.bucket(bucket).key(confirmationKey), RequestBody.fromString(confirmation));
            invoke(LambdaEnvironment.recordedEvent(bucket, confirmationKey));
        }
        var summary = ledger().find(ImportId.ofDrop(key, csv)).orElseThrow();
        assertThat(summary.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(summary.applied()).isEqualTo(1);
        assertThat(summary.confirmedBy()).isEqualTo("hr-admin");

        // Its throughput is in CloudWatch, read back through the SDK: one import of one row.
        try (var cloudWatch = CloudWatchClient.builder()
                .endpointOverride(aws.endpoint())
                .region(AwsEnvironment.REGION)
                .credentialsProvider(AwsEnvironment.CREDENTIALS)
                .build()) {
            var rows = cloudWatch.getMetricStatistics(request -> request.namespace(NAMESPACE)
                    .metricName("badgeflow.imports.rows")
                    .startTime(summary.finishedAt().minus(Duration.ofMinutes(5)))
                    .endTime(summary.finishedAt().plus(Duration.ofMinutes(5)))
                    .period(600)
                    .statistics(Statistic.SUM, Statistic.SAMPLE_COUNT));
            assertThat(rows.datapoints()).singleElement().satisfies(point -> {
                assertThat(point.sum()).isEqualTo(1.0);
                assertThat(point.sampleCount()).isEqualTo(1.0);
            });
            var names = cloudWatch.listMetrics(request -> request.namespace(NAMESPACE)).metrics().stream()
                    .map(Metric::metricName)
                    .toList();
            assertThat(names).contains("badgeflow.imports.rows", "badgeflow.imports.rows.per.second");
        }
    }

    private static tools.jackson.databind.JsonNode invoke(String event) throws Exception {
        var output = new ByteArrayOutputStream();
        new FunctionInvoker()
                .handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), output, null);
        return JsonMapper.shared().readTree(output.toByteArray());
    }

    private static DynamoDbImportLedger ledger() {
        return new DynamoDbImportLedger(
                AwsClients.enhanced(AwsClients.dynamoDb(aws)), aws.output("ImportsTableName"), Duration.ofDays(1));
    }
}
