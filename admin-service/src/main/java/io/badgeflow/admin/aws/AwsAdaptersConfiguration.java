package io.badgeflow.admin.aws;

import io.awspring.cloud.autoconfigure.core.AwsClientBuilderConfigurer;
import io.badgeflow.admin.AdminServiceStack;
import io.badgeflow.aws.delivery.DeliveryFailures;
import io.badgeflow.aws.dynamodb.BackOfficeTables;
import io.badgeflow.aws.dynamodb.DynamoDbAccessFacts;
import io.badgeflow.aws.dynamodb.DynamoDbAdminAuditTrail;
import io.badgeflow.aws.dynamodb.DynamoDbAffiliates;
import io.badgeflow.aws.dynamodb.DynamoDbBackOfficeDirectory;
import io.badgeflow.aws.dynamodb.DynamoDbCommandHistory;
import io.badgeflow.aws.dynamodb.DynamoDbCommandLog;
import io.badgeflow.aws.dynamodb.DynamoDbDeliveryFailures;
import io.badgeflow.aws.dynamodb.DynamoDbDoorListStatuses;
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
import io.badgeflow.model.employee.Affiliates;
import io.badgeflow.model.offline.DoorListStatuses;
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
    CommandLog commandLog(DynamoDbEnhancedClient enhanced, AdminServiceStack stack) {
        return new DynamoDbCommandLog(enhanced, stack.commandsTableName());
    }

    @Bean
    SqsClient sqsClient(AwsClientBuilderConfigurer configurer) {
        return configurer.configure(SqsClient.builder()).build();
    }

    @Bean
    DeliveryFailures deliveryFailures(DynamoDbEnhancedClient enhanced, AdminServiceStack stack, Clock clock) {
        // Retention only matters to writers (card-events); this side reads.
        return new DynamoDbDeliveryFailures(
                enhanced, stack.deliveryFailuresTableName(), DynamoDbDeliveryFailures.DEFAULT_RETENTION, clock);
    }

    @Bean
    CommandHistory commandHistory(DynamoDbEnhancedClient enhanced, AdminServiceStack stack) {
        return new DynamoDbCommandHistory(enhanced, stack.commandsTableName());
    }

    @Bean
    BackOfficeDirectory backOfficeDirectory(DynamoDbEnhancedClient enhanced, AdminServiceStack stack) {
        return new DynamoDbBackOfficeDirectory(enhanced, backOfficeTables(stack));
    }

    @Bean
    Affiliates affiliates(DynamoDbEnhancedClient enhanced, AdminServiceStack stack) {
        return new DynamoDbAffiliates(enhanced, backOfficeTables(stack));
    }

    @Bean
    PresenceLedger presenceLedger(DynamoDbEnhancedClient enhanced, AdminServiceStack stack) {
        return new DynamoDbPresenceLedger(enhanced, stack.presenceTableName());
    }

    @Bean
    SwipeHistory swipeHistory(DynamoDbEnhancedClient enhanced, AdminServiceStack stack) {
        return new DynamoDbSwipeHistory(enhanced, stack.swipesTableName());
    }

    /**
     * The entry rules' facts for "who can enter" and "can enter": the same strongly consistent reads of the
     * back-office tables the rules would make for a swipe (the place only; the person comes from the candidate).
     */
    @Bean
    AccessFacts accessFacts(DynamoDbEnhancedClient enhanced, AdminServiceStack stack, PresenceLedger presence) {
        return new DynamoDbAccessFacts(enhanced, backOfficeTables(stack), presence);
    }

    @Bean
    ImportLedger importLedger(DynamoDbEnhancedClient enhanced, AdminServiceStack stack) {
        // Retention only matters to writers (card-events); this side reads.
        return new DynamoDbImportLedger(enhanced, stack.importsTableName(), Duration.ofDays(30));
    }

    @Bean
    ParkedRecordStore parkedRecordStore(DynamoDbEnhancedClient enhanced, AdminServiceStack stack, Clock clock) {
        // Retention only matters to the writer (access-stream); this side lists.
        return new DynamoDbParkedRecords(
                enhanced, stack.parkedRecordsTableName(), DynamoDbParkedRecords.DEFAULT_RETENTION, clock);
    }

    @Bean
    AdminAuditTrail adminAuditTrail(DynamoDbClient dynamoDb, AdminServiceStack stack, Clock clock) {
        return new DynamoDbAdminAuditTrail(dynamoDb, stack.adminAuditTableName(), clock);
    }

    /** The doors' offline allow-list statuses access-stream keeps on their rows (the live view shows them). */
    @Bean
    DoorListStatuses doorListStatuses(DynamoDbClient dynamoDb, AdminServiceStack stack) {
        return new DynamoDbDoorListStatuses(dynamoDb, stack.doorsTableName());
    }

    private static BackOfficeTables backOfficeTables(AdminServiceStack stack) {
        return new BackOfficeTables(
                stack.employeesTableName(),
                stack.cardsTableName(),
                stack.buildingsTableName(),
                stack.doorsTableName(),
                stack.grantsTableName(),
                stack.commandsTableName());
    }
}
