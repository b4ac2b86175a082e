package io.badgeflow.accessstream.aws;

import io.badgeflow.accessstream.AccessStreamStack;
import io.badgeflow.accessstream.health.ProbeHealthIndicator;
import io.badgeflow.aws.outage.CachedProbe;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * Health of the stores the door API cannot work without (the readiness group: docs/operations.md, "Health"): one
 * DescribeTable and one DescribeStreamSummary, each bounded by a short call timeout and cached, named
 * {@code dynamoDb} and {@code kinesis}.
 */
@Configuration(proxyBeanMethods = false)
class AwsHealthConfiguration {

    /** Bounds one probe, retries included: health must answer quickly also while the endpoint does not. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    @Bean
    ProbeHealthIndicator dynamoDbHealthIndicator(
            DynamoDbClient dynamoDb,
            AccessStreamStack stack,
            @Value("${badgeflow.health.probe-cache:2s}") Duration cache) {
        var table = stack.swipesTableName();
        return new ProbeHealthIndicator(
                "table " + table,
                new CachedProbe(
                        () -> dynamoDb.describeTable(
                                r -> r.tableName(table).overrideConfiguration(c -> c.apiCallTimeout(PROBE_TIMEOUT))),
                        cache,
                        Clock.systemUTC()));
    }

    @Bean
    ProbeHealthIndicator kinesisHealthIndicator(
            KinesisClient kinesis,
            AccessStreamStack stack,
            @Value("${badgeflow.health.probe-cache:2s}") Duration cache) {
        var stream = stack.swipeStreamName();
        return new ProbeHealthIndicator(
                "stream " + stream,
                new CachedProbe(
                        () -> kinesis.describeStreamSummary(
                                r -> r.streamName(stream).overrideConfiguration(c -> c.apiCallTimeout(PROBE_TIMEOUT))),
                        cache,
                        Clock.systemUTC()));
    }
}
