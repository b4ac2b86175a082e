package io.badgeflow.cardevents.aws;

import io.badgeflow.aws.dynamodb.DynamoDbCommandHistory;
import io.badgeflow.aws.dynamodb.DynamoDbEndedAffiliations;
import io.badgeflow.aws.dynamodb.DynamoDbOffboardedPeople;
import io.badgeflow.cardevents.CardEventsProperties;
import io.badgeflow.cardevents.CardEventsStack;
import io.badgeflow.cardevents.erasure.PersonalCommandDocuments;
import io.badgeflow.model.audit.AdminAuditTrail;
import io.badgeflow.model.backoffice.CommandApplier;
import io.badgeflow.model.erasure.EndedAffiliationOffboarding;
import io.badgeflow.model.erasure.RetentionSweep;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The two steps of the erasure Lambda: offboarding the visitors and contractors whose days ended (the employees
 * table's {@code byAffiliation} index), then the retention sweep (its {@code byOffboarded} index); one limit bounds
 * each step of a run.
 */
@Configuration(proxyBeanMethods = false)
class ErasureConfiguration {

    @Bean
    PersonalCommandDocuments personalCommandDocuments(
            S3Client s3, DynamoDbEnhancedClient enhanced, CardEventsStack stack) {
        return new S3PersonalCommandDocuments(s3, new DynamoDbCommandHistory(enhanced, stack.commandsTableName()));
    }

    @Bean
    RetentionSweep retentionSweep(
            DynamoDbEnhancedClient enhanced,
            CardEventsStack stack,
            CommandApplier applier,
            AdminAuditTrail audit,
            CardEventsProperties properties,
            Clock clock) {
        return new RetentionSweep(
                new DynamoDbOffboardedPeople(enhanced, stack.employeesTableName()),
                applier,
                audit,
                clock,
                properties.erasure().retention(),
                properties.erasure().limit());
    }

    @Bean
    EndedAffiliationOffboarding endedAffiliationOffboarding(
            DynamoDbEnhancedClient enhanced,
            CardEventsStack stack,
            CommandApplier applier,
            AdminAuditTrail audit,
            CardEventsProperties properties,
            Clock clock) {
        return new EndedAffiliationOffboarding(
                new DynamoDbEndedAffiliations(enhanced, stack.employeesTableName()),
                applier,
                audit,
                clock,
                properties.erasure().limit());
    }
}
