package io.badgeflow.accessstream.kinesis;

import io.badgeflow.accessstream.AccessStreamProperties;
import io.badgeflow.accessstream.AccessStreamStack;
import io.badgeflow.accessstream.stream.DoorEventHandler;
import io.badgeflow.accessstream.stream.ParkedRecords;
import io.badgeflow.model.archive.EventArchive;
import io.micrometer.core.instrument.MeterRegistry;
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
    SwipeStreamConsumer swipeStreamConsumer(
            KinesisAsyncClient kinesis,
            DynamoDbAsyncClient dynamoDb,
            CloudWatchAsyncClient cloudWatch,
            AccessStreamStack stack,
            AccessStreamProperties properties,
            DoorEventHandler handler,
            EventArchive archive,
            ParkedRecords parked,
            MeterRegistry meters) {
        var progress = new ConsumerProgress(meters);
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
