package io.badgeflow.admin.aws;

import io.awspring.cloud.autoconfigure.core.AwsClientBuilderConfigurer;
import io.badgeflow.admin.AdminServiceProperties;
import io.badgeflow.aws.delivery.DeliveryFailures;
import io.badgeflow.aws.dynamodb.BackOfficeTables;
import io.badgeflow.aws.dynamodb.DynamoDbAccessFacts;
import io.badgeflow.aws.dynamodb.DynamoDbAdminAuditTrail;
import io.badgeflow.aws.dynamodb.DynamoDbBackOfficeDirectory;
import io.badgeflow.aws.dynamodb.DynamoDbCommandHistory;
import io.badgeflow.aws.dynamodb.DynamoDbCommandLog;
import io.badgeflow.aws.dynamodb.DynamoDbDeliveryFailures;
import io.badgeflow.aws.dynamodb.DynamoDbImportLedger;
import io.badgeflow.aws.dynamodb.DynamoDbParkedRecords;
import io.badgeflow.aws.dynamodb.DynamoDbPresenceLedger;
import io.badgeflow.aws.dynamodb.DynamoDbSwipeHistory;
import io.badgeflow.aws.parking.ParkedRecordStore;
import io.badgeflow.model.access.AccessFacts;
import io.badgeflow.model.audit.AdminAuditTrail;
import io.badgeflow.model.backoffice.BackOfficeDirectory;
import io.badgeflow.model.command.CommandHistory;
import io.badgeflow.model.command.CommandLog;
import io.badgeflow.model.door.SwipeHistory;
import io.badgeflow.model.onboarding.ImportLedger;
import io.badgeflow.model.presence.PresenceLedger;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The DynamoDB and SQS clients and the read-side adapters (back office, imports ledger, admin audit trail,
 * presence, stored door events, the entry rules' facts), built once and configured from
 * {@code spring.cloud.aws.*}.
 */
@Configuration(proxyBeanMethods = false)
class AwsAdaptersConfiguration {

    @Bean
    DynamoDbClient dynamoDbClient(AwsClientBuilderConfigurer configurer) {
        return configurer.configure(DynamoDbClient.builder()).build();
    }

    @Bean
    DynamoDbEnhancedClient dynamoDbEnhancedClient(DynamoDbClient dynamoDb) {
        return DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb).build();
    }

    @Bean
    CommandLog commandLog(DynamoDbEnhancedClient enhanced, AdminServiceProperties properties) {
        return new DynamoDbCommandLog(enhanced, properties.tables().commands());
    }

    @Bean
    SqsClient sqsClient(AwsClientBuilderConfigurer configurer) {
        return configurer.configure(SqsClient.builder()).build();
    }

    @Bean
    DeliveryFailures deliveryFailures(DynamoDbEnhancedClient enhanced, AdminServiceProperties properties, Clock clock) {
        // Retention only matters to writers (card-events); this side reads.
        return new DynamoDbDeliveryFailures(enhanced, properties.tables().deliveryFailures(),
                DynamoDbDeliveryFailures.DEFAULT_RETENTION, clock);
    }

    @Bean
    CommandHistory commandHistory(DynamoDbEnhancedClient enhanced, AdminServiceProperties properties) {
        return new DynamoDbCommandHistory(enhanced, properties.tables().commands());
    }

    @Bean
    BackOfficeDirectory backOfficeDirectory(DynamoDbEnhancedClient enhanced, AdminServiceProperties properties) {
        var tables = properties.tables();
        return new DynamoDbBackOfficeDirectory(enhanced, new BackOfficeTables(tables.employees(), tables.cards(),
                tables.buildings(), tables.doors(), tables.grants(), tables.commands()));
    }

    @Bean
    PresenceLedger presenceLedger(DynamoDbEnhancedClient enhanced, AdminServiceProperties properties) {
        return new DynamoDbPresenceLedger(enhanced, properties.tables().presence());
    }

    @Bean
    SwipeHistory swipeHistory(DynamoDbEnhancedClient enhanced, AdminServiceProperties properties) {
        return new DynamoDbSwipeHistory(enhanced, properties.tables().swipes());
    }

    /**
     * The entry rules' facts for "who can enter" and "can enter": the same strongly consistent reads of the
     * back-office tables the rules would make for a swipe (the place only; the person comes from the candidate).
     */
    @Bean
    AccessFacts accessFacts(DynamoDbEnhancedClient enhanced, AdminServiceProperties properties,
            PresenceLedger presence) {
        var tables = properties.tables();
        return new DynamoDbAccessFacts(enhanced, new BackOfficeTables(tables.employees(), tables.cards(),
                tables.buildings(), tables.doors(), tables.grants(), tables.commands()), presence);
    }

    @Bean
    ImportLedger importLedger(DynamoDbEnhancedClient enhanced, AdminServiceProperties properties) {
        // Retention only matters to writers (card-events); this side reads.
        return new DynamoDbImportLedger(enhanced, properties.tables().imports(), Duration.ofDays(30));
    }

    @Bean
    ParkedRecordStore parkedRecordStore(DynamoDbEnhancedClient enhanced, AdminServiceProperties properties,
            Clock clock) {
        // Retention only matters to the writer (access-stream); this side lists.
        return new DynamoDbParkedRecords(enhanced, properties.tables().parkedRecords(),
                DynamoDbParkedRecords.DEFAULT_RETENTION, clock);
    }

    @Bean
    AdminAuditTrail adminAuditTrail(DynamoDbClient dynamoDb, AdminServiceProperties properties, Clock clock) {
        return new DynamoDbAdminAuditTrail(dynamoDb, properties.tables().adminAudit(), clock);
    }
}
