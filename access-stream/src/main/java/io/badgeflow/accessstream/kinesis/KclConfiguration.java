package io.badgeflow.accessstream.kinesis;

import io.badgeflow.accessstream.AccessStreamProperties;
import io.badgeflow.accessstream.AccessStreamStack;
import io.badgeflow.accessstream.stream.DoorEventHandler;
import io.badgeflow.accessstream.stream.ParkedRecords;
import io.badgeflow.model.archive.EventArchive;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;

/** The swipe stream's KCL consumer; off with {@code badgeflow.access-stream.kcl.enabled=false}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "badgeflow.access-stream.kcl.enabled", matchIfMissing = true)
class KclConfiguration {

    @Bean
    ConsumerProgress consumerProgress(MeterRegistry meters) {
        return new ConsumerProgress(meters);
    }

    @Bean
    KclWatch kclWatch(
            SwipeStreamConsumer consumer,
            ConsumerProgress progress,
            KinesisAsyncClient kinesis,
            DynamoDbAsyncClient dynamoDb,
            AccessStreamStack stack,
            AccessStreamProperties properties,
            @Value("${badgeflow.access-stream.kcl.watch-interval:2s}") Duration interval,
            Clock clock) {
        return new KclWatch(
                consumer,
                progress,
                kinesis,
                dynamoDb,
                stack.swipeStreamName(),
                properties.kclApplicationName(),
                interval,
                clock);
    }

    @Bean
    KclHealthIndicator kclHealthIndicator(KclWatch watch) {
        return new KclHealthIndicator(watch);
    }

    @Bean
    SwipeStreamConsumer swipeStreamConsumer(
            KinesisAsyncClient kinesis,
            DynamoDbAsyncClient dynamoDb,
            CloudWatchAsyncClient cloudWatch,
            AccessStreamStack stack,
            AccessStreamProperties properties,
            DoorEventHandler handler,
            EventArchive archive,
            ParkedRecords parked,
            ConsumerProgress progress) {
        var processors = new SwipeRecordProcessorFactory(
                handler, archive, parked, progress, properties.kcl().retryBackoff());
        return new SwipeStreamConsumer(
                kinesis,
                dynamoDb,
                cloudWatch,
                stack.swipeStreamName(),
                properties,
                processors,
                progress,
                new KclLeaseBootstrap());
    }
}
