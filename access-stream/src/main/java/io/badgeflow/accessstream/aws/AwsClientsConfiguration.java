package io.badgeflow.accessstream.aws;

import io.awspring.cloud.autoconfigure.core.AwsClientBuilderConfigurer;
import io.awspring.cloud.autoconfigure.core.AwsProperties;
import io.awspring.cloud.sns.core.SnsTemplate;
import io.badgeflow.accessstream.AccessStreamProperties;
import io.badgeflow.accessstream.AccessStreamStack;
import io.badgeflow.aws.archive.S3EventArchive;
import io.badgeflow.aws.dynamodb.BackOfficeTables;
import io.badgeflow.aws.dynamodb.DynamoDbAccessFacts;
import io.badgeflow.aws.dynamodb.DynamoDbAlarmLedger;
import io.badgeflow.aws.dynamodb.DynamoDbCommandFeed;
import io.badgeflow.aws.dynamodb.DynamoDbDecisionLog;
import io.badgeflow.aws.dynamodb.DynamoDbDoorRegistry;
import io.badgeflow.aws.dynamodb.DynamoDbParkedRecords;
import io.badgeflow.aws.dynamodb.DynamoDbPresenceLedger;
import io.badgeflow.aws.dynamodb.DynamoDbSwipeLog;
import io.badgeflow.aws.parking.ParkedRecordStore;
import io.badgeflow.model.alarm.AlarmLedger;
import io.badgeflow.model.alarm.AlarmPublisher;
import io.badgeflow.model.archive.EventArchive;
import io.badgeflow.model.command.CommandFeed;
import io.badgeflow.model.door.SwipeLog;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The SDK clients and the DynamoDB adapters behind the model's ports, built once per process and configured from
 * {@code spring.cloud.aws.*} like the clients Spring Cloud AWS builds itself (the S3 client and the SNS template are
 * Spring Cloud AWS's own). The async clients are KCL's: it keeps its leases, coordinator state and worker metrics in
 * DynamoDB and may publish metrics to CloudWatch.
 */
@Configuration(proxyBeanMethods = false)
class AwsClientsConfiguration {

    static final int DYNAMODB_CONNECTIONS = 256;

    /**
     * One connection pool for the decision path and the stream consumer, sized for both: decisions at the rate of
     * a morning rush plus the consumer's parallel partition keys per shard. The SDK's default of 50 made decisions
     * queue behind the consumer's writes.
     */
    @Bean
    DynamoDbClient dynamoDbClient(AwsClientBuilderConfigurer configurer) {
        return configurer
                .configure(DynamoDbClient.builder())
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(DYNAMODB_CONNECTIONS))
                .build();
    }

    @Bean
    DynamoDbEnhancedClient dynamoDbEnhancedClient(DynamoDbClient dynamoDb) {
        return DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb).build();
    }

    @Bean
    DynamoDbPresenceLedger storedPresence(DynamoDbEnhancedClient enhanced, AccessStreamStack stack) {
        return new DynamoDbPresenceLedger(enhanced, stack.presenceTableName());
    }

    /** Where the decision path commits decisions; the tables carry them to the swipe stream (decision 0015). */
    @Bean
    DynamoDbDecisionLog storedDecisions(DynamoDbEnhancedClient enhanced, AccessStreamStack stack, Clock clock) {
        return new DynamoDbDecisionLog(enhanced, stack.presenceTableName(), stack.doorDecisionsTableName(), clock);
    }

    @Bean
    DynamoDbDoorRegistry storedDoors(DynamoDbEnhancedClient enhanced, AccessStreamStack stack) {
        return new DynamoDbDoorRegistry(enhanced, stack.doorsTableName());
    }

    /** The back office's records read straight from its tables; the decision path remembers them. */
    @Bean
    DynamoDbAccessFacts storedAccessFacts(
            DynamoDbEnhancedClient enhanced, AccessStreamStack stack, DynamoDbPresenceLedger presences) {
        return new DynamoDbAccessFacts(
                enhanced,
                new BackOfficeTables(
                        stack.employeesTableName(),
                        stack.cardsTableName(),
                        stack.buildingsTableName(),
                        stack.doorsTableName(),
                        stack.grantsTableName(),
                        stack.commandsTableName()),
                presences);
    }

    @Bean
    CommandFeed commandFeed(DynamoDbEnhancedClient enhanced, AccessStreamStack stack, Clock clock) {
        return new DynamoDbCommandFeed(enhanced, stack.commandsTableName(), clock);
    }

    @Bean
    SwipeLog swipeLog(DynamoDbEnhancedClient enhanced, AccessStreamStack stack, AccessStreamProperties properties) {
        return new DynamoDbSwipeLog(enhanced, stack.swipesTableName(), properties.swipeRetention());
    }

    /** The consumer writes each batch here before its checkpoint; the replay reads it back. */
    @Bean
    EventArchive eventArchive(S3Client s3, AccessStreamStack stack) {
        return new S3EventArchive(s3, stack.archiveBucketName());
    }

    /** Records the consumer can never apply, kept for operators (GET /api/v1/parked-records in admin-service). */
    @Bean
    ParkedRecordStore parkedRecordStore(DynamoDbEnhancedClient enhanced, AccessStreamStack stack, Clock clock) {
        return new DynamoDbParkedRecords(
                enhanced, stack.parkedRecordsTableName(), DynamoDbParkedRecords.DEFAULT_RETENTION, clock);
    }

    @Bean
    AlarmLedger alarmLedger(
            DynamoDbEnhancedClient enhanced, DynamoDbClient dynamoDb, AccessStreamStack stack, Clock clock) {
        return new DynamoDbAlarmLedger(
                enhanced, dynamoDb, stack.alarmsTableName(), DynamoDbAlarmLedger.DEFAULT_RETENTION, clock);
    }

    /** Spring Cloud AWS's SNS starter builds the template (and its client) from the same settings. */
    @Bean
    AlarmPublisher alarmPublisher(SnsTemplate sns, AccessStreamStack stack) {
        return new SnsAlarmPublisher(sns, stack.alarmsTopicArn());
    }

    /** For publishing: one PutRecord per accepted swipe, on the request thread. */
    @Bean
    KinesisClient kinesisClient(AwsClientBuilderConfigurer configurer) {
        return configurer.configure(KinesisClient.builder()).build();
    }

    /**
     * KCL's Kinesis client. The async client speaks HTTP/2 by default, which only works against TLS endpoints
     * that offer it; an emulator endpoint is plain HTTP, so with an endpoint override it speaks HTTP/1.1 (polling
     * retrieval needs nothing else; enhanced fan-out would need HTTP/2).
     */
    @Bean
    KinesisAsyncClient kinesisAsyncClient(AwsClientBuilderConfigurer configurer, AwsProperties aws) {
        var http = NettyNioAsyncHttpClient.builder().maxConcurrency(Integer.MAX_VALUE);
        if (aws.getEndpoint() != null) {
            http.protocol(Protocol.HTTP1_1);
        }
        return configurer
                .configure(KinesisAsyncClient.builder())
                .httpClientBuilder(http)
                .build();
    }

    @Bean
    DynamoDbAsyncClient dynamoDbAsyncClient(AwsClientBuilderConfigurer configurer) {
        return configurer.configure(DynamoDbAsyncClient.builder()).build();
    }

    @Bean
    CloudWatchAsyncClient cloudWatchAsyncClient(AwsClientBuilderConfigurer configurer) {
        return configurer.configure(CloudWatchAsyncClient.builder()).build();
    }
}
