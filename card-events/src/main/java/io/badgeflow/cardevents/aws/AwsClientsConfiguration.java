package io.badgeflow.cardevents.aws;

import io.awspring.cloud.autoconfigure.core.AwsClientBuilderConfigurer;
import io.badgeflow.aws.delivery.DeliveryFailures;
import io.badgeflow.aws.dynamodb.BackOfficeTables;
import io.badgeflow.aws.dynamodb.DynamoDbAdminAuditTrail;
import io.badgeflow.aws.dynamodb.DynamoDbBackOfficeStore;
import io.badgeflow.aws.dynamodb.DynamoDbCommandLog;
import io.badgeflow.aws.dynamodb.DynamoDbDeliveryFailures;
import io.badgeflow.aws.dynamodb.DynamoDbImportLedger;
import io.badgeflow.aws.dynamodb.DynamoDbRoster;
import io.badgeflow.cardevents.CardEventsProperties;
import io.badgeflow.cardevents.CardEventsStack;
import io.badgeflow.cardevents.onboarding.ImportMeter;
import io.badgeflow.model.audit.AdminAuditTrail;
import io.badgeflow.model.backoffice.CommandApplier;
import io.badgeflow.model.onboarding.HrSync;
import io.badgeflow.model.onboarding.ImportLedger;
import io.badgeflow.model.onboarding.ImportReports;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The SDK clients and the adapters behind the model's ports, built once per process (per Lambda container),
 * configured from {@code spring.cloud.aws.*} like the clients Spring Cloud AWS builds itself.
 */
@Configuration(proxyBeanMethods = false)
class AwsClientsConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    DynamoDbClient dynamoDbClient(AwsClientBuilderConfigurer configurer) {
        return configurer.configure(DynamoDbClient.builder()).build();
    }

    @Bean
    SqsClient sqsClient(AwsClientBuilderConfigurer configurer) {
        return configurer.configure(SqsClient.builder()).build();
    }

    @Bean
    LambdaClient lambdaClient(AwsClientBuilderConfigurer configurer) {
        return configurer.configure(LambdaClient.builder()).build();
    }

    /** Import throughput to the services' namespace; without one (tests, a stage without metrics) nothing is sent. */
    @Bean
    ImportMeter importMeter(AwsClientBuilderConfigurer configurer, CardEventsProperties properties) {
        if (properties.metricsNamespace() == null) {
            return summary -> {};
        }
        return new CloudWatchImportMeter(
                configurer.configure(CloudWatchClient.builder()).build(), properties.metricsNamespace());
    }

    @Bean
    DynamoDbEnhancedClient dynamoDbEnhancedClient(DynamoDbClient dynamoDb) {
        return DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb).build();
    }

    /**
     * {@code appliedBy}: every command record names the function and version that applied it, from the variables
     * Lambda sets (the release path and auditors read it).
     */
    @Bean
    CommandApplier commandApplier(
            DynamoDbEnhancedClient enhanced,
            CardEventsStack stack,
            CardEventsProperties properties,
            Clock clock,
            @Value("${AWS_LAMBDA_FUNCTION_NAME:card-events}:${AWS_LAMBDA_FUNCTION_VERSION:unversioned}")
                    String appliedBy) {
        var backOffice = backOfficeTables(stack);
        return new CommandApplier(
                new DynamoDbBackOfficeStore(enhanced, backOffice, properties.commandRetention(), appliedBy),
                new DynamoDbCommandLog(enhanced, stack.commandsTableName()),
                clock,
                properties.dependencyWait());
    }

    @Bean
    AdminAuditTrail adminAuditTrail(DynamoDbClient dynamoDb, CardEventsStack stack, Clock clock) {
        return new DynamoDbAdminAuditTrail(dynamoDb, stack.adminAuditTableName(), clock);
    }

    @Bean(destroyMethod = "shutdown")
    ExecutorService importWorkers(CardEventsProperties properties) {
        return Executors.newFixedThreadPool(
                properties.imports().parallelism(),
                Thread.ofPlatform().name("import-", 0).daemon(true).factory());
    }

    @Bean
    ImportLedger importLedger(DynamoDbEnhancedClient enhanced, CardEventsStack stack, CardEventsProperties properties) {
        return new DynamoDbImportLedger(
                enhanced, stack.importsTableName(), properties.imports().retention());
    }

    @Bean
    HrSync hrSync(
            CommandApplier applier,
            DynamoDbClient dynamoDb,
            ImportLedger ledger,
            CardEventsStack stack,
            CardEventsProperties properties,
            ImportReports reports,
            AdminAuditTrail audit,
            ExecutorService importWorkers,
            Clock clock) {
        var roster = new DynamoDbRoster(dynamoDb, backOfficeTables(stack));
        return new HrSync(
                applier,
                roster,
                ledger,
                reports,
                audit,
                importWorkers,
                properties.imports().batchSize(),
                properties.imports().maxOffboardShare(),
                clock);
    }

    private static BackOfficeTables backOfficeTables(CardEventsStack stack) {
        return new BackOfficeTables(
                stack.employeesTableName(),
                stack.cardsTableName(),
                stack.buildingsTableName(),
                stack.doorsTableName(),
                stack.grantsTableName(),
                stack.commandsTableName());
    }

    @Bean
    DeliveryFailures deliveryFailures(DynamoDbEnhancedClient enhanced, CardEventsStack stack, Clock clock) {
        return new DynamoDbDeliveryFailures(
                enhanced, stack.deliveryFailuresTableName(), DynamoDbDeliveryFailures.DEFAULT_RETENTION, clock);
    }
}
