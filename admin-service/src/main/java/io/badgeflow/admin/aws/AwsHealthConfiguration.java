package io.badgeflow.admin.aws;

import io.badgeflow.admin.AdminServiceStack;
import io.badgeflow.admin.health.ProbeHealthIndicator;
import io.badgeflow.aws.outage.CachedProbe;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Health of the stores admin-service cannot work without (the readiness group: docs/operations.md, "Health"): one
 * DescribeTable and one HeadBucket, each bounded by a short call timeout and cached, named {@code dynamoDb} and
 * {@code s3}.
 */
@Configuration(proxyBeanMethods = false)
class AwsHealthConfiguration {

    /** Bounds one probe, retries included: health must answer quickly also while the endpoint does not. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    @Bean
    ProbeHealthIndicator dynamoDbHealthIndicator(
            DynamoDbClient dynamoDb,
            AdminServiceStack stack,
            @Value("${badgeflow.health.probe-cache:2s}") Duration cache) {
        var table = stack.commandsTableName();
        return new ProbeHealthIndicator(
                "table " + table,
                new CachedProbe(
                        () -> dynamoDb.describeTable(
                                r -> r.tableName(table).overrideConfiguration(c -> c.apiCallTimeout(PROBE_TIMEOUT))),
                        cache,
                        Clock.systemUTC()));
    }

    @Bean
    ProbeHealthIndicator s3HealthIndicator(
            S3Client s3, AdminServiceStack stack, @Value("${badgeflow.health.probe-cache:2s}") Duration cache) {
        var bucket = stack.commandsBucketName();
        return new ProbeHealthIndicator(
                "bucket " + bucket,
                new CachedProbe(
                        () -> s3.headBucket(
                                r -> r.bucket(bucket).overrideConfiguration(c -> c.apiCallTimeout(PROBE_TIMEOUT))),
                        cache,
                        Clock.systemUTC()));
    }
}
