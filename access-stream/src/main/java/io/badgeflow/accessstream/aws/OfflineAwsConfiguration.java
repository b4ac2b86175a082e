package io.badgeflow.accessstream.aws;

import io.awspring.cloud.autoconfigure.core.AwsClientBuilderConfigurer;
import io.badgeflow.accessstream.AccessStreamStack;
import io.badgeflow.accessstream.offline.AllowListSigner;
import io.badgeflow.aws.dynamodb.BackOfficeTables;
import io.badgeflow.aws.dynamodb.DynamoDbBackOfficeDirectory;
import io.badgeflow.aws.dynamodb.DynamoDbDoorListStatuses;
import io.badgeflow.model.backoffice.BackOfficeDirectory;
import io.badgeflow.model.offline.DoorListStatuses;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * What the doors' allow-lists need from AWS: the KMS key that signs them and the back office's grants index they
 * are chosen from. Only where the door API is served.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class OfflineAwsConfiguration {

    @Bean
    KmsClient kmsClient(AwsClientBuilderConfigurer configurer) {
        return configurer.configure(KmsClient.builder()).build();
    }

    @Bean
    AllowListSigner allowListSigner(KmsClient kms, AccessStreamStack stack) {
        return new KmsAllowListSigner(kms, stack.allowListSigningKeyArn());
    }

    @Bean
    BackOfficeDirectory backOfficeDirectory(DynamoDbEnhancedClient enhanced, AccessStreamStack stack) {
        return new DynamoDbBackOfficeDirectory(
                enhanced,
                new BackOfficeTables(
                        stack.employeesTableName(),
                        stack.cardsTableName(),
                        stack.buildingsTableName(),
                        stack.doorsTableName(),
                        stack.grantsTableName(),
                        stack.commandsTableName()));
    }

    /** What the doors report of their lists, kept on their rows of the doors table. */
    @Bean
    DoorListStatuses doorListStatuses(DynamoDbClient dynamoDb, AccessStreamStack stack) {
        return new DynamoDbDoorListStatuses(dynamoDb, stack.doorsTableName());
    }
}
